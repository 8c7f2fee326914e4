package org.piste.app.web.imports;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.piste.app.imports.SourceRepository;
import org.piste.app.store.Database;
import org.piste.app.web.DashboardCard;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Imports on the dashboard: files, rows accepted and quarantined, the last import (counts only). */
@Component
public class ImportsCard implements DashboardCard {
    private final SourceRepository sources;
    private final MessageSource messages;

    public ImportsCard(Database database, MessageSource messages) {
        this.sources = new SourceRepository(database);
        this.messages = messages;
    }

    @Override
    public Optional<Card> card(Authentication user) {
        if (!DashboardCard.reaches(user, "/imports")) return Optional.empty();
        SourceRepository.Totals t = sources.totals();
        Locale locale = LocaleContextHolder.getLocale();
        String last = t.lastImport().map(at -> at.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate()
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)))
                .orElse(messages.getMessage("imports.card.never", null, locale));
        return Optional.of(new Card(10, "imports.card.title", String.format(locale, "%,d", t.files()), "/imports", List.of(
                messages.getMessage("imports.card.accepted", new Object[] {t.rows().accepted()}, locale),
                messages.getMessage("imports.card.quarantined", new Object[] {t.rows().quarantined()}, locale),
                messages.getMessage("imports.card.last", new Object[] {last}, locale))));
    }
}
