package org.piste.normal;

import java.util.Locale;

/** Identity document numbers and e-mail addresses in a comparable form. */
public final class Identifiers {
    private Identifiers() {}

    /** Upper-case letters and digits only, accents removed: "p 12-345.678" -> "P12345678". */
    public static String idNumber(String raw) {
        String folded = Text.foldKey(raw);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out.append(c);
        }
        return out.toString();
    }

    /** Trimmed and lower-cased; an address without exactly one '@' is kept as written but not lower-cased. */
    public static String email(String raw) {
        String cleaned = Text.clean(raw).replace(" ", "");
        int at = cleaned.indexOf('@');
        if (at <= 0 || at != cleaned.lastIndexOf('@') || at == cleaned.length() - 1) return cleaned;
        return cleaned.toLowerCase(Locale.ROOT);
    }
}
