package org.piste.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.piste.app.accounts.Passwords;
import org.piste.app.accounts.SignInThrottle;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The password check of the sign-in form and of HTTP Basic on the API, behind {@link SignInThrottle}: a held attempt
 * is refused ({@link Held}) before its password is looked at; a failure is counted and audited; a success is audited
 * for the form (not for each API call: that would flood the trail).
 */
final class ThrottledSignIn implements AuthenticationManager {
    private final AuthenticationManager passwords;
    private final SignInThrottle throttle;
    private final SignInThrottle.Channel channel;

    ThrottledSignIn(AuthenticationManager passwords, SignInThrottle throttle, SignInThrottle.Channel channel) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.channel = channel;
    }

    /** A refusal without a password check: too many failures of this name or address lately. */
    static final class Held extends AuthenticationException {
        private static final long serialVersionUID = 1L;
        final long seconds;

        Held(Duration wait) {
            super("too many failed sign-ins: try again later");
            this.seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        }
    }

    /**
     * The stored accounts' password check. A disabled account is told only after its password is right, so a wrong
     * password answers the same, and as fast, for a disabled account as for one that does not exist.
     */
    static AuthenticationManager passwords(UserDetailsService users) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(Passwords.encoder());
        dao.setPreAuthenticationChecks(user -> {});
        dao.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) throw new DisabledException("account disabled");
        });
        return new ProviderManager(dao);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        if (name == null || name.indexOf('\0') >= 0) {
            // No account has such a name, and the database takes no NUL (the request failed): a plain failure (the
            // form's error, the API's 401), neither counted nor audited, as no password is tried. A long name is
            // counted and audited as any (its key and the trail's object are capped).
            throw new BadCredentialsException("wrong username or password");
        }
        var attempt = new SignInThrottle.Attempt(authentication.getName(), address(authentication), channel);
        try (SignInThrottle.Turn turn = throttle.begin(attempt)) {
            var held = turn.held();
            if (held.isPresent()) throw new Held(held.get());
            Authentication result;
            try {
                result = passwords.authenticate(authentication);
            } catch (AuthenticationException e) {
                turn.failed(reason(e));
                throw e;
            }
            turn.succeeded(result.getName(), channel != SignInThrottle.Channel.API);
            return result;
        }
    }

    private static String reason(AuthenticationException e) {
        if (e instanceof BadCredentialsException) return "wrong username or password";
        if (e instanceof DisabledException) return "account disabled";
        return e.getClass().getSimpleName();
    }

    /** The request's remote address (Tomcat has already put the trusted proxy's X-Forwarded-For there). */
    private static String address(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null) {
            return d.getRemoteAddress();
        }
        return currentAddress();
    }

    static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpServletRequest request = a.getRequest();
            if (request.getRemoteAddr() != null) return request.getRemoteAddr();
        }
        return "unknown";
    }
}
