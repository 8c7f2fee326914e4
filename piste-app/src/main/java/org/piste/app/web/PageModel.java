package org.piste.app.web;

import java.util.Optional;
import org.piste.app.accounts.UserStore;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: who is signed in, with which role, working on which case. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
public class PageModel {
    private final UserStore users;

    public PageModel(UserStore users) {
        this.users = users;
    }

    public record Viewer(String username, String displayName, String role) {}

    @ModelAttribute("viewer")
    public Viewer viewer(Authentication auth) {
        if (auth == null || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) return null;
        String name = users.find(auth.getName()).map(u -> u.displayName()).orElse(auth.getName());
        return new Viewer(auth.getName(), name, SecurityConfig.roleOf(auth).name().toLowerCase(java.util.Locale.ROOT));
    }

    @ModelAttribute("currentCase")
    public Optional<Long> currentCase() {
        return WebAudit.currentCase();
    }
}
