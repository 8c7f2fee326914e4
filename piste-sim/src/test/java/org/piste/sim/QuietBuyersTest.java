package org.piste.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Buyers with few red flags of their own: careful ones (few payments, in the daytime, to one facilitator) and those
 * who pay a facilitator of their own; the typology's buyers otherwise.
 */
class QuietBuyersTest {
    @TempDir
    Path dir;

    @Test
    void carefulBuyersPayOneFacilitatorAtMostTenTimesInTheDaytime() {
        SimConfig base = Runs.small(6_000, 12).withSeed(31).withBadRows(0, 0);
        Behaviour careful = behaviour(base.withBuyers(base.buyers().withCarefulShare(1)), dir.resolve("careful"));
        Behaviour usual = behaviour(base, dir.resolve("usual"));

        assertThat(careful.buyers).as("buyers in the run").isGreaterThanOrEqualTo(10);
        assertThat(careful.mostPayments).isLessThanOrEqualTo(10);
        assertThat(careful.mostRecipients).isEqualTo(1);
        // The day profile puts 1.7 of its 62.7 hour weights at 22:00-06:00 (2.7%); agency counters close at night.
        assertThat(careful.nightShare()).isLessThan(0.08);

        // The same population with the switch off: the typology's buyers, at night and some of them many times.
        assertThat(usual.nightShare()).isGreaterThan(0.4);
        assertThat(usual.mostPayments).isGreaterThan(10);
        assertThat(usual.mostRecipients).isGreaterThan(1);
    }

    /** With every buyer careful and paying a lone facilitator, most facilitators are paid by one buyer only. */
    @Test
    void loneFacilitatorsArePaidByAboutOneBuyerEach() {
        // About 120 buyers: with fewer, the share below swings by more than the margin.
        SimConfig base = Runs.small(30_000, 6).withSeed(31).withBadRows(0, 0);
        Path out = dir.resolve("lone");
        Simulator.run(base.withBuyers(base.buyers().withCarefulShare(1).withLoneFacilitatorShare(1)), out, Format.CANONICAL,
                Simulator.Progress.NONE);
        Map<String, Set<String>> buyersOf = buyersOfFacilitators(out);
        Set<String> facilitators = new HashSet<>();
        for (List<String> p : Runs.truth(out.resolve("truth/persons.csv"))) if (p.get(2).equals("FACILITATOR")) facilitators.add(p.get(0));
        assertThat(facilitators).as("every paid facilitator is in the truth").containsAll(buyersOf.keySet());
        long alone = buyersOf.values().stream().filter(b -> b.size() == 1).count();
        // n buyers drawing among n lone facilitators: a facilitator paid by anyone is paid by one buyer only with
        // probability about (1 - 1/n)^(n-1) / (1 - (1 - 1/n)^n) = 0.37 / 0.63, some 58% (standard error ~0.06 here).
        assertThat(buyersOf.size()).as("facilitators paid").isGreaterThan(50);
        assertThat((double) alone / buyersOf.size()).isGreaterThan(0.45);
        assertThat(buyersOf.values().stream().mapToInt(Set::size).max().orElse(0)).isLessThanOrEqualTo(5);

        Path usual = dir.resolve("shared");
        Simulator.run(base.withBuyers(base.buyers().withCarefulShare(1)), usual, Format.CANONICAL, Simulator.Progress.NONE);
        assertThat(buyersOfFacilitators(usual).values().stream().mapToInt(Set::size).max().orElse(0))
                .as("without the switch").isGreaterThan(5);
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        SimConfig.Buyers b = SimConfig.Buyers.defaults();
        assertThatThrownBy(() -> b.withCarefulShare(1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.withCarefulShare(-0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.withLoneFacilitatorShare(1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.withLoneFacilitatorShare(-0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.carefulShare()).as("none by default").isZero();
        assertThat(b.loneFacilitatorShare()).as("none by default").isZero();
    }

    private static Map<String, Set<String>> buyersOfFacilitators(Path out) {
        Map<String, Set<String>> buyersOf = new HashMap<>();
        for (TransferRows.Row r : TransferRows.intact(out, Format.CANONICAL)) {
            if (r.recipientId().startsWith("F")) buyersOf.computeIfAbsent(r.recipientId(), k -> new HashSet<>()).add(r.senderId());
        }
        return buyersOf;
    }

    private record Behaviour(int buyers, int mostPayments, int mostRecipients, long night, long rows) {
        double nightShare() {
            return (double) night / rows;
        }
    }

    private static Behaviour behaviour(SimConfig cfg, Path out) {
        Simulator.run(cfg, out, Format.CANONICAL, Simulator.Progress.NONE);
        Set<String> buyers = new HashSet<>();
        for (List<String> p : Runs.truth(out.resolve("truth/persons.csv"))) if (p.get(2).equals("BUYER")) buyers.add(p.get(0));
        Map<String, Integer> payments = new HashMap<>();
        Map<String, Set<String>> recipients = new HashMap<>();
        long night = 0, rows = 0;
        for (TransferRows.Row r : TransferRows.intact(out, Format.CANONICAL)) {
            if (!buyers.contains(r.senderId())) continue;
            payments.merge(r.senderId(), 1, Integer::sum);
            recipients.computeIfAbsent(r.senderId(), k -> new HashSet<>()).add(r.recipientId());
            int hour = Integer.parseInt(r.get("send_datetime").substring(11, 13)); // the sender's local time
            if (hour >= 22 || hour < 6) night++;
            rows++;
        }
        return new Behaviour(payments.size(), payments.values().stream().max(Integer::compare).orElse(0),
                recipients.values().stream().mapToInt(Set::size).max().orElse(0), night, rows);
    }
}
