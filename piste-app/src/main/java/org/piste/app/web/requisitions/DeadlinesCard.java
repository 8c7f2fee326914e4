package org.piste.app.web.requisitions;

import java.util.List;
import java.util.Optional;
import org.piste.app.accounts.Role;
import org.piste.app.requisitions.Deadlines;
import org.piste.app.web.DashboardCard;
import org.piste.app.web.Times;
import org.piste.app.web.WebAudit;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Dashboard: "Échéances", what is late and what is due within 7 days on the cases the user sees. Lines name the
 * items (number, addressee, due date in the page's language: no personal data), the late first; admins get no card.
 */
@Component
public record DeadlinesCard(Deadlines deadlines, Times times) implements DashboardCard {
    private static final int LINES = 5;

    @Override
    public Optional<Card> card(Authentication user) {
        var actor = WebAudit.actor(user);
        if (actor.is(Role.ADMIN)) return Optional.empty();
        var all = deadlines.forCard(actor);
        long late = all.stream().filter(Deadlines.Deadline::late).count();
        List<Line> lines = new java.util.ArrayList<>(List.of(Line.of("deadlines.card.late", late),
                Line.of("deadlines.card.soon", all.size() - late)));
        all.stream().limit(LINES).forEach(d -> lines.add(Line.of(d.late() ? "deadlines.card.itemLate"
                : "deadlines.card.item", d.number(), d.addressee(), times.day(d.dueOn()))));
        return Optional.of(new Card(53, "deadlines.card.title", all.size(), "/deadlines", lines));
    }
}
