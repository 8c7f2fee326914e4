package org.piste.app.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages show a moment of Piste's own work (a sign-in, a ruling, a line of the audit trail): it happened where
 * Piste's users work, so in Paris time, to the second, with the zone named (templates: {@code ${@times.paris(at)}}).
 */
@Component("times")
public class Times {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(PARIS);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(PARIS);
    private final MessageSource messages;

    public Times(MessageSource messages) {
        this.messages = messages;
    }

    public String paris(Instant at) {
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter format = Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? FRENCH : ENGLISH;
        return messages.getMessage("time.paris", new Object[] {format.format(at)}, locale);
    }
}
