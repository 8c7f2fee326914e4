package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.piste.screen.Facts.fact;
import static org.piste.screen.Results.contribution;
import static org.piste.screen.Results.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.piste.model.TransferStatus;

/** The built-in rules end to end: every indicator of a confirmed buyer and of the recipients it pays, counted by hand. */
class BuiltInRulesTest {
    private static final Offset<Double> EXACT = within(1e-9);

    /**
     * A confirmed buyer pays three recipients of different surnames,
     * in Paris in January (no daylight-saving change): session-priced sums at 23:30, and one 300 EUR at 11:30.
     */
    private static List<TransferFact> buyer() {
        return List.of(pays("ra", "OCAMPO", "2024-01-02T23:30", "20"), pays("ra", "OCAMPO", "2024-01-12T23:30", "25"),
                pays("rb", "AQUINO", "2024-01-17T11:30", "300"), pays("rb", "AQUINO", "2024-01-22T23:30", "30"),
                pays("rc", "DIZON", "2024-01-25T23:30", "40"), pays("rc", "DIZON", "2024-01-27T23:30", "45"),
                pays("rc", "DIZON", "2024-01-28T23:30", "60"));
    }

    private static TransferFact pays(String recipient, String surname, String parisLocal, String eur) {
        return fact("buyer", recipient, parisLocal, eur, TransferStatus.PAID, "MARTIN", "", surname, "");
    }

    @Test
    void everySenderIndicatorOfAConfirmedBuyer() {
        ScreeningResult r = new Screener(RuleSet.builtIn()).screen(buyer(), Set.of("buyer"));
        EntityScore b = entity(r, "buyer");
        // Session-priced: all but the 300 EUR. Their intervals 10, 10, 3, 2, 1 days: median 3, under 7: all 5 points.
        // Bursts: 22 to 28 January holds 4 within 7 days: 5 x (4 - 2) / 3 = 10/3.
        // Escalation: amounts rise (1); interval ranks 3.5, 3.5, 2, 1, 0 against 0..4 give -9.5 / sqrt(10 x 9.5) =
        // -sqrt(0.95): value (1 + sqrt(0.95)) / 2 = 0.987, above 0.7: 5 points.
        // Low value and night: 6 of 7, 5 x (6/7 - 0.5) / 0.4 = 125/28, and 7.5 (above 0.6).
        // Round: 20, 300, 30, 40, 60 (25 and 45 are not, nor their 1,525 and 2,745 PHP): 5/7, 2.5 x (5/7 - 0.5) / 0.45 = 25/21.
        // 3 unrelated recipients: 7.5 x (3 - 1) / 3 = 5. Every purpose blank: 1, 2.5 points. No ID, phone or agency, one channel: 0.
        assertThat(b.contributions()).extracting(Contribution::indicator).containsExactly("night", "escalation", "frequency",
                "unrelated_beneficiaries", "low_value", "bursts", "cover_purpose", "round_amounts", "confirmed", "identities", "network");
        double[] values = {6.0 / 7, (1 + Math.sqrt(0.95)) / 2, 3, 3, 6.0 / 7, 4, 1, 5.0 / 7, 1, 0, 0};
        double[] points = {7.5, 5, 5, 5, 125.0 / 28, 10.0 / 3, 2.5, 25.0 / 21, 0, 0, 0};
        for (int i = 0; i < points.length; i++) {
            Contribution k = b.contributions().get(i);
            assertThat(k.value()).as(k.indicator()).isCloseTo(values[i], EXACT);
            assertThat(k.points()).as(k.indicator()).isCloseTo(points[i], EXACT);
        }
        // 25 + 125/28 + 10/3 + 25/21 = (2100 + 375 + 280 + 100) / 84.
        assertThat(b.score()).isCloseTo(2855.0 / 84, EXACT);
        assertThat(contribution(b, "frequency").explanation()).isEqualTo("median interval 3.0 days over 6 transfers");
        assertThat(contribution(b, "bursts").evidence()).hasSize(4);
        // The network: without the buyer, its recipients have no transfer and no sender left: nothing suspects them (the
        // buyer's own night and low-value transfers count once, in its own points). The first paid is named.
        assertThat(contribution(b, "network").explanation()).isEqualTo("pays 3 unrelated recipient(s); the most suspicious, ra, "
                + "is suspected at 0.00 without this sender: no indicator of its own; and receives from 0 other high-scoring sender(s)");
    }

