package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.piste.screen.Facts.sent;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The indicators that are a share of an entity's transfers (low_value, night, round_amounts, cover_purpose): each value
 * counted by hand on a few transfers of one sender, with its points under the built-in rules.
 */
class ShareIndicatorsTest {
    private final RuleSet rules = RuleSet.builtIn();

    /** One sender's transfers, in time order as the fixtures list them. */
    private static int[] all(Columns c) {
        return c.sentBy(0);
    }

    private static List<String> refs(List<TransferFact> ts, int... which) {
        return java.util.Arrays.stream(which).mapToObj(i -> ts.get(i).reference()).toList();
    }

    @Test
    void lowValueCountsTheBoundsOfTheRangeIn() {
        List<TransferFact> ts = List.of(sent("s", "r", "2024-01-01T10:00", "9.99"), sent("s", "r", "2024-01-02T10:00", "10"),
                sent("s", "r", "2024-01-03T10:00", "200"), sent("s", "r", "2024-01-04T10:00", "200.01"),
                sent("s", "r", "2024-01-05T10:00", "50"));
        Columns c = Columns.of(ts);
        RuleSet.Rule rule = rules.sender().get(Indicator.LOW_VALUE);
        Indicators.Measure m = Indicators.lowValue(c, all(c), rule);
        // 10, 200 and 50 are within [10, 200]: 3 of 5 = 0.6; points 5 x (0.6 - 0.5) / (0.9 - 0.5) = 1.25.
        assertThat(m.value()).isEqualTo(0.6);
        assertThat(rule.pointsFor(m.value())).isCloseTo(1.25, within(1e-9));
        assertThat(m.evidence()).isEqualTo(refs(ts, 1, 2, 4));
        assertThat(m.explanation()).isEqualTo("3 of 5 transfers between 10 and 200");
    }

    /** The rhythm indicators read the session-priced transfers only: the same bounds, and the entity's own array when all are. */
    @Test
    void sessionPricedTransfersAreThoseInTheLowValueRange() {
        List<TransferFact> ts = List.of(sent("s", "r", "2024-01-01T10:00", "9.99"), sent("s", "r", "2024-01-02T10:00", "10"),
                sent("s", "r", "2024-01-03T10:00", "200"), sent("s", "r", "2024-01-04T10:00", "200.01"));
        Columns c = Columns.of(ts);
        RuleSet.Rule rule = rules.sender().get(Indicator.LOW_VALUE);
        assertThat(Indicators.sessionPriced(c, all(c), rule)).containsExactly(1, 2);
        int[] sessions = {1, 2};
        assertThat(Indicators.sessionPriced(c, sessions, rule)).isSameAs(sessions);
    }

    @Test
    void nightIsFromTheStartHourInclusiveToTheEndHourExclusive() {
        assertThat(Indicators.isNight(22, 22, 6)).isTrue();
        assertThat(Indicators.isNight(21, 22, 6)).isFalse();
        assertThat(Indicators.isNight(0, 22, 6)).isTrue();
        assertThat(Indicators.isNight(5, 22, 6)).isTrue();
        assertThat(Indicators.isNight(6, 22, 6)).isFalse();
        // A window that does not cross midnight (night_start below night_end).
        assertThat(Indicators.isNight(1, 1, 5)).isTrue();
        assertThat(Indicators.isNight(4, 1, 5)).isTrue();
        assertThat(Indicators.isNight(0, 1, 5)).isFalse();
        assertThat(Indicators.isNight(5, 1, 5)).isFalse();
        assertThat(Indicators.isNight(23, 1, 5)).isFalse();
        // From an hour to the same hour is no time at all, not the whole day.
        for (int hour = 0; hour < 24; hour++) assertThat(Indicators.isNight(hour, 5, 5)).isFalse();
    }

