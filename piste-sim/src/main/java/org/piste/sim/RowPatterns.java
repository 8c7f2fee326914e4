package org.piste.sim;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The patterns applied row by row, after the ordinary noise: a "Jr." written for the younger of a same-name
 * father and son, typing errors in dates of birth, placeholders for unknown dates of birth, an office's
 * contact given instead of the sender's own, and beneficiaries written as names only. Every draw comes from
 * the row patterns' own stream, so a switch changes only the columns it is about.
 */
final class RowPatterns {
    /** Kinds of date-of-birth typos, with their weights (assumption): the century typo is the rarest. */
    enum Typo { DAY_MONTH_TRANSPOSED, DIGIT_CHANGED, YEAR_OFF_BY_ONE, YEAR_OFF_BY_TEN, CENTURY }

    private static final double[] TYPO_WEIGHTS = Draw.cumulative(30, 35, 20, 10, 5);
    static final WrittenDate PLACEHOLDER_1900 = new WrittenDate(1900, 1, 1), PLACEHOLDER_0001 = new WrittenDate(1, 1, 1);

    private final SimConfig.Patterns p;
    private final Offices offices;

    RowPatterns(SimConfig cfg) {
        this.p = cfg.patterns();
        this.offices = new Offices(cfg);
    }

    boolean namesOnly() {
        return p.beneficiaryDetail() == SimConfig.BeneficiaryDetail.NAME_AND_PLACE;
    }

    /** The given names, with "Jr." for the younger of a same-name father and son on a share of rows. */
    String given(SplittableRandom x, Person person, String written) {
        if (person.suffix().isEmpty() || !Draw.chance(x, p.juniorSuffix())) return written;
        boolean capitals = !written.isEmpty() && written.equals(written.toUpperCase(java.util.Locale.ROOT));
        return written + " " + (capitals ? person.suffix().toUpperCase(java.util.Locale.ROOT) : person.suffix());
    }

    /** A date of birth as written: with a typo on a share of rows; an unknown one as a placeholder on a share. */
    Optional<WrittenDate> birth(SplittableRandom x, Optional<LocalDate> known) {
        if (known.isPresent()) {
            WrittenDate d = WrittenDate.of(known.get());
            return Optional.of(p.birthDateTypo() > 0 && Draw.chance(x, p.birthDateTypo()) ? typo(x, d) : d);
        }
        if (p.birthDatePlaceholder() > 0 && Draw.chance(x, p.birthDatePlaceholder())) {
            return Optional.of(x.nextBoolean() ? PLACEHOLDER_1900 : PLACEHOLDER_0001);
        }
        return Optional.empty();
    }

    static WrittenDate typo(SplittableRandom x, WrittenDate d) {
        Typo kind = Typo.values()[Draw.weighted(x, TYPO_WEIGHTS)];
        // A day equal to the month would transpose to itself: a digit changes instead.
        if (kind == Typo.DAY_MONTH_TRANSPOSED && d.day() == d.month()) kind = Typo.DIGIT_CHANGED;
        int sign = x.nextBoolean() ? 1 : -1;
        return switch (kind) {
            case DAY_MONTH_TRANSPOSED -> new WrittenDate(d.year(), d.day(), d.month());
            case DIGIT_CHANGED -> digitChanged(x, d);
            case YEAR_OFF_BY_ONE -> new WrittenDate(d.year() + sign, d.month(), d.day());
            case YEAR_OFF_BY_TEN -> new WrittenDate(d.year() + 10 * sign, d.month(), d.day());
            case CENTURY -> new WrittenDate(d.year() - 100, d.month(), d.day());
        };
    }

    /** One of the eight digits of ddMMyyyy replaced by another digit (the result need not be a real date). */
    private static WrittenDate digitChanged(SplittableRandom x, WrittenDate d) {
        char[] c = String.format("%02d%02d%04d", d.day(), d.month(), d.year()).toCharArray();
        int i = x.nextInt(8);
        c[i] = (char) ('0' + (c[i] - '0' + 1 + x.nextInt(9)) % 10);
        String s = new String(c);
        return new WrittenDate(Integer.parseInt(s.substring(4)), Integer.parseInt(s.substring(2, 4)),
                Integer.parseInt(s.substring(0, 2)));
    }

    /** The office contact a sender gives instead of their own, if any. */
    Optional<Offices.Contact> office(Person sender) {
        return offices.of(sender);
    }
}
