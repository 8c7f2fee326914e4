package org.piste.app.web;

import java.util.List;
import java.util.Optional;
import org.piste.app.accounts.AccessPolicy;
import org.springframework.security.core.Authentication;

/**
 * A card on the dashboard. Each area (imports, alerts, cases, ...) contributes its own bean, so the dashboard
 * knows none of them. Cards show counts and links, never personal data (admins see the dashboard too); their texts
 * are message keys, put in the user's language in one place ({@link DashboardCards}).
 */
public interface DashboardCard {
    /** {@code link} may be empty. */
    record Card(int order, String titleKey, long count, String link, List<Line> lines) {
        public Card {
            lines = List.copyOf(lines);
        }
    }

    /** A line under the count: a message key and its arguments. */
    record Line(String key, List<Object> args) {
        public static Line of(String key, Object... args) {
            return new Line(key, List.of(args));
        }
    }

    /** Empty when the user's role has nothing to see here. */
    Optional<Card> card(Authentication user);

    /** Whether the user reaches the page a card links to: cards follow the access table, not a copy of it. */
    static boolean reaches(Authentication user, String page) {
        return AccessPolicy.allows(SecurityConfig.roleOf(user), org.springframework.http.HttpMethod.GET, page);
    }
}
