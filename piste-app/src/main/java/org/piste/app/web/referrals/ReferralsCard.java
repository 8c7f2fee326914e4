package org.piste.app.web.referrals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.piste.app.referrals.ReferralQueries;
import org.piste.app.store.Database;
import org.piste.app.web.DashboardCard;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Referrals on the dashboard: how many, subjects matched, matches awaiting a ruling (counts only). */
@Component
public class ReferralsCard implements DashboardCard {
    private final ReferralQueries queries;
    private final MessageSource messages;

    public ReferralsCard(Database database, MessageSource messages) {
        this.queries = new ReferralQueries(database);
        this.messages = messages;
    }

    @Override
    public Optional<Card> card(Authentication user) {
        if (!DashboardCard.reaches(user, "/referrals")) return Optional.empty();
        ReferralQueries.Totals t = queries.totals();
        Locale locale = LocaleContextHolder.getLocale();
        return Optional.of(new Card(40, "referrals.card.title", String.format(locale, "%,d", t.referrals()), "/referrals",
                List.of(messages.getMessage("referrals.card.matched", new Object[] {t.subjectsMatched()}, locale),
                        messages.getMessage("referrals.card.awaiting", new Object[] {t.awaitingRuling()}, locale))));
    }
}
