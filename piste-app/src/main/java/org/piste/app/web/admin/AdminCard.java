package org.piste.app.web.admin;

import java.util.List;
import java.util.Optional;
import org.piste.app.web.DashboardCard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Admins' card: accounts and the size of the audit trail. */
@Component
public class AdminCard implements DashboardCard {
    private final JdbcClient jdbc;

    public AdminCard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Card> card(Authentication user) {
        if (!DashboardCard.reaches(user, "/admin/users")) return Optional.empty();
        long accounts = jdbc.sql("SELECT count(*) FROM app_user WHERE enabled").query(Long.class).single();
        long events = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        return Optional.of(new Card(90, "admin.card.title", accounts, "/admin/users",
                List.of(Line.of("admin.card.audit", events))));
    }
}
