package org.piste.app.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in page and dashboard. */
@Controller
public class PageController {
    private final DashboardCards cards;
    private final ObjectProvider<ClientRegistrationRepository> oidc;

    public PageController(DashboardCards cards, ObjectProvider<ClientRegistrationRepository> oidc) {
        this.cards = cards;
        this.oidc = oidc;
    }

    /** The sign-in form; after too many failures, how many seconds to wait (a number only: the link is anyone's). */
    @GetMapping("/login")
    public String login(@RequestParam(defaultValue = "") String throttled, Model model) {
        model.addAttribute("oidc", oidc.getIfAvailable() != null);
        if (throttled.matches("\\d{1,6}")) model.addAttribute("retryAfter", Integer.parseInt(throttled));
        return "login";
    }

    @GetMapping({"/", "/dashboard"})
    public String dashboard(Authentication user, Model model) {
        model.addAttribute("cards", cards.of(user));
        return "dashboard";
    }
}
