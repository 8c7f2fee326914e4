package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.piste.screen.Facts.fact;
import static org.piste.screen.Results.contribution;
import static org.piste.screen.Results.entity;
import static org.piste.screen.Results.points;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.piste.model.TransferStatus;

/**
 * Network points pinned on small graphs, computed by hand. Rules made for the arithmetic: a sender's only indicator is
 * the share of its transfers sent at night (10 points at 1, so its suspicion is that share), a recipient's only one is
 * its count of unrelated senders (10 points at 8), damping 0.5. A sender sees its recipient without its own part: its
 * suspicion in the network step, and itself among the recipient's unrelated senders.
 */
class NetworkTest {
    private static final RuleSet RULES = Facts.rules("""
            version: t-network
            sender:
              # Every rule set needs a sender low_value (it prices sessions); 1000 transfers keep it out of these tests.
              low_value: {points: 0, from: 0.5, to: 0.9, min_transfers: 1000, low: 10, high: 200}
              night: {points: 10, from: 0, to: 1, min_transfers: 1, night_start: 22, night_end: 6}
              network: {points: 20, from: 0, to: 1}
            recipient:
              unrelated_senders: {points: 10, from: 0, to: 8, min_transfers: 1}
              network: {points: 3, from: 0, to: 3, high_from: 0.5}
            network:
              damping: 0.5
            """);

