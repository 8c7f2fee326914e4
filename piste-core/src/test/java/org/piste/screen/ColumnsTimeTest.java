package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Time in the columns: the time order of each group, local hours across daylight saving, and durations between transfers. */
class ColumnsTimeTest {
    private static final Comparator<TransferFact> TIME_ORDER = Comparator.comparing(TransferFact::sent).thenComparing(TransferFact::reference);

    private static TransferFact at(String sender, String recipient, Instant sent, ZoneId zone) {
        return Facts.at(Facts.sent(sender, recipient, "2024-01-01T00:00", "50"), sent, zone, Optional.empty());
    }

    /** Each sender's and recipient's transfers, as the test's own sort of the facts orders them. */
    private static void assertGroupedInTimeOrder(Columns c, List<TransferFact> facts) {
        TreeMap<String, List<String>> bySender = new TreeMap<>(), byRecipient = new TreeMap<>(), byPair = new TreeMap<>();
        facts.stream().sorted(TIME_ORDER).forEach(f -> {
            bySender.computeIfAbsent(f.senderEntity(), k -> new ArrayList<>()).add(f.reference());
            byRecipient.computeIfAbsent(f.recipientEntity(), k -> new ArrayList<>()).add(f.reference());
            byPair.computeIfAbsent(f.senderEntity() + " -> " + f.recipientEntity(), k -> new ArrayList<>()).add(f.reference());
        });
        assertThat(c.senderIds).containsExactlyElementsOf(bySender.keySet());
        assertThat(c.recipientIds).containsExactlyElementsOf(byRecipient.keySet());
        for (int s = 0; s < c.senderIds.length; s++) {
            assertThat(c.references(c.sentBy(s))).as(c.senderIds[s]).isEqualTo(bySender.get(c.senderIds[s]));
        }
        for (int r = 0; r < c.recipientIds.length; r++) {
            assertThat(c.references(c.receivedBy(r))).as(c.recipientIds[r]).isEqualTo(byRecipient.get(c.recipientIds[r]));
        }
        // Each pair's transfers are its sender's transfers to that recipient, in time order.
        assertThat(c.pairSender).hasSize(byPair.size());
        for (int p = 0; p < c.pairSender.length; p++) {
            String pair = c.senderIds[c.pairSender[p]] + " -> " + c.recipientIds[c.pairRecipient[p]];
            assertThat(c.references(c.byPair, c.pairStart[p], c.pairStart[p + 1])).as(pair).isEqualTo(byPair.get(pair));
        }
    }

    /**
     * Transfers over a few hours, many in the same second (ordered by nanosecond, then reference), given in random order.
     * 1,024 fills the builder's first arrays exactly; 1,500 makes them grow, as 700 senders grow the dictionaries.
     */
    @Test
    void everyGroupIsInTimeOrderThenByReference() {
        for (int n : new int[] {300, 1_024, 1_500}) {
            Random random = new Random(n);
            List<TransferFact> facts = new ArrayList<>();
            Instant start = Instant.parse("2024-05-01T00:00:00Z");
            int[] nanos = {0, 500_000_000, 999_999_999};
            for (int i = 0; i < n; i++) {
                Instant sent = start.plusSeconds(random.nextInt(n / 3)).plusNanos(nanos[random.nextInt(3)]);
                facts.add(at("s" + random.nextInt(n / 2), "r" + random.nextInt(20), sent, Facts.PARIS));
            }
            Collections.shuffle(facts, random);
            Columns c = Columns.of(facts);
            assertThat(c.transfers()).isEqualTo(n);
            assertGroupedInTimeOrder(c, facts);
        }
    }

    /**
     * Instants too far apart to pack with the row index (2^54 seconds and more with 300 rows) are ordered all the same, on
     * either side of 1970.
     */
    @Test
    void aSpanTooWideToPackIsOrderedAllTheSame() {
        Random random = new Random(3);
        List<TransferFact> facts = new ArrayList<>();
        for (int i = 0; i < 297; i++) {
            facts.add(at("s" + random.nextInt(5), "r" + random.nextInt(5), Instant.ofEpochSecond(random.nextLong(-30_000_000_000_000_000L,
                    30_000_000_000_000_000L)), ZoneOffset.UTC));
        }
        facts.add(at("s0", "r0", Instant.ofEpochSecond(-31_000_000_000_000_000L), ZoneOffset.UTC));
        facts.add(at("s0", "r0", Instant.ofEpochSecond(31_000_000_000_000_000L, 5), ZoneOffset.UTC));
        facts.add(at("s0", "r0", Instant.ofEpochSecond(31_000_000_000_000_000L, 1), ZoneOffset.UTC));
        assertGroupedInTimeOrder(Columns.of(facts), facts);
    }

