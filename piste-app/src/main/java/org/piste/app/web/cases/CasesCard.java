package org.piste.app.web.cases;

import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.piste.app.accounts.Role;
import org.piste.app.cases.CaseService;
import org.piste.app.web.DashboardCard;
import org.piste.app.web.WebAudit;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Dashboard: the user's open cases (all open cases for a prosecutor). Counts only; admins get no card. */
@Component
public record CasesCard(CaseService cases) implements DashboardCard {
    @Override
    public Optional<Card> card(Authentication user) {
        return count(cases, user, 50, "cases.card.open", CaseService.Counts::openCases);
    }

    /** Dashboard: conflicts (another case shares a subject) to resolve by contacting the other team. */
    @Component
    public record ConflictsCard(CaseService cases) implements DashboardCard {
        @Override
        public Optional<Card> card(Authentication user) {
            return count(cases, user, 51, "cases.card.conflicts", CaseService.Counts::conflicts);
        }
    }

    /** Dashboard: other teams' subjects that matched one of the cases the user leads (shown once there is one). */
    @Component
    public record NoticesCard(CaseService cases) implements DashboardCard {
        @Override
        public Optional<Card> card(Authentication user) {
            return count(cases, user, 52, "cases.card.notices", CaseService.Counts::notices)
                    .filter(card -> card.count() > 0);
        }
    }

    private static Optional<Card> count(CaseService cases, Authentication user, int order, String titleKey,
            ToLongFunction<CaseService.Counts> which) {
        var actor = WebAudit.actor(user);
        if (actor.is(Role.ADMIN)) return Optional.empty();
        return Optional.of(new Card(order, titleKey, which.applyAsLong(cases.counts(actor)), "/cases", List.of()));
    }
}
