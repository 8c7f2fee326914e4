package org.piste.app.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page and dashboard. */
@Controller
public class PageController {
    private final DashboardCards cards;
    private final ObjectProvider<ClientRegistrationRepository> oidc;

    public PageController(DashboardCards cards, ObjectProvider<ClientRegistrationRepository> oidc) {
        this.cards = cards;
        this.oidc = oidc;
    }

    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("oidc", oidc.getIfAvailable() != null);
        return "login";
    }

    @GetMapping({"/", "/dashboard"})
    public String dashboard(Authentication user, Model model) {
        model.addAttribute("cards", cards.of(user));
        return "dashboard";
    }
}