    /** A narrow span across the epoch: seconds before 1970 are negative, and packed all the same. */
    @Test
    void transfersAroundTheEpochAreInTimeOrder() {
        Random random = new Random(5);
        List<TransferFact> facts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            facts.add(at("s" + random.nextInt(4), "r" + random.nextInt(4), Instant.ofEpochSecond(random.nextInt(-2_000, 2_001)), ZoneOffset.UTC));
        }
        assertGroupedInTimeOrder(Columns.of(facts), facts);
    }

    /**
     * Paris springs forward at 01:00 UTC on 31 March 2024 (02:00 local becomes 03:00). The last transfer, exactly at that
     * second, is at 03:00 local; one second before, 01:59 local. Summer evenings are UTC+2, winter ones UTC+1.
     */
    @Test
    void theLocalHourFollowsTheSendersZoneUpToTheLastSecondOfThePeriod() {
        List<TransferFact> facts = List.of(at("s", "r", Instant.parse("2023-07-15T20:30:00Z"), Facts.PARIS),
                at("s", "r", Instant.parse("2024-01-15T21:30:00Z"), Facts.PARIS),
                at("s", "r", Instant.parse("2024-03-31T00:59:59Z"), Facts.PARIS),
                at("s", "r", Instant.parse("2024-03-31T01:00:00Z"), Facts.PARIS),
                at("m", "r", Instant.parse("2024-01-15T21:30:00Z"), ZoneId.of("Asia/Manila")));
        Columns c = Columns.of(facts);
        assertThat(c.localHour).containsExactly(22, 22, 1, 3, 5);
    }

    @Test
    void minutesAndWindowsBetweenTransfersCountNanoseconds() {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        Columns c = Columns.of(List.of(at("s", "r", t, Facts.PARIS), at("s", "r", t.plusSeconds(60), Facts.PARIS),
                at("s", "r", t.plusMillis(500), Facts.PARIS), at("s", "r", t.plusMillis(60_200), Facts.PARIS),
                at("s", "r", t.plusSeconds(60).plusNanos(1), Facts.PARIS)));
        assertThat(c.minutesBetween(0, 1)).isEqualTo(1); // 60 s
        assertThat(c.minutesBetween(2, 3)).isZero(); // 59.7 s
        assertThat(c.minutesBetween(2, 1)).isZero(); // 59.5 s
        assertThat(c.moreThan(0, 1, 60)).isFalse(); // exactly 60 s
        assertThat(c.moreThan(0, 1, 59)).isTrue();
        assertThat(c.moreThan(0, 4, 60)).isTrue(); // 60 s and 1 ns
        assertThat(c.moreThan(2, 3, 60)).isFalse(); // 59.7 s
        assertThat(c.moreThan(2, 3, 59)).as("59.7 s, the later fraction smaller").isTrue();
    }

    /** Minutes from sending to payout: 0 when paid out the same second; none when not paid out, or paid out before sending. */
    @Test
    void pickupMinutesAreWholeMinutesAfterSendingAndAPayoutBeforeSendingIsNone() {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        TransferFact base = Facts.sent("s", "r", "2024-05-01T12:00", "50");
        Columns c = Columns.of(List.of(Facts.at(base, t, Facts.PARIS, Optional.of(t)),
                Facts.at(base, t.plusSeconds(1), Facts.PARIS, Optional.of(t.plusSeconds(1 + 119))),
                Facts.at(base, t.plusSeconds(2), Facts.PARIS, Optional.of(t.plusSeconds(1))),
                Facts.at(base, t.plusSeconds(3), Facts.PARIS, Optional.empty())));
        assertThat(c.pickupMinutes).containsExactly(0, 1, -1, -1);
        assertThat(Indicators.paidOut(c, new int[] {0, 1, 2, 3})).containsExactly(0, 1);
    }
}
