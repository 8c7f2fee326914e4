package org.piste.resolve;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The fields compared and their agreement levels. Level 0 is always "a value is missing" (weight 0); then from the
 * strongest agreement to disagreement, in that order (the model keeps weights from rising down a field's levels). One
 * place defines what "agree" means per field. The last two fields are a record's context: the agency where the person
 * acted (sent or collected the money) and the counterparty of the transfer (the other party's entity).
 */
enum Comparison {
    GIVEN("given names", "exact", "nickname or first name", "similar", "weak", "different"),
    SURNAME("surname", "exact", "same without particles", "similar", "sounds alike", "different"),
    MIDDLE("middle name", "exact", "initial", "different"),
    BIRTH_DATE("date of birth", "exact", "day and month swapped", "year off by 1, 10 or 100", "one digit off",
            "within a month", "within a year", "different"),
    ID_NUMBER("ID number", "exact", "one character off", "different"),
    PHONE("phone", "exact", "one digit off", "different"),
    EMAIL("e-mail", "exact", "same user name", "different"),
    ADDRESS("address", "exact", "similar", "different"),
    POSTCODE("postcode", "exact", "one character off", "different"),
    CITY("city", "exact", "similar", "different"),
    AGENCY("agency", "exact", "different"),
    COUNTERPARTY("counterparty", "same entity", "share another counterparty", "different");

    static final int MISSING = 0;
    /** The worst date-of-birth level that still reads as one date mistyped (a year off by 1, 10 or 100 included). */
    static final int TYPO = 4;
    static final Comparison[] ALL = values();
    static final int BITS = 3;
    private static final long LEVEL_BITS = (1L << (ALL.length * BITS)) - 1;
    /**
     * Set in a pattern, above the fields' levels, when the names were read swapped (one record's given names against
     * the other's surname): the explanation must say so, as the values shown are each record's own.
     */
    static final long SWAPPED = 1L << 62;
    static final String SWAPPED_NOTE = ", names read swapped";
    /** Set, per identifier field, when the value both records carry is also carried by other persons. */
    private static final int SHARED_BASE = 40;
    static final String SHARED_NOTE = ", shared with other persons";
    /** Fields whose exact value is weighed by how many distinct persons carry it. */
    static final List<Comparison> IDENTIFIERS = List.of(ID_NUMBER, PHONE, EMAIL, ADDRESS);

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

    static long sharedFlag(Comparison c) {
        return 1L << (SHARED_BASE + c.ordinal());
    }



    /**
     * Every field's level packed in one long, {@link #BITS} bits per field, with {@link #SWAPPED} and the shared flags.
     * The counterparty is left missing: it depends on other records' entities ({@link Counterparties}).
     */
    static long pattern(Features a, Features b) {
        int[] names = names(a, b);
        long p = names[2] != 0 ? SWAPPED : 0;
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
        p = put(p, AGENCY, a.agency.isEmpty() || b.agency.isEmpty() ? MISSING : a.agency.equals(b.agency) ? 1 : 2);
        for (Comparison c : IDENTIFIERS) {
            if (level(p, c) == 1 && a.personsCarrying(c) > 1) p |= sharedFlag(c);
        }
        return p;
    }

    static int level(long pattern, Comparison c) {
        return (int) (pattern >>> (c.ordinal() * BITS)) & ((1 << BITS) - 1);
    }

    /** The pattern with this field's level replaced. */
    static long withLevel(long pattern, Comparison c, int level) {
        long mask = ((1L << BITS) - 1) << (c.ordinal() * BITS);
        return (pattern & ~mask) | ((long) level << (c.ordinal() * BITS));
    }

    /** A pattern's levels alone (what the model weighs), without its flags. */
    static long levelsOnly(long pattern) {
        return pattern & LEVEL_BITS;
    }

    /** The level of a field as an explanation words it. */
    static String levelText(long pattern, Comparison c) {
        String text = c.levels[level(pattern, c)];
        if ((pattern & SWAPPED) != 0 && (c == GIVEN || c == SURNAME)) text += SWAPPED_NOTE;
        if (IDENTIFIERS.contains(c) && (pattern & sharedFlag(c)) != 0) text += SHARED_NOTE;
        return text;
    }

    /** The pattern bits that {@link #levelText} words as {@code text} for this field; -1 for no such wording. */
    static long parseLevel(Comparison c, String text) {
        long flags = 0;
        if ((c == GIVEN || c == SURNAME) && text.endsWith(SWAPPED_NOTE)) {
            text = text.substring(0, text.length() - SWAPPED_NOTE.length());
            flags = SWAPPED;
        }
        if (IDENTIFIERS.contains(c) && text.endsWith(SHARED_NOTE)) {
            text = text.substring(0, text.length() - SHARED_NOTE.length());
            flags = sharedFlag(c);
        }
        int level = java.util.Arrays.asList(c.levels).indexOf(text);
        return level < 0 ? -1 : flags | (long) level << (c.ordinal() * BITS);
    }

    private static long put(long pattern, Comparison c, int level) {
        return pattern | ((long) level << (c.ordinal() * BITS));
    }

    /**
     * Given and surname levels, reading the names swapped when that agrees better (first/last inverted rows), then
     * 1 when they were read swapped, else 0.
     */
    static int[] names(Features a, Features b) {
        int given = given(a.givenTokens, a.givenKey, b.givenTokens, b.givenKey);
        int surname = surname(a, b.surnameKey, b.surnameCore, b.surnamePhonetic);
        if (given <= 2 && surname <= 2 || a.givenKey.isEmpty() || b.surnameKey.isEmpty()) return new int[] {given, surname, 0};
        // Swapped: a's given against b's surname and the other way round.
        int swappedGiven = given(a.givenTokens, a.givenKey, b.swappedGivenTokens, b.swappedGivenKey);
        int swappedSurname = surname(a, b.swappedSurnameKey, b.swappedSurnameCore, b.swappedSurnamePhonetic);
        if (swappedGiven != MISSING && swappedSurname != MISSING && swappedGiven + swappedSurname < given + surname) {
            return new int[] {swappedGiven, swappedSurname, 1};
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

    /**
     * Dates of birth: a typing error (day and month swapped, a year off by 1, 10 or 100 with the same day and month, one
     * digit changed or two adjacent ones transposed) is a level of its own, from the rarest by chance to the commonest, as are dates within a month or a year
     * of each other (estimated dates); only dates further apart are "different", which clustering treats as a
     * contradiction.
     */
    static int birthDate(LocalDate a, LocalDate b) {
        if (a == null || b == null) return MISSING;
        if (a.equals(b)) return 1;
        if (a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth() && a.getDayOfMonth() == b.getMonthValue()) {
            return 2;
        }
        int years = Math.abs(a.getYear() - b.getYear());
        if (a.getMonthValue() == b.getMonthValue() && a.getDayOfMonth() == b.getDayOfMonth()
                && (years == 1 || years == 10 || years == 100)) {
            return 3;
        }
        if (oneDigitOff(a, b)) return 4;
        long days = Math.abs(ChronoUnit.DAYS.between(a, b));
        if (days <= 31) return 5;
        if (days <= 366) return 6;
        return 7;
    }

    /**
     * Whether the dates written yyyyMMdd differ in one digit, or in two adjacent digits swapped (1975 and 1957). Done on
     * the numbers, not on formatted text: it runs for every candidate pair.
     */
    static boolean oneDigitOff(LocalDate a, LocalDate b) {
        int x = a.getYear() * 10_000 + a.getMonthValue() * 100 + a.getDayOfMonth();
        int y = b.getYear() * 10_000 + b.getMonthValue() * 100 + b.getDayOfMonth();
        int first = -1, differing = 0;
        int[] dx = new int[8], dy = new int[8];
        for (int i = 7; i >= 0; i--, x /= 10, y /= 10) {
            dx[i] = x % 10;
            dy[i] = y % 10;
        }
        if (x != y) return false; // a year beyond four digits on one side only
        for (int i = 0; i < 8; i++) {
            if (dx[i] == dy[i]) continue;
            if (++differing == 1) first = i;
        }
        if (differing == 1) return true;
        return differing == 2 && dx[first + 1] != dy[first + 1] && dx[first] == dy[first + 1] && dx[first + 1] == dy[first];
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

    /**
     * Whether the two show the same value in every field of an explanation that the record itself carries (the
     * counterparty is the other party's entity, known only once resolved).
     */
    static boolean sameShown(Features a, Features b) {
        for (Comparison c : ALL) if (c != COUNTERPARTY && !shown(a, c).equals(shown(b, c))) return false;
        return true;
    }

    /** The value of a field as compared, for explanations (the counterparty: the other party's record id). */
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
            case AGENCY -> f.agency;
            case COUNTERPARTY -> f.counterpart;
        };
    }
}
