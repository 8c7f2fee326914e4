package org.piste.app.web.referrals;

import java.util.List;
import java.util.Optional;
import org.piste.app.referrals.ReferralQueries;
import org.piste.app.web.DashboardCard;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Referrals on the dashboard: how many, subjects matched, matches awaiting a ruling (counts only). */
@Component
public record ReferralsCard(ReferralQueries queries) implements DashboardCard {
    @Override
    public Optional<Card> card(Authentication user) {
        if (!DashboardCard.reaches(user, "/referrals")) return Optional.empty();
        ReferralQueries.Totals t = queries.totals();
        return Optional.of(new Card(40, "referrals.card.title", t.referrals(), "/referrals",
                List.of(Line.of("referrals.card.matched", t.subjectsMatched()),
                        Line.of("referrals.card.awaiting", t.awaitingRuling()))));
    }
}
