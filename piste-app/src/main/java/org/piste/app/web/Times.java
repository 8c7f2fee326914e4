package org.piste.app.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.piste.normal.Zones;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages show a moment of Piste's own work (a sign-in, a ruling, a line of the audit trail): it happened where
 * Piste's users work, so in Paris time, to the second, with the zone named (templates: {@code ${@times.paris(at)}}).
 */
@Component("times")
public class Times {
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(Zones.PARIS);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Zones.PARIS);
    private final MessageSource messages;

    public Times(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * An event's time where it happened, with its zone named, and the Paris time beside (a transfer sent from Manila:
     * {@code le 12/03/2025 à 09:14 (Asia/Manila), soit le 12/03/2025 à 02:14 (heure de Paris)}), to the minute as
     * the operators write them; the same words as the transfer page.
     */
    public String event(Instant at, String zone) {
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter format = DateTimeFormatter.ofPattern(messages.getMessage("transfers.dateFormat", null, locale), locale);
        return messages.getMessage("transfers.moment", new Object[] {format.format(at.atZone(ZoneId.of(zone))), zone,
                format.format(at.atZone(Zones.PARIS))}, locale);
    }

    /**
     * A calendar day (a requisition's due date, a file's receipt), in the page's language: {@code 31/01/2024} in
     * French, {@code 2024-01-31} in English, the transfer page's pattern ({@code transfers.dayFormat}).
     */
    public String day(LocalDate day) {
        Locale locale = LocaleContextHolder.getLocale();
        return DateTimeFormatter.ofPattern(messages.getMessage("transfers.dayFormat", null, locale), locale).format(day);
    }

    public String paris(Instant at) {
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter format = Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? FRENCH : ENGLISH;
        return messages.getMessage("time.paris", new Object[] {format.format(at)}, locale);
    }
}
