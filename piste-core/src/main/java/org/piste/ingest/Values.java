package org.piste.ingest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/** Reads dates, times and amounts the way one profile writes them. */
final class Values {
    private final List<DateTimeFormatter> dates;
    private final List<DateTimeFormatter> times;
    private final List<DateTimeFormatter> dateTimes;
    private final char decimal;
    private final String grouping;
    /** Where "today" comes from, for birth dates (a fixed clock in tests). */
    private final Clock clock;

    Values(MappingProfile profile) {
        this(profile, Clock.systemDefaultZone());
    }

    Values(MappingProfile profile, Clock clock) {
        this.clock = clock;
        this.dates = formatters(profile.dateFormats(), DateTimeFormatter.ISO_LOCAL_DATE);
        this.times = formatters(profile.timeFormats(), DateTimeFormatter.ISO_LOCAL_TIME);
        this.dateTimes = formatters(profile.dateTimeFormats(), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        this.decimal = profile.decimalSeparator();
        this.grouping = profile.groupingSeparator();
    }

    private static List<DateTimeFormatter> formatters(List<String> patterns, DateTimeFormatter iso) {
        var list = new java.util.ArrayList<DateTimeFormatter>();
        for (String p : patterns) {
            // Strict resolving rejects 31/02; it needs 'u' (proleptic year) instead of 'y' (year of era).
            list.add(DateTimeFormatter.ofPattern(p.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT));
        }
        list.add(iso);
        return List.copyOf(list);
    }

    LocalDate date(String field, String value) throws RowProblem {
        for (DateTimeFormatter f : dates) {
            try {
                return LocalDate.parse(value, f);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        // A spreadsheet date cell arrives as an ISO date-time at midnight.
        try {
            return LocalDateTime.parse(value).toLocalDate();
        } catch (DateTimeParseException ignored) {
            throw new RowProblem(RejectReason.UNPARSEABLE_DATE, field + ": '" + value + "' is not a date");
        }
    }

    LocalTime time(String field, String value) throws RowProblem {
        for (DateTimeFormatter f : times) {
            try {
                return LocalTime.parse(value, f);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        try {
            return LocalDateTime.parse(value).toLocalTime();
        } catch (DateTimeParseException ignored) {
            throw new RowProblem(RejectReason.UNPARSEABLE_DATE, field + ": '" + value + "' is not a time of day");
        }
    }

    /** A date-time in one column: with an offset (exact), or local (to be placed in a zone by the caller). */
    sealed interface Stamp permits Exact, Local {}

    record Exact(OffsetDateTime value) implements Stamp {}

    record Local(LocalDateTime value) implements Stamp {}

    Stamp dateTime(String field, String value) throws RowProblem {
        OffsetDateTime fast = IsoOffsetDateTime.parseOrNull(value);
        if (fast != null) return new Exact(fast);
        try {
            return new Exact(OffsetDateTime.parse(value));
        } catch (DateTimeParseException notOffset) {
            for (DateTimeFormatter f : dateTimes) {
                try {
                    return new Local(LocalDateTime.parse(value, f));
                } catch (DateTimeParseException ignored) {
                    // try the next format
                }
            }
        }
        throw new RowProblem(RejectReason.UNPARSEABLE_DATE, field + ": '" + value + "' is not a date-time");
    }

    /**
     * An amount: digits with the profile's decimal separator. Spaces, and the profile's grouping separator
     * when it splits the integer part into groups of three ("1.234,56"), are ignored, so that "50.00" in a
     * decimal-comma file is refused rather than read as 5000. A leading minus or parentheses mean negative.
     */
    BigDecimal amount(String field, String value) throws RowProblem {
        String v = stripSpaces(value);
        boolean negative = false;
        if (v.length() > 1 && v.charAt(0) == '(' && v.charAt(v.length() - 1) == ')') {
            negative = true;
            v = v.substring(1, v.length() - 1);
        }
        if (!v.isEmpty() && (v.charAt(0) == '-' || v.charAt(0) == '+')) {
            negative |= v.charAt(0) == '-';
            v = v.substring(1);
        }
        int decimalAt = v.indexOf(decimal);
        String integer = decimalAt < 0 ? v : v.substring(0, decimalAt);
        String fraction = decimalAt < 0 ? "" : v.substring(decimalAt + 1);
        if (!grouping.isEmpty() && integer.indexOf(grouping.charAt(0)) >= 0) {
            integer = ungroup(integer, grouping.charAt(0));
        }
        if (!isDigits(integer, true) || !isDigits(fraction, true) || (integer.isEmpty() && fraction.isEmpty())
                || (decimalAt >= 0 && fraction.isEmpty())) {
            throw new RowProblem(RejectReason.UNPARSEABLE_AMOUNT,
                    field + ": '" + value + "' is not an amount (decimal separator '" + decimal + "')");
        }
        BigDecimal amount = new BigDecimal((integer.isEmpty() ? "0" : integer) + (fraction.isEmpty() ? "" : "." + fraction));
        if (negative && amount.signum() != 0) {
            throw new RowProblem(RejectReason.NEGATIVE_AMOUNT, field + ": '" + value + "' is negative");
        }
        return amount;
    }

    private static String stripSpaces(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isSpaceChar(c) && !Character.isWhitespace(c)) out.append(c);
        }
        return out.toString();
    }

    /** "1.234.567" -> "1234567"; anything that is not groups of three after the first returns unchanged (and fails). */
    private static String ungroup(String integer, char separator) {
        String[] groups = integer.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) return integer;
        for (int i = 1; i < groups.length; i++) if (groups[i].length() != 3) return integer;
        return String.join("", groups);
    }

    private static boolean isDigits(String s, boolean allowEmpty) {
        if (s.isEmpty()) return allowEmpty;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /** A date of birth as read: the date, or why the value written is not used as one (empty when nothing is written). */
    record BirthDate(Optional<LocalDate> date, Optional<ValueSetAside> setAside) {}

    private static final java.util.Set<LocalDate> PLACEHOLDERS = java.util.Set.of(LocalDate.of(1, 1, 1),
            LocalDate.of(1800, 1, 1), LocalDate.of(1899, 12, 30), LocalDate.of(1899, 12, 31), LocalDate.of(1900, 1, 1),
            LocalDate.of(9999, 12, 31));

    /**
     * A date of birth is identity data: a bad one is kept as written, never a reason to reject the transfer, and
     * counted ({@link ValueSetAside}). A two-digit year ("12/03/85") is read in the last hundred years: nobody is born
     * in the future. Only known placeholders, dates in the future and years before 1000 are set aside: a date of 1885
     * is a date (person lists hold people born long ago; a mistyped century is a typing error for resolution to see).
     */
    BirthDate birthDate(String value) {
        if (value.isEmpty()) return new BirthDate(Optional.empty(), Optional.empty());
        LocalDate d;
        try {
            d = date("birth date", value);
        } catch (RowProblem unreadable) {
            return setAside(ValueSetAside.BIRTH_DATE_UNREADABLE);
        }
        LocalDate today = LocalDate.now(clock);
        if (!FOUR_DIGITS.matcher(value).find() && d.isAfter(today)) d = d.minusYears(100);
        if (PLACEHOLDERS.contains(d)) return setAside(ValueSetAside.BIRTH_DATE_PLACEHOLDER);
        if (d.isAfter(today)) return setAside(ValueSetAside.BIRTH_DATE_IN_FUTURE);
        if (d.getYear() < 1000) return setAside(ValueSetAside.BIRTH_DATE_BEFORE_1000);
        return new BirthDate(Optional.of(d), Optional.empty());
    }

    private static BirthDate setAside(ValueSetAside why) {
        return new BirthDate(Optional.empty(), Optional.of(why));
    }

    private static final java.util.regex.Pattern FOUR_DIGITS = java.util.regex.Pattern.compile("\\d{4}");
}
