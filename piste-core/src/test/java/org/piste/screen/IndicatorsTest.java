package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.piste.screen.Facts.fact;
import static org.piste.screen.Facts.sent;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.piste.model.TransferStatus;

class IndicatorsTest {
    private final RuleSet rules = RuleSet.builtIn();

    @Test
    void nightIsTheSendersLocalHourAcrossDaylightSavingChanges() {
        // 23:30 Paris is 22:30 UTC in winter and 21:30 UTC in summer: both are night in Paris.
        List<TransferFact> ts = List.of(sent("s", "r", "2024-01-15T23:30", "50"), sent("s", "r", "2024-07-15T23:30", "50"),
                sent("s", "r", "2024-03-31T03:30", "50"), sent("s", "r", "2024-10-27T14:00", "50"));
        Indicators.Measure night = night(ts, rules.sender().get(Indicator.NIGHT));
        assertThat(night.value()).isEqualTo(0.75);
        assertThat(night.evidence()).containsExactly(ts.get(0).reference(), ts.get(1).reference(), ts.get(2).reference());
    }

    @Test
    void pickupIsTheMedianDelayToPayoutOverTheTransfersPaidOutOnly() {
        // Sent across the spring daylight-saving change in Paris: delays are between instants, not local times.
        List<TransferFact> ts = List.of(Facts.paidOutAfter(sent("s1", "r", "2024-03-31T01:30", "50"), 20),
                Facts.paidOutAfter(sent("s2", "r", "2024-04-02T23:00", "50"), 45),
                Facts.paidOutAfter(sent("s3", "r", "2024-04-05T12:00", "50"), 2 * 1440),
                sent("s4", "r", "2024-04-06T12:00", "50")); // not paid out (yet): no delay to read
        Columns c = Columns.of(ts);
        int[] paidOut = Indicators.paidOut(c, c.receivedBy(0));
        Indicators.Measure m = Indicators.pickup(c, paidOut);
        assertThat(m.value()).isEqualTo(45);
        assertThat(m.evidence()).containsExactlyInAnyOrder(ts.get(0).reference(), ts.get(1).reference(), ts.get(2).reference());
        RuleSet.Rule rule = rules.recipient().get(Indicator.PICKUP);
        assertThat(rule.pointsFor(m.value())).isEqualTo(rule.points());
        assertThat(rule.pointsFor(2 * 1440)).isZero();
    }

    @Test
    void aRecipientWithTooFewTransfersPaidOutGetsNoPickupContribution() {
        List<TransferFact> ts = List.of(Facts.paidOutAfter(sent("s1", "r", "2024-01-01T10:00", "50"), 10),
                sent("s2", "r", "2024-01-02T10:00", "50"), sent("s3", "r", "2024-01-03T10:00", "50"),
                sent("s4", "r", "2024-01-04T10:00", "50"));
        EntityScore r = new Screener(rules).screen(ts, Set.of()).recipients().getFirst();
        assertThat(r.contributions()).noneMatch(k -> k.indicator().equals("pickup"));
        assertThat(r.contributions()).anyMatch(k -> k.indicator().equals("low_value"));
    }

    @Test
    void aRecipientSharingTheSendersSurnameOrMiddleNameIsFamily() {
        TransferFact sibling = fact("s", "r1", "2024-01-01T10:00", "300", TransferStatus.PAID, "Dela Cruz", "", "DE LA CRUZ", "");
        TransferFact mother = fact("s", "r2", "2024-01-02T10:00", "300", TransferStatus.PAID, "Martin", "Bautista", "Bautista", "Reyes");
        TransferFact stranger = fact("s", "r3", "2024-01-03T10:00", "30", TransferStatus.PAID, "Martin", "", "Ocampo", "Santos");
        List<TransferFact> ts = List.of(sibling, mother, stranger);
        Indicators.Measure m = Indicators.unrelatedBeneficiaries(Columns.of(ts), 0);
        assertThat(m.value()).isEqualTo(1);
        assertThat(m.evidence()).containsExactly(stranger.reference());
    }

    @Test
    void onePairIsFamilyWhenAnyOfItsTransfersShowsTheTie() {
        // The middle name that shows the tie is on one row only, as in real exports.
        TransferFact withMiddle = fact("s", "mother", "2024-01-01T10:00", "300", TransferStatus.PAID, "Martin", "Umali", "Umali", "");
        TransferFact without = fact("s", "mother", "2024-02-01T10:00", "300", TransferStatus.PAID, "Martin", "", "Umali", "");
        List<TransferFact> ts = List.of(withMiddle, without);
        assertThat(Indicators.unrelatedBeneficiaries(Columns.of(ts), 0).value()).isZero();
    }

