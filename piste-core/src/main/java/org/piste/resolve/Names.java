package org.piste.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.piste.normal.Text;

/**
 * Name normalisation for matching: text folded ({@link Text#fold}: any script to Latin, accents and case, punctuation
 * to spaces); titles and generational suffixes dropped; "Ma." read as Maria; surname particles (French de, du,
 * d', le; Filipino and Spanish de, dela, de la, delos, del, Sto., Sta.) handled so that "Dela Cruz",
 * "De La Cruz" and "Delacruz" give one key.
 */
public final class Names {
    /** Titles and honorifics, civil, religious and of nobility: not names ("Sir John Smith, 2nd Baronet" is John Smith). */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mme", "mlle", "mlles", "dr", "atty",
            "engr", "hon", "prof", "sir", "madame", "monsieur", "dame", "lord", "lady", "baron", "baroness", "baronet", "bt",
            "bart", "viscount", "viscountess", "earl", "countess", "duke", "duchess", "marquess", "marquis", "marchioness",
            "rev", "reverend", "fr", "msgr");
    /** Generational suffixes and ordinals: not names either (a father and son tell apart by their dates of birth). */
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "junior", "senior", "1st",
            "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th", "12th");
    private static final Set<String> PARTICLES = Set.of("de", "del", "dela", "delas", "delos", "la", "las", "los", "le",
            "du", "des", "d", "da", "di", "van", "von", "der", "den", "san", "santa", "santo", "y", "l", "of");
    private static final Map<String, String> ABBREVIATIONS = Map.of("ma", "maria", "sta", "santa", "sto", "santo",
            "mª", "maria", "jp", "jean pierre", "md", "maria");

    private Names() {}

    /** Given-name tokens: folded, titles and suffixes dropped, abbreviations expanded ("Ma. Luz" -> maria, luz). */
    public static List<String> givenTokens(String raw) {
        List<String> out = new ArrayList<>();
        for (String t : Text.fold(raw).split(" ")) {
            if (t.isEmpty() || TITLES.contains(t) || SUFFIXES.contains(t)) continue;
            String expanded = ABBREVIATIONS.getOrDefault(t, t);
            for (String e : expanded.split(" ")) out.add(e);
        }
        return out;
    }

    /** Surname tokens: folded, titles and suffixes dropped, Sta./Sto. expanded; particles kept. */
    public static List<String> surnameTokens(String raw) {
        List<String> out = new ArrayList<>();
        for (String t : Text.fold(raw).split(" ")) {
            if (t.isEmpty() || TITLES.contains(t) || SUFFIXES.contains(t)) continue;
            out.add(t.equals("sta") ? "santa" : t.equals("sto") ? "santo" : t);
        }
        return out;
    }

    /** All tokens joined: "De La Cruz", "Dela Cruz", "Delacruz" -> "delacruz". */
    public static String surnameKey(List<String> tokens) {
        return String.join("", tokens);
    }

    /** The surname without its particles: "de la cruz" -> "cruz"; a surname of particles only keeps them. */
    public static String surnameCore(List<String> tokens) {
        StringBuilder core = new StringBuilder();
        for (String t : tokens) if (!PARTICLES.contains(t)) core.append(t);
        return core.length() > 0 ? core.toString() : String.join("", tokens);
    }

    public static boolean isParticle(String token) {
        return PARTICLES.contains(token);
    }

    /** The surname as written, or taken from the name written in one piece when the row has no surname. */
    public static String surnameAsWritten(String surname, String fullName) {
        return !surname.isBlank() || fullName.isBlank() ? surname : splitFullName(fullName)[1];
    }

    /**
     * Splits a name written in one piece into given names and surname: "SURNAME, Given" when there is a
     * comma, else the last word with any particles before it is the surname ("Juan dela Cruz").
     */
    public static String[] splitFullName(String raw) {
        int comma = raw.indexOf(',');
        if (comma >= 0) return new String[] {raw.substring(comma + 1).trim(), raw.substring(0, comma).trim()};
        String[] words = raw.trim().split("\\s+");
        if (words.length < 2) return new String[] {"", raw.trim()};
        int start = words.length - 1;
        while (start > 1 && isParticle(Text.fold(words[start - 1]))) start--;
        return new String[] {String.join(" ", List.of(words).subList(0, start)),
                String.join(" ", List.of(words).subList(start, words.length))};
    }
}
