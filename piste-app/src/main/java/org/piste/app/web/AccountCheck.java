package org.piste.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.piste.app.accounts.UserStore;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a signed-in session against its account on every request (one query on the primary key, see
 * {@link UserStore#standing}): an account gone, disabled, given another role or another password since the session
 * signed in ends the session, so the request goes on anonymous and is sent to sign in. Changes made from the console,
 * in another process, are seen the same way. The API keeps no session: HTTP Basic reads the account on each call.
 */
final class AccountCheck extends OncePerRequestFilter {
    private final UserStore users;
    private final WebAudit audit;
    private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();

    AccountCheck(UserStore users, WebAudit audit) {
        this.users = users;
        this.audit = audit;
    }

    /** The principal of a password sign-in, with a stamp of the password hash it signed in with. */
    static final class PasswordUser extends User {
        private static final long serialVersionUID = 1L;
        private final String credentials;

        PasswordUser(User user, String credentials) {
            super(user.getUsername(), user.getPassword(), user.isEnabled(), true, true, true, user.getAuthorities());
            this.credentials = credentials;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            Optional<String> ended = endedBecause(auth);
            if (ended.isPresent()) {
                audit.record("session.end", "user:" + auth.getName(), ended.get());
                logout.logout(request, response, auth);
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<String> endedBecause(Authentication auth) {
        Optional<UserStore.Standing> standing = users.standing(auth.getName());
        if (standing.isEmpty()) return Optional.of("account removed");
        UserStore.Standing s = standing.get();
        if (!s.enabled()) return Optional.of("account disabled");
        if (s.role() != SecurityConfig.roleOf(auth)) return Optional.of("role changed to " + s.role().name().toLowerCase(Locale.ROOT));
        if (auth.getPrincipal() instanceof PasswordUser p && !p.credentials.equals(s.credentials())) {
            return Optional.of("password changed");
        }
        return Optional.empty();
    }
}