    @Test
    void everyRecipientIndicatorOfTheRecipientsItPays() {
        ScreeningResult r = new Screener(RuleSet.builtIn()).screen(buyer(), Set.of("buyer"));
        // Each is paid by the confirmed buyer only: network 0.85 x 1, points 45 x 0.85 / 2 = 19.125. One unrelated sender:
        // 20 x (1 - 1) / 5 = 0. rc's three transfers are low-value and at night: 10 and 10. No relative of the same surname.
        EntityScore rc = entity(r, "rc");
        assertThat(rc.contributions()).extracting(Contribution::indicator, Contribution::value, Contribution::points).containsExactly(
                tuple("network", 0.85, 19.125), tuple("low_value", 1.0, 10.0), tuple("night", 1.0, 10.0),
                tuple("family_operation", 0.0, 0.0), tuple("unrelated_senders", 1.0, 0.0));
        assertThat(rc.score()).isCloseTo(39.125, EXACT);
        // ra and rb have 2 transfers: under the 3 that low_value and night need.
        assertThat(entity(r, "ra").contributions()).extracting(Contribution::indicator)
                .containsExactly("network", "family_operation", "unrelated_senders");
        assertThat(r.recipients()).extracting(EntityScore::entityId).first().isEqualTo("rc");
        assertThat(r.recipients()).extracting(EntityScore::score).containsExactly(39.125, 19.125, 19.125);
    }

    /** Session-priced transfers (20 EUR) then large ones (300 EUR), from a sender to its own recipient, nightly. */
    private static List<TransferFact> sessionsAndLarge(String sender, int sessions, int large) {
        List<TransferFact> ts = new ArrayList<>();
        for (int i = 0; i < sessions + large; i++) {
            ts.add(fact(sender, "r-" + sender, "2024-02-" + (10 + i) + "T23:30", i < sessions ? "20" : "300", TransferStatus.PAID,
                    "MARTIN", "", "REYES", ""));
        }
        return ts;
    }

    private static List<String> indicators(ScreeningResult r, String id) {
        return entity(r, id).contributions().stream().map(Contribution::indicator).toList();
    }

    /** The rhythm indicators need their minimum of session-priced transfers; the others count every transfer. */
    @Test
    void eachIndicatorNeedsItsMinimumOfTransfersOfTheKindItReads() {
        List<TransferFact> ts = new ArrayList<>(sessionsAndLarge("four", 4, 2));
        ts.addAll(sessionsAndLarge("two", 2, 3));
        ScreeningResult r = new Screener(RuleSet.builtIn()).screen(ts, Set.of());
        // 4 sessions: frequency (4) and bursts (3) count, escalation (6) does not, though there are 6 transfers.
        assertThat(indicators(r, "four")).contains("frequency", "bursts", "night", "low_value").doesNotContain("escalation");
        // 2 sessions of 5 transfers: no frequency, bursts or escalation; night, round amounts and identities (2) do count.
        assertThat(indicators(r, "two")).contains("night", "low_value", "round_amounts", "identities")
                .doesNotContain("frequency", "bursts", "escalation");
    }

    @Test
    void aRecipientNeedsThreeTransfersForLowValueAndNightAndThreePaidOutForPickup() {
        List<TransferFact> ts = new ArrayList<>();
        for (int i = 0; i < 3; i++) ts.add(Facts.paidOutAfter(fact("s" + i, "three", "2024-02-1" + i + "T23:30", "20", TransferStatus.PAID,
                "MARTIN", "", "REYES", ""), 10));
        for (int i = 0; i < 2; i++) ts.add(Facts.paidOutAfter(fact("t" + i, "two", "2024-02-1" + i + "T23:30", "20", TransferStatus.PAID,
                "MARTIN", "", "REYES", ""), 10));
        ScreeningResult r = new Screener(RuleSet.builtIn()).screen(ts, Set.of());
        assertThat(indicators(r, "three")).contains("low_value", "night", "pickup");
        assertThat(indicators(r, "two")).doesNotContain("low_value", "night", "pickup").contains("unrelated_senders");
    }
}
