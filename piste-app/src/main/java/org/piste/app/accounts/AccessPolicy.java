package org.piste.app.accounts;

import static org.piste.app.accounts.Role.ADMIN;
import static org.piste.app.accounts.Role.ANALYST;
import static org.piste.app.accounts.Role.INVESTIGATOR;
import static org.piste.app.accounts.Role.PROSECUTOR;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Who reaches which pages and API calls: the one table the web and API security chains are built from (the API
 * mirrors the pages under /api). Anything not listed is denied. Case files add need-to-know on top: a case is
 * visible to its team and to prosecutors only (checked by the case service). Admins see no personal data.
 */
public final class AccessPolicy {
    /** A path pattern (Spring's /** syntax), the HTTP method (null: any) and the roles allowed. */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles) {}

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> READERS = EnumSet.of(ANALYST, INVESTIGATOR, PROSECUTOR);
    private static final Set<Role> WORKERS = EnumSet.of(ANALYST, INVESTIGATOR);

    public static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.GET, "/", EVERYONE),
            new Rule(HttpMethod.GET, "/dashboard", EVERYONE),
            new Rule(null, "/admin/**", EnumSet.of(ADMIN)),
            new Rule(null, "/imports/**", WORKERS),
            new Rule(HttpMethod.GET, "/alerts/**", READERS),
            // A user's own saved filters: a setting, not a ruling, so whoever reads alerts keeps theirs.
            new Rule(HttpMethod.POST, "/alerts/filters", READERS),
            new Rule(HttpMethod.POST, "/alerts/filters/*/delete", READERS),
            new Rule(HttpMethod.POST, "/alerts/**", WORKERS),
            new Rule(HttpMethod.GET, "/entities/**", READERS),
            new Rule(HttpMethod.POST, "/entities/**", WORKERS),
            new Rule(HttpMethod.GET, "/transfers/**", READERS),
            new Rule(HttpMethod.GET, "/network/**", READERS),
            // The search box reads personal data (names, phones, ID numbers): whoever reads entities; admins do not.
            new Rule(HttpMethod.GET, "/search", READERS),
            new Rule(HttpMethod.GET, "/referrals/**", READERS),
            new Rule(HttpMethod.POST, "/referrals/**", WORKERS),
            new Rule(null, "/cases/**", READERS),
            // What is late or due soon, on the cases the user sees (need-to-know is the cases').
            new Rule(HttpMethod.GET, "/deadlines", READERS));

    private static final org.springframework.util.AntPathMatcher PATHS = new org.springframework.util.AntPathMatcher();

    private AccessPolicy() {}

    /** Whether the role may make this request (page paths; the first rule matching the path decides, as in Spring). */
    public static boolean allows(Role role, HttpMethod method, String path) {
        for (Rule rule : RULES) {
            if ((rule.method() == null || rule.method().equals(method)) && PATHS.match(rule.pattern(), path)) {
                return rule.roles().contains(role);
            }
        }
        return false;
    }

    public static String[] authorities(Set<Role> roles) {
        return roles.stream().map(Role::name).toArray(String[]::new);
    }
}
