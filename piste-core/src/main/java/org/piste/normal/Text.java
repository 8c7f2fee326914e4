package org.piste.normal;

import java.text.Normalizer;
import java.util.Locale;

/** Unicode clean-up shared by every normaliser: one definition of "the same text". */
public final class Text {
    private Text() {}

    /** NFC, trimmed, runs of white space (including no-break spaces) folded to one space. */
    public static String clean(String raw) {
        if (raw == null || raw.isEmpty()) return "";
        if (isPlainAscii(raw)) return raw;
        String nfc = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u00A0') {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) out.append(' ');
                pendingSpace = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Printable ASCII with single inner spaces: already clean (the common case, checked without copying). */
    private static boolean isPlainAscii(String s) {
        char previous = ' ';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 && !(c == ' ' && previous != ' ')) return false;
            if (c > 0x7E) return false;
            previous = c;
        }
        return previous != ' ';
    }

    /** Upper-case without accents, for look-up keys (country names, header names): "Côte d’Ivoire" -> "COTE D’IVOIRE". */
    public static String foldKey(String raw) {
        if (raw != null && isPlainAscii(raw)) return raw.toUpperCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(clean(raw), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) out.append(c);
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
