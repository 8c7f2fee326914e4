package org.piste.app.cases;

import java.util.Locale;

/**
 * The one rule for matching a legal reference (an imported file's) with a requisition's or a request's number:
 * surrounding spaces and case aside, as people type them. The SQL side compares the number's unique-index expression
 * ({@code lower(number)} for requisitions, {@code lower(btrim(number))} for requests abroad) with {@link #key}.
 */
public final class LegalReferences {
    private LegalReferences() {}

    public static String key(String legalReference) {
        return legalReference.strip().toLowerCase(Locale.ROOT);
    }
}
