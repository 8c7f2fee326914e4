package org.piste.resolve;

import java.time.LocalDate;
import java.util.List;

/**
 * The fields compared and their agreement levels. Level 0 is always "a value is missing" (weight 0);
 * then from the strongest agreement to disagreement. One place defines what "agree" means per field.
 */
enum Comparison {
    GIVEN("given names", "exact", "nickname or first name", "similar", "weak", "different"),
    SURNAME("surname", "exact", "same without particles", "similar", "sounds alike", "different"),
    MIDDLE("middle name", "exact", "initial", "different"),
    BIRTH_DATE("date of birth", "exact", "day and month swapped", "one part differs", "different"),
    ID_NUMBER("ID number", "exact", "one character off", "different"),
    PHONE("phone", "exact", "one digit off", "different"),
    EMAIL("e-mail", "exact", "same user name", "different"),
    ADDRESS("address", "exact", "similar", "different"),
    POSTCODE("postcode", "exact", "one character off", "different"),
    CITY("city", "exact", "similar", "different");

    static final int MISSING = 0;
    static final Comparison[] ALL = values();
    static final int BITS = 3;
    /**
     * Set in a pattern, above the fields' levels, when the names were read swapped (one record's given names against
     * the other's surname): the explanation must say so, as the values shown are each record's own.
     */
    static final int SWAPPED = 1 << 30;
    static final String SWAPPED_NOTE = ", names read swapped";

    final String label;
    final String[] levels;

    Comparison(String label, String... levels) {
        this.label = label;
        String[] all = new String[levels.length + 1];
        all[0] = "missing";
        System.arraycopy(levels, 0, all, 1, levels.length);
        this.levels = all;
    }

    int levelCount() {
        return levels.length;
    }

    /** The last level: the values disagree. */
    int different() {
        return levels.length - 1;
    }

    /** All fields' levels packed in one int, {@link #BITS} bits per field, and {@link #SWAPPED}. */
    static int pattern(Features a, Features b) {
        int[] names = names(a, b);
        int p = names[2];
        p = put(p, GIVEN, names[0]);
        p = put(p, SURNAME, names[1]);
        p = put(p, MIDDLE, middle(a.middleKey, b.middleKey));
        p = put(p, BIRTH_DATE, birthDate(a.birthDate, b.birthDate));
        p = put(p, ID_NUMBER, oneEdit(a.idNumber, b.idNumber));
        p = put(p, PHONE, oneEdit(a.phone, b.phone));
        p = put(p, EMAIL, email(a.email, b.email));
        p = put(p, ADDRESS, address(a.address, b.address));
        p = put(p, POSTCODE, oneEdit(a.postcode, b.postcode));
        p = put(p, CITY, similar(a.city, b.city));
        return p;
    }

    static int level(int pattern, Comparison c) {
        return (pattern >>> (c.ordinal() * BITS)) & ((1 << BITS) - 1);
    }

    /** A pattern's levels alone (what the model weighs), without {@link #SWAPPED}. */
    static int levelsOnly(int pattern) {
        return pattern & ~SWAPPED;
    }

    /** The level of a field as an explanation words it. */
    static String levelText(int pattern, Comparison c) {
        String text = c.levels[level(pattern, c)];
        return (pattern & SWAPPED) != 0 && (c == GIVEN || c == SURNAME) ? text + SWAPPED_NOTE : text;
    }

    /** The pattern bits that {@link #levelText} words as {@code text} for this field; -1 for no such wording. */
    static int parseLevel(Comparison c, String text) {
        int swapped = 0;
        if ((c == GIVEN || c == SURNAME) && text.endsWith(SWAPPED_NOTE)) {
            text = text.substring(0, text.length() - SWAPPED_NOTE.length());
            swapped = SWAPPED;
        }
        int level = java.util.Arrays.asList(c.levels).indexOf(text);
        return level < 0 ? -1 : swapped | level << (c.ordinal() * BITS);
    }

    private static int put(int pattern, Comparison c, int level) {
        return pattern | (level << (c.ordinal() * BITS));
    }