    @Test
    void coverPurposesAreMatchedWithoutRegardToCaseOrAccents() {
        List<TransferFact> ts = List.of(Facts.withPurpose(sent("s", "r", "2024-01-01T10:00", "50"), "Frais médicaux"),
                Facts.withPurpose(sent("s", "r", "2024-01-02T10:00", "50"), "SOUTIEN FAMILIAL"),
                Facts.withPurpose(sent("s", "r", "2024-01-03T10:00", "50"), "Achat voiture"),
                sent("s", "r", "2024-01-04T10:00", "50"));
        assertThat(coverPurpose(ts, rules.sender().get(Indicator.COVER_PURPOSE)).value()).isEqualTo(0.75);
    }

    @Test
    void escalationSeesRisingAmountsAndShorteningIntervals() {
        List<TransferFact> rising = List.of(sent("s", "r", "2024-01-01T22:00", "15"), sent("s", "r", "2024-01-21T22:00", "20"),
                sent("s", "r", "2024-02-05T22:00", "30"), sent("s", "r", "2024-02-15T22:00", "40"),
                sent("s", "r", "2024-02-20T22:00", "60"), sent("s", "r", "2024-02-22T22:00", "80"));
        List<TransferFact> steady = List.of(sent("s", "r", "2024-01-01T10:00", "50"), sent("s", "r", "2024-02-01T10:00", "50"),
                sent("s", "r", "2024-03-01T10:00", "50"), sent("s", "r", "2024-04-01T10:00", "50"),
                sent("s", "r", "2024-05-01T10:00", "50"), sent("s", "r", "2024-06-01T10:00", "50"));
        assertThat(escalation(rising).value()).isCloseTo(1.0, within(1e-9));
        assertThat(escalation(steady).value()).isLessThan(0.2);
    }

    @Test
    void burstsCountTheBusiestWindow() {
        List<TransferFact> ts = List.of(sent("s", "r", "2024-01-01T22:00", "20"), sent("s", "r", "2024-03-01T22:00", "20"),
                sent("s", "r", "2024-03-03T22:00", "20"), sent("s", "r", "2024-03-07T21:00", "20"), sent("s", "r", "2024-05-01T22:00", "20"));
        Indicators.Measure b = bursts(ts, rules.sender().get(Indicator.BURSTS));
        assertThat(b.value()).isEqualTo(3);
        assertThat(b.evidence()).containsExactly(ts.get(1).reference(), ts.get(2).reference(), ts.get(3).reference());
    }

    @Test
    void aSingleTransferGivesOnlyTheIndicatorsThatNeedOne() {
        ScreeningResult r = new Screener(rules).screen(List.of(sent("s", "r", "2024-01-15T23:30", "50")), Set.of());
        EntityScore s = r.senders().get(0);
        assertThat(s.contributions()).extracting(Contribution::indicator).doesNotContain("frequency", "escalation", "night");
    }

    @Test
    void cancelledTransfersMoveNoMoneyAndAreNotScreened() {
        List<TransferFact> ts = List.of(
                fact("s", "r", "2024-01-15T23:30", "50", TransferStatus.CANCELLED, "MARTIN", "", "REYES", ""),
                fact("s", "r", "2024-01-16T23:30", "50", TransferStatus.REFUNDED, "MARTIN", "", "REYES", ""));
        ScreeningResult r = new Screener(rules).screen(ts, Set.of());
        assertThat(r.senders()).isEmpty();
        assertThat(r.recipients()).isEmpty();
    }

    // The indicators read columns; these take a test's transfers in the order it lists them.
    private static int[] positions(Columns c, List<TransferFact> ts) {
        List<String> chronological = java.util.Arrays.asList(c.refs);
        return ts.stream().mapToInt(t -> chronological.indexOf(t.reference())).toArray();
    }

    private static Indicators.Measure night(List<TransferFact> ts, RuleSet.Rule rule) {
        Columns c = Columns.of(ts);
        return Indicators.night(c, positions(c, ts), rule);
    }

    private static Indicators.Measure coverPurpose(List<TransferFact> ts, RuleSet.Rule rule) {
        Columns c = Columns.of(ts);
        return Indicators.coverPurpose(c, positions(c, ts), rule);
    }

    private static Indicators.Measure escalation(List<TransferFact> ts) {
        Columns c = Columns.of(ts);
        return Indicators.escalation(c, positions(c, ts));
    }

    private static Indicators.Measure bursts(List<TransferFact> ts, RuleSet.Rule rule) {
        Columns c = Columns.of(ts);
        return Indicators.bursts(c, positions(c, ts), rule);
    }
}
