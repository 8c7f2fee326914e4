package org.piste.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's cards as JSON: counts and links only, as on the page. */
@RestController
@Tag(name = "dashboard", description = "Counts of imports, open alerts, referrals and cases")
public class DashboardApi {
    private final DashboardCards cards;

    public DashboardApi(DashboardCards cards) {
        this.cards = cards;
    }

    @GetMapping({"/api", "/api/dashboard"})
    @Operation(summary = "The signed-in user's dashboard cards")
    public List<DashboardCards.CardView> dashboard(Authentication user) {
        return cards.of(user);
    }
}
