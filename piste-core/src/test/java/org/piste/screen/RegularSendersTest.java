package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.piste.screen.Facts.fact;
import static org.piste.screen.Results.contribution;
import static org.piste.screen.Results.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.piste.model.TransferStatus;

/**
 * A common beneficiary whose unrelated senders pay a fixed sum every month is a coordinator or a payroll, not a
 * facilitator: regular_senders lowers its score. The built-in parameters: senders paying 4 times or more are judged,
 * at least 2 of them; a sender is regular when 60% of its amounts equal their median and 60% of its intervals fall
 * within 20 to 40 days; -40 points from a share of 0.2 to 0.6.
 */
class RegularSendersTest {
    private static final RuleSet RULES = Facts.rules("""
            version: t-regular
            sender:
              low_value: {points: 0, from: 0.5, to: 0.9, min_transfers: 1000, low: 10, high: 200}
              network: {points: 0, from: 0, to: 1}
            recipient:
              regular_senders: {points: -40, from: 0.2, to: 0.6, min_transfers: 6, repeat: 4, min_pairs: 2, gap_min: 20, gap_max: 40, most: 0.6}
              network: {points: 0, from: 0, to: 1}
            """);

    /** Transfers from sender (its own surname) to "coord" on the given days, of the given amounts. */
    private static List<TransferFact> pays(String sender, String surname, LocalDate[] days, String... eur) {
        List<TransferFact> out = new ArrayList<>();
        for (int i = 0; i < days.length; i++) {
            out.add(fact(sender, "coord", days[i] + "T10:00", eur[i], TransferStatus.PAID, surname, "", "SANTOS", ""));
        }
        return out;
    }

    private static LocalDate[] every(int days, LocalDate from, int count) {
        LocalDate[] out = new LocalDate[count];
        for (int i = 0; i < count; i++) out[i] = from.plusDays((long) days * i);
        return out;
    }

    private static LocalDate[] monthly(LocalDate from, int count) {
        LocalDate[] out = new LocalDate[count];
        for (int i = 0; i < count; i++) out[i] = from.plusMonths(i);
        return out;
    }

    @Test
    void twoOfFourRepeatSendersPayingAFixedMonthlySumLowerTheScoreByThirtyPoints() {
        LocalDate jan = LocalDate.of(2024, 1, 5);
        List<TransferFact> ts = new ArrayList<>();
        List<TransferFact> sponsor1 = pays("sp1", "MARTIN", monthly(jan, 4), "30", "30", "30", "60"); // a December-like double
        List<TransferFact> sponsor2 = pays("sp2", "PETIT", monthly(jan.plusDays(3), 5), "25", "25", "25", "25", "25");
        ts.addAll(sponsor1);
        ts.addAll(sponsor2);
        // Session-like: varying amounts at varying intervals.
        ts.addAll(pays("buyer", "DUBOIS", new LocalDate[] {jan, jan.plusDays(3), jan.plusDays(13), jan.plusDays(15)}, "20", "45", "70", "35"));
        // A fixed sum, but weekly: not on a monthly calendar.
        ts.addAll(pays("weekly", "LEROY", every(7, jan, 4), "50", "50", "50", "50"));
        // Paid 3 times only: not judged.
        ts.addAll(pays("new", "MOREAU", monthly(jan, 3), "40", "40", "40"));
        EntityScore coord = entity(new Screener(RULES).screen(ts, Set.of()), "coord");
        Contribution regular = contribution(coord, "regular_senders");
        // 2 regular of 4 judged: 0.5, -40 x (0.5 - 0.2) / (0.6 - 0.2) = -30.
        assertThat(regular.value()).isEqualTo(0.5);
        assertThat(regular.points()).isCloseTo(-30, within(1e-12));
        assertThat(coord.score()).isCloseTo(-30, within(1e-12));
        assertThat(regular.explanation()).isEqualTo("2 of 4 unrelated senders paying repeatedly pay a fixed sum about every 20 to 40 days "
                + "(as sponsors and employers do)");
        // The evidence: the regular senders' transfers, and only theirs.
        List<String> expected = new ArrayList<>();
        for (TransferFact t : sponsor1) expected.add(t.reference());
        for (TransferFact t : sponsor2) expected.add(t.reference());
        assertThat(regular.evidence()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void oneRepeatSenderIsTooFewToJudge() {
        LocalDate jan = LocalDate.of(2024, 1, 5);
        List<TransferFact> ts = new ArrayList<>(pays("sp1", "MARTIN", monthly(jan, 6), "30", "30", "30", "30", "30", "30"));
        ts.addAll(pays("new", "MOREAU", monthly(jan, 2), "40", "40"));
        Contribution regular = contribution(entity(new Screener(RULES).screen(ts, Set.of()), "coord"), "regular_senders");
        assertThat(regular.value()).isZero();
        assertThat(regular.points()).isZero();
        assertThat(regular.explanation()).isEqualTo("1 unrelated sender(s) paid 4 times or more: too few to judge");
    }

    @Test
    void relativesAreNotJudged() {
        LocalDate jan = LocalDate.of(2024, 1, 5);
        // Two relatives (SANTOS, as the recipient) pay monthly; two unrelated senders pay like buyers.
        List<TransferFact> ts = new ArrayList<>(pays("kin1", "SANTOS", monthly(jan, 5), "30", "30", "30", "30", "30"));
        ts.addAll(pays("kin2", "SANTOS", monthly(jan, 5), "30", "30", "30", "30", "30"));
        ts.addAll(pays("b1", "DUBOIS", new LocalDate[] {jan, jan.plusDays(3), jan.plusDays(13), jan.plusDays(15)}, "20", "45", "70", "35"));
        ts.addAll(pays("b2", "LEROY", new LocalDate[] {jan, jan.plusDays(2), jan.plusDays(9), jan.plusDays(10)}, "60", "25", "80", "30"));
        Contribution regular = contribution(entity(new Screener(RULES).screen(ts, Set.of()), "coord"), "regular_senders");
        assertThat(regular.value()).isZero();
        assertThat(regular.explanation()).startsWith("0 of 2 unrelated senders");
    }

    /**
     * The bounds, each exactly: 60% of amounts equal to the median and of intervals on the calendar are enough; 20 and 40
     * days are on it, 41 is not. Same local hour, within one daylight-saving period, so the intervals are whole days.
     */
    @Test
    void theBoundsAreInclusive() {
        List<TransferFact> ts = new ArrayList<>();
        // 3 of 5 amounts at the median 30 (0.6 x 5 = 3), every 20 days from 1 January: regular.
        ts.addAll(pays("atBounds", "MARTIN", every(20, LocalDate.of(2024, 1, 1), 5), "30", "30", "30", "45", "60"));
        // Median 45 and only one amount equal to it: not regular.
        ts.addAll(pays("varying", "PETIT", every(20, LocalDate.of(2024, 1, 2), 5), "30", "30", "45", "60", "75"));
        // A fixed sum every 40 days (April to September): regular.
        ts.addAll(pays("forty", "DUBOIS", every(40, LocalDate.of(2024, 4, 1), 5), "25", "25", "25", "25", "25"));
        // A fixed sum every 41 days: not regular.
        ts.addAll(pays("fortyOne", "LEROY", every(41, LocalDate.of(2024, 4, 2), 5), "25", "25", "25", "25", "25"));
        Contribution regular = contribution(entity(new Screener(RULES).screen(ts, Set.of()), "coord"), "regular_senders");
        assertThat(regular.value()).isEqualTo(0.5);
        assertThat(regular.points()).isCloseTo(-30, within(1e-12));
        assertThat(regular.evidence()).hasSize(10);
    }
}
