package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.piste.screen.Facts.fact;
import static org.piste.screen.Results.contribution;
import static org.piste.screen.Results.entity;
import static org.piste.screen.Results.points;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.piste.model.TransferStatus;

/**
 * A sender sees its recipient without itself: its transfers leave the recipient's low-value and night shares, it leaves
 * the counts of unrelated and of regular senders. Rules made for the arithmetic (recipient maximum 10 + 10 + 10 = 30,
 * damping 1, sender network 100 points at a suspicion of 1); a hub paid 3 times each by four unrelated senders:
 * s and b at night, 50 and 20 EUR two days apart; a and c by day, 300 EUR a month apart (regular).
 */
class RecipientWithoutTest {
    private static final RuleSet RULES = Facts.rules("""
            version: t-without
            sender:
              low_value: {points: 0, from: 0.5, to: 0.9, min_transfers: 1000, low: 10, high: 200}
              network: {points: 100, from: 0, to: 1}
            recipient:
              unrelated_senders: {points: 10, from: 0, to: 4, min_transfers: 1}
              low_value: {points: 10, from: 0, to: 1, min_transfers: 3, low: 10, high: 200}
              night: {points: 10, from: 0, to: 1, min_transfers: 3, night_start: 22, night_end: 6}
              regular_senders: {points: -20, from: 0, to: 1, min_transfers: 1, repeat: 3, min_pairs: 2, gap_min: 20, gap_max: 40, most: 0.6}
              network: {points: 0, from: 0, to: 1}
            network:
              damping: 1
            """);

    private static List<TransferFact> world() {
        List<TransferFact> ts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ts.add(fact("s", "hub", "2024-01-0" + (1 + 2 * i) + "T23:00", "50", TransferStatus.PAID, "MARTIN", "", "REYES", ""));
            ts.add(fact("b", "hub", "2024-01-0" + (2 + 2 * i) + "T23:30", "20", TransferStatus.PAID, "PETIT", "", "REYES", ""));
            ts.add(fact("a", "hub", "2024-0" + (1 + i) + "-05T11:00", "300", TransferStatus.PAID, "DUBOIS", "", "REYES", ""));
            ts.add(fact("c", "hub", "2024-0" + (1 + i) + "-06T11:00", "300", TransferStatus.PAID, "LEROY", "", "REYES", ""));
        }
        return ts;
    }

    @Test
    void theHubsOwnPointsCountEveryone() {
        EntityScore hub = entity(new Screener(RULES).screen(world(), Set.of()), "hub");
        // 4 senders: 10; 6 of 12 low-value and at night: 5 and 5; 2 of 4 repeat senders regular: -10. Total 10.
        assertThat(points(hub, "unrelated_senders")).isEqualTo(10);
        assertThat(points(hub, "low_value")).isEqualTo(5);
        assertThat(points(hub, "night")).isEqualTo(5);
        assertThat(points(hub, "regular_senders")).isEqualTo(-10);
        assertThat(hub.score()).isCloseTo(10, within(1e-12));
    }

    @Test
    void aNightSenderSeesTheHubWithoutItsOwnNightsAndNames() {
        EntityScore s = entity(new Screener(RULES).screen(world(), Set.of()), "s");
        // Without s: 3 senders, 7.5; 3 of 9 low-value and at night, 10/3 each; 2 of 3 repeat senders regular, -40/3.
        // 7.5 + 20/3 - 40/3 = 5/6; suspicion (5/6) / 30 = 1/36, network 100 / 36 = 25/9.
        Contribution network = contribution(s, "network");
        assertThat(network.value()).isCloseTo(1.0 / 36, within(1e-12));
        assertThat(network.points()).isCloseTo(25.0 / 9, within(1e-9));
        assertThat(network.explanation()).isEqualTo("pays 1 unrelated recipient(s); the most suspicious, hub, is suspected at 0.03 "
                + "without this sender: 3 other unrelated sender(s) (+7.5), 3 of 9 transfers from others between 10 and 200 (+3.3), "
                + "3 of 9 transfers from others sent between 22:00 and 6:00 local time (+3.3), lowered by 13.3 (2 of 3 other unrelated "
                + "senders paying repeatedly pay a fixed sum monthly); and receives from 0 other high-scoring sender(s)");
    }

    @Test
    void aRegularSenderSeesTheHubWithoutItsRegularity() {
        EntityScore a = entity(new Screener(RULES).screen(world(), Set.of()), "a");
        // Without a: 3 senders, 7.5; 6 of 9 low-value and at night, 20/3 each; 1 of 3 regular, -20/3.
        // 7.5 + 40/3 - 20/3 = 85/6; suspicion 85/180 = 0.472.
        // a pays a fixed sum monthly itself: the suspicion is stated, and not counted.
        assertThat(contribution(a, "network").explanation()).contains("is suspected at 0.47 without this sender:").contains(
                "lowered by 6.7 (1 of 3 other unrelated senders paying repeatedly pay a fixed sum monthly)")
                .endsWith("; this sender pays it a fixed sum about monthly, as relatives and sponsors do, not as buyers pay for "
                        + "sessions: not counted");
        assertThat(contribution(a, "network").points()).isZero();
    }

    @Test
    void belowTheMinimumsTheRedoneIndicatorsGiveNothing() {
        // Only s and a: without s, a alone (3 transfers by day, 300 EUR): 1 sender, 2.5; low and night 0 of 3: 0;
        // 1 repeat sender, under the 2 to judge: 0. Suspicion 2.5 / 30, network 100 / 12.
        List<TransferFact> ts = world().stream().filter(t -> t.senderEntity().equals("s") || t.senderEntity().equals("a")).toList();
        EntityScore s = entity(new Screener(RULES).screen(ts, Set.of()), "s");
        assertThat(contribution(s, "network").points()).isCloseTo(100.0 / 12, within(1e-9));
        assertThat(contribution(s, "network").explanation()).contains("is suspected at 0.08 without this sender: 1 other unrelated "
                + "sender(s) (+2.5); and");
    }

    /** A rule that asks for no minimum of transfers, and a recipient paid by this sender alone: no share, no point, no NaN. */
    @Test
    void aRecipientWithNoOtherTransferHasNoShareEvenWithoutAMinimum() {
        RuleSet rules = Facts.rules("""
                version: t-without-empty
                sender:
                  low_value: {points: 0, from: 0.5, to: 0.9, min_transfers: 1000, low: 10, high: 200}
                  network: {points: 100, from: 0, to: 1}
                recipient:
                  low_value: {points: 10, from: 0, to: 1, min_transfers: 0, low: 10, high: 200}
                  night: {points: 10, from: 0, to: 1, min_transfers: 0, night_start: 22, night_end: 6}
                  network: {points: 0, from: 0, to: 1}
                """);
        List<TransferFact> ts = world().stream().filter(t -> t.senderEntity().equals("s")).toList();
        EntityScore s = entity(new Screener(rules).screen(ts, Set.of()), "s");
        assertThat(contribution(s, "network").points()).isZero();
        assertThat(s.score()).isZero();
        assertThat(contribution(s, "network").explanation()).contains("is suspected at 0.00 without this sender: no indicator of its own");
    }
}
