package org.piste.normal;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;

/** Unicode clean-up shared by every normaliser: one definition of "the same text". */
public final class Text {
    /** Folding is on every name, address and purpose compared: worth remembering, shared by resolve and screen. */
    private static final Memo<String, String> FOLDED = Memo.shared(500_000);
    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));

    /** The longest error sentence shown whole (a console line, a problem detail, the error page). */
    public static final int SENTENCE_MAX = 300;

    private Text() {}

    /**
     * {@code sentence} if it is at most {@link #SENTENCE_MAX} characters; else its beginning, "…" and its whole length,
     * so that a huge value it quotes (a bad header, a file's line) does not make a huge message. A surrogate pair is
     * never cut.
     */
    public static String capped(String sentence) {
        if (sentence == null || sentence.length() <= SENTENCE_MAX) return sentence;
        int cut = Character.isHighSurrogate(sentence.charAt(SENTENCE_MAX - 1)) ? SENTENCE_MAX - 1 : SENTENCE_MAX;
        return sentence.substring(0, cut) + "… (" + sentence.length() + " characters in all)";
    }

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

    /**
     * Latin script, ASCII, lower case, letters and digits separated by single spaces: the one folding that names,
     * addresses and purposes are compared in ("Frais médicaux" = "FRAIS MEDICAUX", "Иван" = "ivan", "O'Hara" = "o hara").
     */
    public static String fold(String raw) {
        if (raw.isEmpty()) return "";
        return FOLDED.get(raw, Text::foldUncached);
    }

    private static String foldUncached(String raw) {
        String latin = isAscii(raw) ? raw.toLowerCase(Locale.ROOT) : TO_LATIN.get().transliterate(raw);
        StringBuilder out = new StringBuilder(latin.length());
        boolean space = false;
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (space && out.length() > 0) out.append(' ');
                space = false;
                out.append(c);
            } else {
                space = true; // punctuation, apostrophes included, separates words: d'Arc -> d arc
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 0x7E) return false;
        return true;
    }
}
