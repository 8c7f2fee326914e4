package org.piste.app.cases;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.piste.app.refusals.Refused;

/**
 * A day typed in a procedure form, the API or the console (YYYY-MM-DD, spaces around ignored), or a refusal in the
 * feature's own words ({@code refusalKey} with what was typed, cut to 40 characters). One rule for requisitions,
 * requests abroad and the compensation ledger.
 */
public final class TypedDays {
    private static final int SHOWN = 40;

    private TypedDays() {}

    public static LocalDate parse(String typed, String refusalKey) {
        String t = typed == null ? "" : typed.strip();
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new Refused(refusalKey, t.length() > SHOWN ? t.substring(0, SHOWN) + "…" : t);
        }
    }

    /** Blank is none. */
    public static Optional<LocalDate> optional(String typed, String refusalKey) {
        return typed == null || typed.isBlank() ? Optional.empty() : Optional.of(parse(typed, refusalKey));
    }
}
