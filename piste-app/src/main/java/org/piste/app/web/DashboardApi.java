package org.piste.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's cards as JSON: counts and links only, as on the page. */
@RestController
@Tag(name = "dashboard", description = "Counts of imports, open alerts, referrals and cases")
public class DashboardApi {
    private final List<DashboardCard> cards;
    private final MessageSource messages;

    public DashboardApi(List<DashboardCard> cards, MessageSource messages) {
        this.cards = cards;
        this.messages = messages;
    }

    public record CardView(String key, String title, String value, String link, List<String> lines) {}

    @GetMapping({"/api", "/api/dashboard"})
    @Operation(summary = "The signed-in user's dashboard cards")
    public List<CardView> dashboard(Authentication user) {
        return cards.stream().map(c -> c.card(user)).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(DashboardCard.Card::order))
                .map(c -> new CardView(c.titleKey(), messages.getMessage(c.titleKey(), null, c.titleKey(),
                        LocaleContextHolder.getLocale()), c.value(), c.link(), c.lines())).toList();
    }
}
