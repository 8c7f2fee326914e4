package org.piste.app.web.cases;

import org.piste.app.cases.CaseService;
import org.piste.app.web.WebAudit;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * At a page sign-in (form or OIDC), the user works again for the case they last chose, if the case service says
 * they may still see it; one they left is forgotten there. API calls name their case in X-Piste-Case instead.
 */
@Component
public class WorkingCaseAtSignIn implements ApplicationListener<InteractiveAuthenticationSuccessEvent> {
    private final CaseService cases;

    public WorkingCaseAtSignIn(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void onApplicationEvent(InteractiveAuthenticationSuccessEvent event) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) return;
        cases.resumeWork(WebAudit.actor(event.getAuthentication())).ifPresent(id ->
                request.setAttribute(WebAudit.CASE_ATTRIBUTE, id, RequestAttributes.SCOPE_SESSION));
    }
}
