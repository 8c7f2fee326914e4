package org.piste.app.web.accounts;

import java.util.List;
import java.util.Optional;
import org.piste.app.accounts.AuditLog;
import org.piste.app.accounts.UserStore;
import org.piste.app.web.DashboardCard;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Admins' card: accounts and the size of the audit trail. */
@Component
public record AccountsCard(UserStore users, AuditLog audit) implements DashboardCard {
    @Override
    public Optional<Card> card(Authentication user) {
        if (!DashboardCard.reaches(user, "/admin/users")) return Optional.empty();
        return Optional.of(new Card(90, "admin.card.title", users.enabledCount(), "/admin/users",
                List.of(Line.of("admin.card.audit", audit.size()))));
    }
}