    /** Transfers from sender to recipient on consecutive days from the given one, the first {@code night} of them at night. */
    private static List<TransferFact> paid(String sender, String recipient, String surname, LocalDate from, int count, int night) {
        List<TransferFact> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(fact(sender, recipient, from.plusDays(i) + (i < night ? "T23:30" : "T14:00"), "50", TransferStatus.PAID, surname, "",
                    "REYES", ""));
        }
        return out;
    }

    /**
     * A hub paid by five unrelated senders of suspicion (night share) s1 0.5, s2 0.75, s3 1, s4 0.8, s5 0.6, and by a
     * relative (REYES, as the hub) paying only at night; s1 first paid a quiet recipient. With high_from 0.5, the high
     * parts (s - 0.5) / 0.5 are 0, 0.5, 1, 0.6, 0.2: sum 2.3.
     */
    private static List<TransferFact> hubWorld() {
        LocalDate jan = LocalDate.of(2024, 1, 1);
        List<TransferFact> ts = new ArrayList<>();
        ts.addAll(paid("s1", "quiet", "MARTIN", jan, 1, 1));
        ts.addAll(paid("s1", "hub", "MARTIN", jan.plusDays(1), 3, 1)); // s1: 2 of 4 at night
        ts.addAll(paid("s2", "hub", "BERNARD", jan.plusDays(2), 4, 3));
        ts.addAll(paid("s3", "hub", "DUBOIS", jan.plusDays(3), 4, 4));
        ts.addAll(paid("s4", "hub", "PETIT", jan.plusDays(4), 5, 4));
        ts.addAll(paid("s5", "hub", "LEROY", jan.plusDays(5), 5, 3));
        ts.addAll(paid("kin", "hub", "REYES", jan.plusDays(6), 4, 4));
        return ts;
    }

    @Test
    void aRecipientGainsTheDampedHighPartOfItsUnrelatedSendersSuspicion() {
        List<TransferFact> ts = hubWorld();
        ScreeningResult r = new Screener(RULES).screen(ts, Set.of());
        EntityScore hub = entity(r, "hub");
        // Own points: 5 unrelated senders (kin is family), 10 x 5 / 8 = 6.25.
        assertThat(points(hub, "unrelated_senders")).isEqualTo(6.25);
        // Network value 0.5 x 2.3 = 1.15, points 3 x 1.15 / 3 = 1.15.
        Contribution network = contribution(hub, "network");
        assertThat(network.value()).isCloseTo(1.15, within(1e-12));
        assertThat(network.points()).isCloseTo(1.15, within(1e-12));
        assertThat(hub.score()).isCloseTo(7.4, within(1e-12));
        // The high-scoring senders, most suspicious first, their transfers as evidence in that order; s1 (high part 0) not.
        assertThat(network.explanation()).isEqualTo("receives from 5 unrelated sender(s), 4 of them high-scoring (top: s3 1.00, s4 0.80, s2 0.75)");
        assertThat(network.evidence()).isEqualTo(Stream.of("s3", "s4", "s2", "s5")
                .flatMap(s -> ts.stream().filter(t -> t.senderEntity().equals(s) && t.recipientEntity().equals("hub")))
                .map(TransferFact::reference).toList());

        Contribution quiet = contribution(entity(r, "quiet"), "network");
        assertThat(quiet.points()).isZero();
        assertThat(quiet.explanation()).isEqualTo("receives from 1 unrelated sender(s), 0 of them high-scoring");
        assertThat(quiet.evidence()).isEmpty();
    }

    @Test
    void aSenderGainsFromTheMostSuspiciousRecipientItPaysJudgedWithoutItsOwnPart() {
        List<TransferFact> ts = hubWorld();
        ScreeningResult r = new Screener(RULES).screen(ts, Set.of());
        // s1: the hub without s1 has 4 unrelated senders, 10 x 4 / 8 = 5, and keeps the high parts 2.3 (s1's is 0), so
        // (5 + 0.5 x 2.3) / 10 = 0.615; the quiet recipient without s1 has no sender: 0. Value 0.5 x 0.615 = 0.3075,
        // points 20 x 0.3075 = 6.15, on top of its night points 10 x 0.5 = 5.
        EntityScore s1 = entity(r, "s1");
        Contribution n1 = contribution(s1, "network");
        assertThat(n1.value()).isCloseTo(0.3075, within(1e-12));
        assertThat(n1.points()).isCloseTo(6.15, within(1e-12));
        // The explanation names the recipient and why it is suspected, without this sender: 4 other senders, 5 points.
        assertThat(n1.explanation()).startsWith("pays 2 unrelated recipient(s); the most suspicious, hub, is suspected at 0.6")
                .endsWith(" without this sender: 4 other unrelated sender(s) (+5.0); and receives from 4 other high-scoring sender(s)");
        assertThat(n1.evidence()).isEqualTo(ts.subList(1, 4).stream().map(TransferFact::reference).toList());
        assertThat(s1.score()).isCloseTo(11.15, within(1e-12));
        assertThat(s1.contributions()).extracting(Contribution::indicator).containsExactly("network", "night");

        // s3: without its high part 1, 1.3 is left: (5 + 0.65) / 10 = 0.565; value 0.2825, points 5.65; night 10.
        EntityScore s3 = entity(r, "s3");
        Contribution n3 = contribution(s3, "network");
        assertThat(n3.points()).isCloseTo(5.65, within(1e-12));
        assertThat(n3.explanation()).isEqualTo("pays 1 unrelated recipient(s); the most suspicious, hub, is suspected at 0.57 without "
                + "this sender: 4 other unrelated sender(s) (+5.0); and receives from 3 other high-scoring sender(s)");
        assertThat(s3.score()).isCloseTo(15.65, within(1e-12));
        assertThat(s3.contributions()).extracting(Contribution::indicator).containsExactly("night", "network");

        // s4 (high part 0.6): 1.7 left, (5 + 0.85) / 10 = 0.585, points 20 x 0.2925 = 5.85.
        assertThat(points(entity(r, "s4"), "network")).isCloseTo(5.85, within(1e-12));
        // The relative pays no one outside the family: no network point, and its remittances are no red flag of its own,
        // however late they are sent.
        EntityScore kin = entity(r, "kin");
        assertThat(kin.contributions()).singleElement().satisfies(k -> {
            assertThat(k.indicator()).isEqualTo("network");
            assertThat(k.points()).isZero();
            assertThat(k.explanation()).isEqualTo("pays no recipient outside the family");
        });
    }

    /**
     * Confirmed entities are fully suspicious: a seed sender's high part is 1 whatever its own points, and a seed recipient
     * counts 1 for each of its senders. Of two recipients as suspicious, the one paid first is the evidence.
     */
    @Test
    void seedsAreFullySuspiciousAndTheFirstPaidOfEqualRecipientsIsTheEvidence() {
        TransferFact toB = fact("t", "b", "2024-01-01T14:00", "50", TransferStatus.PAID, "MARTIN", "", "REYES", "");
        TransferFact toA = fact("t", "a", "2024-01-02T14:00", "50", TransferStatus.PAID, "MARTIN", "", "REYES", "");
        TransferFact zToC = fact("z", "c", "2024-01-03T14:00", "50", TransferStatus.PAID, "LEROY", "", "REYES", "");
        ScreeningResult r = new Screener(RULES).screen(List.of(toA, toB, zToC), Set.of("a", "b", "z"));

        Contribution t = contribution(entity(r, "t"), "network");
        // Both recipients count 1: value 0.5 x 1, points 20 x 0.5 = 10; b was paid first.
        assertThat(t.points()).isEqualTo(10);
        assertThat(t.evidence()).containsExactly(toB.reference());
        assertThat(t.explanation()).isEqualTo("pays 2 unrelated recipient(s); the most suspicious, b, is suspected at 1.00 without "
                + "this sender: confirmed by a referral or an analyst; and receives from 0 other high-scoring sender(s)");

        // z pays in the day (no point of its own) but is confirmed: c gains 0.5 x 1 = 0.5 network points.
        EntityScore c = entity(r, "c");
        assertThat(points(c, "network")).isEqualTo(0.5);
        assertThat(contribution(c, "network").explanation()).isEqualTo("receives from 1 unrelated sender(s), 1 of them high-scoring (top: z 1.00)");
        // And z, judged without its own part, sees c with no other sender and no other suspicion: 0, no point.
        EntityScore z = entity(r, "z");
        assertThat(points(z, "network")).isZero();
        assertThat(contribution(z, "network").explanation()).contains("c, is suspected at 0.00 without this sender: no indicator of its own;");
        assertThat(contribution(z, "confirmed").value()).isEqualTo(1);
        assertThat(z.score()).isZero();
    }

    /**
     * The built-in rules on a hub paid once each by two confirmed senders (300 EUR) and one other sender X (150 EUR), in
     * the day: no sender has an indicator point (one transfer each). The hub: 3 unrelated senders, 20 x (3 - 1) / (6 - 1)
     * = 8; 1 of its 3 transfers is low-value (under the ramp's 0.5), none at night. Network value 0.85 x (1 + 1 + 0) = 1.7, points 45 x 1.7 / 2 = 38.25.
     * The recipient maximum is 20 + 10 + 10 + 15 + 10 = 65 (regular_senders lowers suspicion: not part of it).
     * X: the hub without X has 2 unrelated senders, 20 x 1 / 5 = 4, so (4 + 38.25) / 65 = 0.65, value 0.85 x 0.65 = 0.5525,
     * points 60 x (0.5525 - 0.25) / 0.35 = 60 x 121/140 = 363/7. A seed: the hub without it has 4 points and one confirmed
     * sender, 45 x 0.85 / 2 = 19.125: (4 + 19.125) / 65, value 0.85 x that = 629/2080 = 0.3024, points
     * 60 x (629/2080 - 1/4) / 0.35 = 60 x (109/2080) x 20/7 = 1635/182.
     */
    @Test
    void builtInRulesOnAHubOfTwoConfirmedSenders() {
        List<TransferFact> ts = List.of(fact("seed1", "hub", "2024-01-01T14:00", "300", TransferStatus.PAID, "MARTIN", "", "REYES", ""),
                fact("seed2", "hub", "2024-01-02T14:00", "300", TransferStatus.PAID, "BERNARD", "", "REYES", ""),
                fact("x", "hub", "2024-01-03T14:00", "150", TransferStatus.PAID, "DUBOIS", "", "REYES", ""));
        ScreeningResult r = new Screener(RuleSet.builtIn()).screen(ts, Set.of("seed1", "seed2"));
        EntityScore hub = entity(r, "hub");
        assertThat(points(hub, "unrelated_senders")).isCloseTo(8, within(1e-12));
        assertThat(points(hub, "network")).isCloseTo(38.25, within(1e-12));
        assertThat(hub.score()).isCloseTo(46.25, within(1e-12));
        EntityScore x = entity(r, "x");
        assertThat(contribution(x, "network").value()).isCloseTo(0.5525, within(1e-12));
        assertThat(x.score()).isCloseTo(363.0 / 7, within(1e-9));
        Contribution seed = contribution(entity(r, "seed1"), "network");
        assertThat(seed.value()).isCloseTo(629.0 / 2080, within(1e-12));
        assertThat(seed.points()).isCloseTo(1635.0 / 182, within(1e-9));
    }

    /**
     * A confirmed recipient (suspicion 1 whoever is left out) paid by a buyer (four times 50, at session intervals), by a relative whose names
     * show no tie (four times, 220, 300, 310 and 410: median 305, above the built-in rules' dearest session price 200)
     * by an occasional sender (three times 300: under the four transfers a pair needs to be judged) and by a sender of
     * dear sessions (four times 300, two days apart: not about monthly). The buyer, the dear sessions and
     * the occasional sender get the confirmed recipient's full network value 0.85 (points 60 x (0.85 - 0.25) / 0.35,
     * capped at 60); the relative is family money, no edge at all, and the explanation says why. With amounts 180, 200, 250 and 200 (median 200, the
     * dearest session price itself, and 2 of 4 equal: not a fixed sum) it is counted.
     */
    @Test
    void aPairPaidLikeFamilyMoneyIsFamily() {
        List<TransferFact> ts = new ArrayList<>();
        String[] relative = {"220", "300", "310", "410"};
        String[] buyerDays = {"2024-01-03", "2024-01-06", "2024-01-13", "2024-02-21"}; // per session, not monthly
        for (int i = 0; i < 4; i++) {
            ts.add(fact("buyer", "hub", buyerDays[i] + "T14:00", "50", TransferStatus.PAID, "MARTIN", "", "REYES", ""));
            ts.add(fact("relative", "hub", "2024-0" + (i + 1) + "-05T14:00", relative[i], TransferStatus.PAID, "ROXAS", "", "REYES", ""));
            if (i < 3) ts.add(fact("once", "hub", "2024-0" + (i + 1) + "-07T14:00", "300", TransferStatus.PAID, "DUBOIS", "", "REYES", ""));
            ts.add(fact("dear", "hub", "2024-05-0" + (2 * i + 1) + "T23:00", "300", TransferStatus.PAID, "PETIT", "", "REYES", ""));
        }
        ScreeningResult r = new Screener(RuleSet.builtIn()).screen(ts, Set.of("hub"));
        assertThat(contribution(entity(r, "buyer"), "network").points()).isEqualTo(60);
        assertThat(contribution(entity(r, "once"), "network").points()).isEqualTo(60);
        assertThat(contribution(entity(r, "dear"), "network").points()).as("dear sessions two days apart").isEqualTo(60);
        Contribution relativeNetwork = contribution(entity(r, "relative"), "network");
        assertThat(relativeNetwork.points()).isZero();
        // Intervals of 31 days, 29 (2024 is a leap year) and 31 less the hour of daylight saving: median 30.96.
        assertThat(relativeNetwork.explanation()).isEqualTo("pays no recipient outside the family; 1 recipient(s) left out as family "
                + "money, paid above session prices (at most 200) about monthly or more rarely, as relatives send it: hub, 305 at the "
                + "median over 4 transfers, every 31 days at the median");
        // Family money leaves the recipient's own indicators too: the hub has 3 unrelated senders, not 4.
        assertThat(contribution(entity(r, "hub"), "unrelated_senders").value()).isEqualTo(3);
        // A second screening of the same columns marks and explains the same.
        Columns columns = Columns.of(ts);
        Screener screener = new Screener(RuleSet.builtIn());
        screener.screen(columns, Set.of("hub"));
        assertThat(contribution(entity(screener.screen(columns, Set.of("hub")), "relative"), "network").explanation())
                .isEqualTo(relativeNetwork.explanation());
        // Rules without regular_senders decide no family money: the marks of the previous screening do not stay.
        new Screener(RULES).screen(columns, Set.of("hub"));
        assertThat(columns.pairFamily[columns.pair(List.of(columns.senderIds).indexOf("relative"), 0)]).isFalse();

        List<TransferFact> cheaper = new ArrayList<>();
        String[] session = {"180", "200", "250", "200"}; // median 200, the dearest session price itself; not a fixed sum
        int k = 0;
        for (TransferFact t : ts) {
            cheaper.add(t.senderEntity().equals("relative") ? fact("relative", "hub", t.sent().atZone(Facts.PARIS).toLocalDateTime().toString(),
                    session[k++], TransferStatus.PAID, "ROXAS", "", "REYES", "") : t);
        }
        ScreeningResult r2 = new Screener(RuleSet.builtIn()).screen(cheaper, Set.of("hub"));
        assertThat(contribution(entity(r2, "relative"), "network").points()).as("within session prices, counted").isEqualTo(60);
    }
}
