package org.piste.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records, for the signed-in user, a view, search, export or change, with the case the user is working for: the
 * one chosen in the page header (kept in the session, and per user for the next sign-in) or, for API calls, the
 * X-Piste-Case header.
 */
@Component
public class WebAudit {
    public static final String CASE_ATTRIBUTE = "piste.currentCase";
    public static final String CASE_HEADER = "X-Piste-Case";
    private final AuditLog log;

    public WebAudit(AuditLog log) {
        this.log = log;
    }

    public AuditEvent record(String action, String object, String detail) {
        return log.append(new AuditEvent.Entry(username(), action, object, currentCase(), detail));
    }

    /**
     * A request of the signed-in user that was refused (the access table, or a case their need-to-know hides): the
     * path as object, the method and the reason as detail. Anonymous requests are sent to sign in, not recorded. An
     * activation link's token is masked: it is a password until used, and the trail is read by others.
     */
    public void refused(HttpServletRequest request, String reason) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) return;
        record("access.refused", maskTokens(request.getRequestURI()), request.getMethod() + " " + reason);
    }

    /** "/activate/[token]" for "/activate/TOKEN..." (whatever follows, even an encoded or odd path). */
    static String maskTokens(String path) {
        int at = path.indexOf(ACTIVATE);
        return at < 0 ? path : path.substring(0, at) + ACTIVATE + "[token]";
    }

    private static final String ACTIVATE = "/activate/";

    /** The signed-in user, their role and the case they work for: who reads or changes, for the services. */
    public static Actor actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) throw new IllegalStateException("no signed-in user");
        return actor(auth);
    }

    /** The user, their role (from the ROLE_ authority) and the case they work for. */
    public static Actor actor(Authentication auth) {
        return Actor.user(auth.getName(), SecurityConfig.roleOf(auth), currentCase());
    }

    public static String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) throw new IllegalStateException("no signed-in user to audit");
        return auth.getName();
    }

    /** The case the current request works for, if the user chose one. */
    public static Optional<Long> currentCase() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        // Only API calls may name their case in a header (CaseHeaderCheck verifies it there); pages use the session.
        String header = request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                ? request.getHeader(CASE_HEADER) : null;
        if (header != null && header.matches("\\d{1,18}")) return Optional.of(Long.parseLong(header));
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(CASE_ATTRIBUTE) instanceof Long id ? Optional.of(id) : Optional.empty();
    }
}