    /**
     * Given and surname levels, reading the names swapped when that agrees better (first/last inverted rows), then
     * {@link #SWAPPED} or 0.
     */
    static int[] names(Features a, Features b) {
        int given = given(a.givenTokens, a.givenKey, b.givenTokens, b.givenKey);
        int surname = surname(a, b.surnameKey, b.surnameCore, b.surnamePhonetic);
        if (given <= 2 && surname <= 2 || a.givenKey.isEmpty() || b.surnameKey.isEmpty()) return new int[] {given, surname, 0};
        // Swapped: a's given against b's surname and the other way round.
        int swappedGiven = given(a.givenTokens, a.givenKey, b.swappedGivenTokens, b.swappedGivenKey);
        int swappedSurname = surname(a, b.swappedSurnameKey, b.swappedSurnameCore, b.swappedSurnamePhonetic);
        if (swappedGiven != MISSING && swappedSurname != MISSING && swappedGiven + swappedSurname < given + surname) {
            return new int[] {swappedGiven, swappedSurname, SWAPPED};
        }
        return new int[] {given, surname, 0};
    }

    static int given(List<String> ta, String a, List<String> tb, String b) {
        if (a.isEmpty() || b.isEmpty()) return MISSING;
        if (a.equals(b)) return 1;
        String fa = ta.get(0), fb = tb.get(0);
        if (Nicknames.compatible(fa, fb) || ta.containsAll(tb) || tb.containsAll(ta)) return 2;
        double jw = Strings.jaroWinkler(a, b);
        if (jw >= 0.88 || Strings.jaroWinkler(fa, fb) >= 0.92) return 3;
        if (jw >= 0.70 || (fa.length() == 1 || fb.length() == 1) && fa.charAt(0) == fb.charAt(0)) return 4;
        return 5;
    }

    private static int surname(Features a, String key, String core, String phonetic) {
        if (a.surnameKey.isEmpty() || key.isEmpty()) return MISSING;
        if (a.surnameKey.equals(key)) return 1;
        if (a.surnameCore.equals(core)) return 2;
        double jw = Strings.jaroWinkler(a.surnameKey, key);
        if (jw >= 0.90 || Strings.jaroWinkler(a.surnameCore, core) >= 0.92) return 3;
        if (jw >= 0.75 || (!phonetic.isEmpty() && phonetic.equals(a.surnamePhonetic))) return 4;
        return 5;
    }

    private static int middle(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) return MISSING;
        if (a.equals(b)) return 1;
        if ((a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0)) return 2;
        return 3;
    }

    static int birthDate(LocalDate a, LocalDate b) {
        if (a == null || b == null) return MISSING;
        if (a.equals(b)) return 1;
        if (a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth() && a.getDayOfMonth() == b.getMonthValue()) {
            return 2;
        }
        int same = (a.getYear() == b.getYear() ? 1 : 0) + (a.getMonthValue() == b.getMonthValue() ? 1 : 0)
                + (a.getDayOfMonth() == b.getDayOfMonth() ? 1 : 0);
        if (same == 2) return 3;
        return 4;
    }

    private static int oneEdit(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) return MISSING;
        if (a.equals(b)) return 1;
        return Strings.withinOneEdit(a, b) ? 2 : 3;
    }

    private static int email(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) return MISSING;
        if (a.equals(b)) return 1;
        int ia = a.indexOf('@'), ib = b.indexOf('@');
        if (ia > 0 && ib > 0 && a.substring(0, ia).equals(b.substring(0, ib))) return 2;
        return 3;
    }

    private static int address(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) return MISSING;
        if (a.equals(b)) return 1;
        if (Strings.tokenOverlap(a, b) >= 0.5 || Strings.jaroWinkler(a, b) >= 0.9) return 2;
        return 3;
    }

    private static int similar(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) return MISSING;
        if (a.equals(b)) return 1;
        return Strings.jaroWinkler(a, b) >= 0.88 ? 2 : 3;
    }

    /** Whether the two show the same value in every field of an explanation. */
    static boolean sameShown(Features a, Features b) {
        for (Comparison c : ALL) if (!shown(a, c).equals(shown(b, c))) return false;
        return true;
    }

    /** The value of a field as compared, for explanations. */
    static String shown(Features f, Comparison c) {
        return switch (c) {
            case GIVEN -> f.givenKey;
            case SURNAME -> String.join(" ", f.surnameTokens);
            case MIDDLE -> f.middleKey;
            case BIRTH_DATE -> f.birthDate == null ? "" : f.birthDate.toString();
            case ID_NUMBER -> f.idNumber;
            case PHONE -> f.phone;
            case EMAIL -> f.email;
            case ADDRESS -> f.address;
            case POSTCODE -> f.postcode;
            case CITY -> f.city;
        };
    }
}
