package org.piste.app.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.piste.app.refusals.Refused;

/** How the console, the pages and the API spell a report's as-of timestamp and language, read in one place. */
public final class ReportParams {
    private ReportParams() {}

    /** An ISO-8601 timestamp with its offset ("2026-03-01T18:00:00Z"); empty text: now (empty). */
    public static Optional<Instant> asOf(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new Refused("report.badAsOf", text.strip());
        }
    }

    /** The report's language: English when asked for, French otherwise (the report is a French procedure's). */
    public static Locale language(Locale asked) {
        return asked.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? Locale.ENGLISH : Locale.FRANCE;
    }
}
