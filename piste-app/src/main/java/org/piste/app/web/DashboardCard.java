package org.piste.app.web;

import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * A card on the dashboard. Each area (imports, alerts, cases, ...) contributes its own bean, so the dashboard
 * knows none of them. Cards show counts and links, never personal data (admins see the dashboard too).
 */
public interface DashboardCard {
    /** Title and line texts are message keys or plain text; {@code link} may be empty. */
    record Card(int order, String titleKey, String value, String link, List<String> lines) {}

    /** Empty when the user's role has nothing to see here. */
    java.util.Optional<Card> card(Authentication user);

    /** Whether the user reaches the page a card links to: cards follow the access table, not a copy of it. */
    static boolean reaches(Authentication user, String page) {
        return AccessPolicy.allows(SecurityConfig.roleOf(user), org.springframework.http.HttpMethod.GET, page);
    }
}
