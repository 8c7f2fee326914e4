package org.piste.app.web.cases;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.piste.app.cases.CaseService;
import org.piste.app.web.WebAudit;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An API client names the case it works for in X-Piste-Case, and the audit trail records it: the user must be
 * allowed to see that case, or the trail could credit reads to a case they have nothing to do with. For the same
 * reason the case a page user chose (kept in the session) is checked again on every request: someone taken off the
 * team, or whose case was closed to them, stops working for it at once.
 */
@Configuration
public class CaseHeaderCheck implements WebMvcConfigurer, HandlerInterceptor {
    private final CaseService cases;

    public CaseHeaderCheck(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            forgetCaseNoLongerAllowed(request, auth);
            return true;
        }
        String header = request.getHeader(WebAudit.CASE_HEADER);
        if (header == null) return true;
        if (!header.matches("\\d{1,18}")) return refuse(response, 400, WebAudit.CASE_HEADER + " must be a case number");
        if (auth == null || !cases.mayWorkOn(WebAudit.actor(auth), Long.parseLong(header))) {
            return refuse(response, 404, "no case " + header);
        }
        return true;
    }

    private void forgetCaseNoLongerAllowed(HttpServletRequest request, Authentication auth) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(WebAudit.CASE_ATTRIBUTE) instanceof Long id)) return;
        if (auth == null || !auth.isAuthenticated() || !cases.mayWorkOn(WebAudit.actor(auth), id)) {
            session.removeAttribute(WebAudit.CASE_ATTRIBUTE);
        }
    }

    private static boolean refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + message + "\"}");
        return false;
    }
}
