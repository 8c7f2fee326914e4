package org.piste.app.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page and dashboard. */
@Controller
public class PageController {
    private final List<DashboardCard> cards;

    public PageController(List<DashboardCard> cards) {
        this.cards = cards;
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping({"/", "/dashboard"})
    public String dashboard(Authentication user, Model model) {
        model.addAttribute("cards", cards.stream().map(c -> c.card(user)).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(DashboardCard.Card::order)).toList());
        return "dashboard";
    }
}
