package org.piste.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Dates of birth with typos, placeholders for unknown dates, and persons born before 1900. */
class BirthDatesTest {
    private static final int BIRTH = 7;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Format.class)
    void aTypoChangesTheTrueDateInExactlyOneOfTheKnownWays(Format format) {
        SimConfig base = Runs.small(1_500, 12).withSeed(31).withBadRows(0, 0);
        SimConfig.Patterns p = base.patterns().withBirthDates(0.2, 0, 0);
        Simulator.run(base.withPatterns(p), dir, format, Simulator.Progress.NONE);
        Map<String, List<String>> persons = TransferRows.persons(dir);

        long written = 0, typos = 0;
        Map<RowPatterns.Typo, Long> kinds = new EnumMap<>(RowPatterns.Typo.class);
        for (TransferRows.Row r : TransferRows.intact(dir, format)) {
            for (String[] side : new String[][] {{"sender_birth_date", r.senderId()}, {"recipient_birth_date", r.recipientId()}}) {
                String text = r.get(side[0]);
                if (text.isEmpty()) continue;
                written++;
                int[] w = TransferRows.ymd(text);
                LocalDate t = LocalDate.parse(persons.get(side[1]).get(BIRTH));
                if (w[0] == t.getYear() && w[1] == t.getMonthValue() && w[2] == t.getDayOfMonth()) continue;
                typos++;
                Set<RowPatterns.Typo> fits = kinds(t, w);
                assertThat(fits).as("%s written %s", t, text).isNotEmpty();
                fits.forEach(k -> kinds.merge(k, 1L, Long::sum));
            }
        }
        // ~25,000 rows, each with a sender's date (92%) and sometimes a recipient's: the standard error of the
        // typo share is under 0.003.
        assertThat(written).isGreaterThan(15_000);
        assertThat((double) typos / written).isCloseTo(p.birthDateTypo(), within(0.01));
        assertThat(kinds.keySet()).containsExactlyInAnyOrder(RowPatterns.Typo.values());
        // The century typo has weight 5 of 100; a changed hundreds digit looks like one too, adding
        // 35/100 x 1/8 (the digit) x 1/9 (one lower) = 0.005.
        assertThat((double) kinds.get(RowPatterns.Typo.CENTURY) / typos).isCloseTo(0.05, within(0.02));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void anUnknownDateIsWrittenAsAPlaceholderAtTheConfiguredRate(Format format) {
        SimConfig base = Runs.small(1_500, 12).withSeed(37).withBadRows(0, 0);
        SimConfig.Patterns p = base.patterns().withBirthDates(0, 0.5, 0);
        Simulator.run(base.withPatterns(p), dir, format, Simulator.Progress.NONE);
        Map<String, List<String>> persons = TransferRows.persons(dir);
        Set<String> placeholders = format == Format.CANONICAL ? Set.of("1900-01-01", "0001-01-01")
                : Set.of("01/01/1900", "01/01/0001");

        long empty = 0, placeholder = 0;
        Set<String> seen = new HashSet<>();
        for (TransferRows.Row r : TransferRows.intact(dir, format)) {
            for (String[] side : new String[][] {{"sender_birth_date", r.senderId()}, {"recipient_birth_date", r.recipientId()}}) {
                String text = r.get(side[0]);
                if (text.isEmpty()) {
                    empty++;
                } else if (placeholders.contains(text)) {
                    placeholder++;
                    seen.add(text);
                } else {
                    int[] w = TransferRows.ymd(text);
                    assertThat(LocalDate.of(w[0], w[1], w[2]).toString()).isEqualTo(persons.get(side[1]).get(BIRTH));
                }
            }
        }
        // Unknown: 8% of senders' dates and most recipients' (given on 40% of paid rows): thousands of them.
        assertThat(empty + placeholder).isGreaterThan(10_000);
        assertThat((double) placeholder / (empty + placeholder)).isCloseTo(p.birthDatePlaceholder(), within(0.02));
        assertThat(seen).isEqualTo(placeholders);
    }

    @Test
    void aShareOfPersonsIsBornBefore1900AndOnlyTheirDatesChange() {
        SimConfig base = Runs.small(1_500, 6).withSeed(41).withBadRows(0, 0);
        SimConfig.Patterns p = base.patterns().withBirthDates(0, 0, 0.1);
        Path a = dir.resolve("today"), b = dir.resolve("old");
        Simulator.run(base, a, Format.CANONICAL, Simulator.Progress.NONE);
        Simulator.run(base.withPatterns(p), b, Format.CANONICAL, Simulator.Progress.NONE);
        List<List<String>> today = Runs.truth(a.resolve("truth/persons.csv")), old = Runs.truth(b.resolve("truth/persons.csv"));
        assertThat(old).hasSameSizeAs(today);
        long before1900 = 0;
        for (int i = 0; i < today.size(); i++) {
            List<String> x = today.get(i), y = old.get(i);
            for (int c = 0; c < x.size(); c++) if (c != BIRTH) assertThat(y.get(c)).isEqualTo(x.get(c));
            if (!y.get(BIRTH).equals(x.get(BIRTH))) {
                before1900++;
                assertThat(LocalDate.parse(y.get(BIRTH))).isBetween(LocalDate.of(1800, 1, 1), LocalDate.of(1899, 12, 31));
            }
        }
        // ~3,000 persons: a standard error of 0.005.
        assertThat((double) before1900 / today.size()).isCloseTo(p.oldBirthDates(), within(0.02));
        // Rows write the true (old) date.
        Map<String, List<String>> persons = TransferRows.persons(b);
        long oldRows = 0;
        for (TransferRows.Row r : TransferRows.intact(b, Format.CANONICAL)) {
            String text = r.get("sender_birth_date");
            if (text.isEmpty()) continue;
            assertThat(text).isEqualTo(persons.get(r.senderId()).get(BIRTH));
            if (text.compareTo("1900") < 0) oldRows++;
        }
        assertThat(oldRows).isPositive();
    }

    /** The kinds of typo that turn the true date into the written {year, month, day}. */
    private static Set<RowPatterns.Typo> kinds(LocalDate t, int[] w) {
        Set<RowPatterns.Typo> fits = new HashSet<>();
        int y = t.getYear(), m = t.getMonthValue(), d = t.getDayOfMonth();
        if (w[0] == y && w[1] == d && w[2] == m) fits.add(RowPatterns.Typo.DAY_MONTH_TRANSPOSED);
        String a = String.format("%02d%02d%04d", d, m, y), b = String.format("%02d%02d%04d", w[2], w[1], w[0]);
        int differ = 0;
        for (int i = 0; i < 8; i++) if (a.charAt(i) != b.charAt(i)) differ++;
        if (differ == 1) fits.add(RowPatterns.Typo.DIGIT_CHANGED);
        if (w[1] == m && w[2] == d && Math.abs(w[0] - y) == 1) fits.add(RowPatterns.Typo.YEAR_OFF_BY_ONE);
        if (w[1] == m && w[2] == d && Math.abs(w[0] - y) == 10) fits.add(RowPatterns.Typo.YEAR_OFF_BY_TEN);
        if (w[1] == m && w[2] == d && w[0] == y - 100) fits.add(RowPatterns.Typo.CENTURY);
        return fits;
    }
}