    @Test
    void nightIsTheShareSentAtNightWithItsPointsForEachSide() {
        List<TransferFact> ts = List.of(sent("s", "r", "2024-01-01T21:59", "50"), sent("s", "r", "2024-01-02T22:00", "50"),
                sent("s", "r", "2024-01-04T05:59", "50"), sent("s", "r", "2024-01-05T06:00", "50"),
                sent("s", "r", "2024-01-06T12:00", "50"));
        Columns c = Columns.of(ts);
        Indicators.Measure m = Indicators.night(c, all(c), rules.sender().get(Indicator.NIGHT));
        // 22:00 and 05:59 only: 2 of 5 = 0.4; sender 7.5 x (0.4 - 0.2) / 0.4 = 3.75, recipient 10 x 0.5 = 5.
        assertThat(m.value()).isEqualTo(0.4);
        assertThat(m.evidence()).isEqualTo(refs(ts, 1, 2));
        assertThat(m.explanation()).isEqualTo("2 of 5 transfers sent between 22:00 and 6:00 local time");
        assertThat(rules.sender().get(Indicator.NIGHT).pointsFor(m.value())).isCloseTo(3.75, within(1e-9));
        assertThat(rules.recipient().get(Indicator.NIGHT).pointsFor(m.value())).isCloseTo(5, within(1e-9));
    }

    @Test
    void roundAmountsAreMultiplesOfTenSentOrOfFiveHundredPaid() {
        List<TransferFact> ts = List.of(sent("s", "r", "2024-01-01T10:00", "20"),     // paid 1,220: round as sent
                Facts.withPaid(sent("s", "r", "2024-01-02T10:00", "8.20"), "500.00"),   // round as paid
                Facts.withPaid(sent("s", "r", "2024-01-03T10:00", "10.50"), "640.50"),  // neither
                Facts.withPaid(sent("s", "r", "2024-01-04T10:00", "15"), null),         // no paid amount to read
                Facts.withPaid(sent("s", "r", "2024-01-05T10:00", "30"), null));        // round as sent
        Columns c = Columns.of(ts);
        Indicators.Measure m = Indicators.roundAmounts(c, all(c));
        // 3 of 5 = 0.6; points 2.5 x (0.6 - 0.5) / (0.95 - 0.5) = 0.25 / 0.45 = 5/9.
        assertThat(m.value()).isEqualTo(0.6);
        assertThat(m.evidence()).isEqualTo(refs(ts, 0, 1, 4));
        assertThat(rules.sender().get(Indicator.ROUND_AMOUNTS).pointsFor(m.value())).isCloseTo(5.0 / 9, within(1e-9));
        assertThat(m.explanation()).isEqualTo("3 of 5 transfers with round amounts (multiples of 10 sent or 500 paid)");
    }

    @Test
    void anAmountOfZeroIsNotRound() {
        List<TransferFact> ts = List.of(Facts.withPaid(sent("s", "r", "2024-01-01T10:00", "0.00"), "0"),
                sent("s", "r", "2024-01-02T10:00", "25")); // paid 1,525
        Columns c = Columns.of(ts);
        assertThat(Indicators.roundAmounts(c, all(c)).value()).isZero();
    }

    @Test
    void aBlankPurposeIsACoverAndAnUnlistedOneIsNot() {
        List<TransferFact> ts = List.of(Facts.withPurpose(sent("s", "r", "2024-01-01T10:00", "50"), "School fees"),
                sent("s", "r", "2024-01-02T10:00", "50"), sent("s", "r", "2024-01-03T10:00", "50"),
                Facts.withPurpose(sent("s", "r", "2024-01-04T10:00", "50"), "Car repair"));
        Columns c = Columns.of(ts);
        RuleSet.Rule rule = rules.sender().get(Indicator.COVER_PURPOSE);
        Indicators.Measure m = Indicators.coverPurpose(c, all(c), rule);
        // "school" is listed, two are blank, "car repair" is not: 3 of 4 = 0.75; points 2.5 x (0.75 - 0.5) / 0.5 = 1.25.
        assertThat(m.value()).isEqualTo(0.75);
        assertThat(m.evidence()).isEqualTo(refs(ts, 0, 1, 2));
        assertThat(rule.pointsFor(m.value())).isCloseTo(1.25, within(1e-9));
    }
}
