package org.piste.app.web.imports;

import java.util.List;
import java.util.Optional;
import org.piste.app.imports.SourceRepository;
import org.piste.app.web.DashboardCard;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Imports on the dashboard: files, rows accepted and quarantined, the last import (counts only). */
@Component
public record ImportsCard(SourceRepository sources) implements DashboardCard {
    @Override
    public Optional<Card> card(Authentication user) {
        if (!DashboardCard.reaches(user, "/imports")) return Optional.empty();
        SourceRepository.Totals t = sources.totals();
        // The day of the last import, as a date argument the message formats in the user's language.
        Line last = t.lastImport().map(at -> Line.of("imports.card.last",
                java.util.Date.from(at.toInstant()))).orElse(Line.of("imports.card.never"));
        return Optional.of(new Card(10, "imports.card.title", t.files(), "/imports", List.of(
                Line.of("imports.card.accepted", t.rows().accepted()),
                Line.of("imports.card.quarantined", t.rows().quarantined()), last)));
    }
}
