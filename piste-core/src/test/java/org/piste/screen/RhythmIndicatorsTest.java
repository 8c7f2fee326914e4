package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.piste.screen.Facts.sent;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The indicators of time and rhythm (frequency, pickup, bursts, escalation) and the statistics under them (median,
 * rank correlations), on hand-computed examples: intervals out of order and of even count, so that the median must sort
 * and average. Dates avoid Paris's daylight-saving changes, so that days between them are whole.
 */
class RhythmIndicatorsTest {
    private final RuleSet rules = RuleSet.builtIn();

    private static List<TransferFact> on(String... parisLocal) {
        return java.util.Arrays.stream(parisLocal).map(at -> sent("s", "r", at, "50")).toList();
    }

    @Test
    void frequencyIsTheMedianIntervalOfAnEvenNumberOfUnsortedIntervals() {
        // Intervals 30, 5, 12, 25 days: sorted 5, 12, 25, 30, median (12 + 25) / 2 = 18.5.
        Columns c = Columns.of(on("2024-06-01T12:00", "2024-07-01T12:00", "2024-07-06T12:00", "2024-07-18T12:00", "2024-08-12T12:00"));
        Indicators.Measure m = Indicators.frequency(c, c.sentBy(0));
        assertThat(m.value()).isEqualTo(18.5);
        assertThat(m.explanation()).isEqualTo("median interval 18.5 days over 5 transfers");
        assertThat(m.evidence()).hasSize(5);
        // 5 x (18.5 - 30) / (7 - 30) = 2.5.
        assertThat(rules.sender().get(Indicator.FREQUENCY).pointsFor(m.value())).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void frequencyIsTheMiddleOfAnOddNumberOfUnsortedIntervals() {
        // Intervals 30, 5, 12 days: sorted 5, 12, 30, median 12 (the middle one as given is 5).
        Columns c = Columns.of(on("2024-06-01T12:00", "2024-07-01T12:00", "2024-07-06T12:00", "2024-07-18T12:00"));
        assertThat(Indicators.frequency(c, c.sentBy(0)).value()).isEqualTo(12);
    }

    @Test
    void oneTransferHasNoIntervalAndNoFrequencyPoint() {
        Columns c = Columns.of(on("2024-06-01T12:00"));
        Indicators.Measure m = Indicators.frequency(c, c.sentBy(0));
        assertThat(m.value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(rules.sender().get(Indicator.FREQUENCY).pointsFor(m.value())).isZero();
    }

    @Test
    void pickupIsTheMedianOfAnEvenNumberOfUnsortedDelays() {
        List<TransferFact> ts = List.of(Facts.paidOutAfter(sent("s1", "r", "2024-06-01T12:00", "50"), 400),
                Facts.paidOutAfter(sent("s2", "r", "2024-06-02T12:00", "50"), 120),
                Facts.paidOutAfter(sent("s3", "r", "2024-06-03T12:00", "50"), 180),
                sent("s4", "r", "2024-06-04T12:00", "50"), // not paid out: no delay
                Facts.paidOutAfter(sent("s5", "r", "2024-06-05T12:00", "50"), 20));
        Columns c = Columns.of(ts);
        int[] paidOut = Indicators.paidOut(c, c.receivedBy(0));
        assertThat(paidOut).hasSize(4);
        Indicators.Measure m = Indicators.pickup(c, paidOut);
        // 400, 120, 180, 20 sorted 20, 120, 180, 400: (120 + 180) / 2 = 150; points 10 x (150 - 240) / (60 - 240) = 5.
        assertThat(m.value()).isEqualTo(150);
        assertThat(m.explanation()).isEqualTo("median 150 minutes from sending to payout over 4 transfers paid out");
        assertThat(rules.recipient().get(Indicator.PICKUP).pointsFor(m.value())).isCloseTo(5, within(1e-9));
    }

    /**
     * The 7-day window holds a transfer exactly 7 days after the first and not one a nanosecond later; of two windows
     * with as many transfers, the first is the evidence.
     */
    @Test
    void burstsWindowIsSevenDaysInclusiveAndTheFirstBusiestWindowIsTheEvidence() {
        List<TransferFact> ts = on("2024-01-01T10:00", "2024-01-08T10:00", "2024-01-15T10:00:00.000000001", "2024-01-16T10:00");
        Columns c = Columns.of(ts);
        Indicators.Measure m = Indicators.bursts(c, c.sentBy(0), rules.sender().get(Indicator.BURSTS));
        assertThat(m.value()).isEqualTo(2);
        assertThat(m.evidence()).containsExactly(ts.get(0).reference(), ts.get(1).reference());
        assertThat(m.explanation()).isEqualTo("2 transfers within 7 days");
    }

    @Test
    void escalationIsTheMeanOfTheRisingAmountsAndShorteningIntervalsCorrelations() {
        // Amounts 10, 30, 20, 40: ranks 0, 2, 1, 3 against 0, 1, 2, 3 give 1 - 6 x 2 / (4 x 15) = 0.8.
        // Intervals 10, 5, 5 days: ranks 2, 0.5, 0.5 against 0, 1, 2 give -1.5 / sqrt(2 x 1.5) = -sqrt(3)/2 (shortening).
        List<TransferFact> ts = List.of(sent("s", "r", "2024-06-01T22:00", "10"), sent("s", "r", "2024-06-11T22:00", "30"),
                sent("s", "r", "2024-06-16T22:00", "20"), sent("s", "r", "2024-06-21T22:00", "40"));
        Columns c = Columns.of(ts);
        Indicators.Measure m = Indicators.escalation(c, c.sentBy(0));
        assertThat(m.value()).isCloseTo((0.8 + Math.sqrt(3) / 2) / 2, within(1e-12));
        assertThat(m.explanation()).isEqualTo("amounts trend +0.80 and intervals trend -0.87 (rank correlations with time)");
        assertThat(rules.sender().get(Indicator.ESCALATION).pointsFor(m.value())).isEqualTo(5);
    }

    @Test
    void fallingAmountsAddNothingToEscalation() {
        // Amounts falling (-1, counted as 0), intervals shortening as above: (0 + sqrt(3)/2) / 2;
        // points 5 x (0.4330 - 0.2) / (0.7 - 0.2) = 2.330.
        List<TransferFact> ts = List.of(sent("s", "r", "2024-06-01T22:00", "40"), sent("s", "r", "2024-06-11T22:00", "30"),
                sent("s", "r", "2024-06-16T22:00", "20"), sent("s", "r", "2024-06-21T22:00", "10"));
        Columns c = Columns.of(ts);
        Indicators.Measure m = Indicators.escalation(c, c.sentBy(0));
        double expected = Math.sqrt(3) / 4;
        assertThat(m.value()).isCloseTo(expected, within(1e-12));
        assertThat(m.explanation()).isEqualTo("amounts trend -1.00 and intervals trend -0.87 (rank correlations with time)");
        assertThat(rules.sender().get(Indicator.ESCALATION).pointsFor(m.value())).isCloseTo(5 * (expected - 0.2) / 0.5, within(1e-9));
    }

    @Test
    void rankCorrelationsByHand() {
        assertThat(Indicators.trend(new double[] {10, 30, 20, 40})).isCloseTo(0.8, within(1e-12));
        assertThat(Indicators.trend(new double[] {10, 5, 5})).isCloseTo(-Math.sqrt(3) / 2, within(1e-12));
        assertThat(Indicators.trend(new double[] {1, 2})).isZero(); // fewer than 3: undefined
        assertThat(Indicators.trend(new double[] {7, 7, 7})).isZero(); // no variation: undefined
        // Spearman of two series: the same ranks as above, the first series not in time order.
        assertThat(Indicators.spearman(new double[] {3, 1, 2, 4}, new double[] {20, 10, 30, 40})).isCloseTo(0.8, within(1e-12));
        assertThat(Indicators.spearman(new double[] {1, 2, 3}, new double[] {9, 8, 7})).isCloseTo(-1, within(1e-12));
        assertThat(Indicators.spearman(new double[] {1, 2}, new double[] {1, 2})).isZero();
    }
}
