package org.piste.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Buyers who also send a relative (their surname) or a partner a monthly remittance, like a diaspora sender. */
class BuyersWhoPayFamilyTest {
    @TempDir
    Path dir;

    @Test
    void everyBuyerAlsoSupportsOneRelativeOrPartnerMostMonths() {
        SimConfig base = Runs.small(6_000, 12).withSeed(31).withBadRows(0, 0);
        Path out = dir.resolve("family");
        Simulator.run(base.withBuyers(base.buyers().withFamilyShare(1)), out, Format.CANONICAL, Simulator.Progress.NONE);
        Map<String, List<String>> persons = new HashMap<>();
        for (List<String> p : Runs.truth(out.resolve("truth/persons.csv"))) persons.put(p.get(0), p);

        Map<String, Set<String>> familyOf = new HashMap<>();
        Map<String, Set<String>> monthsPaid = new HashMap<>();
        List<BigDecimal> sums = new ArrayList<>();
        for (TransferRows.Row r : TransferRows.intact(out, Format.CANONICAL)) {
            if (!persons.get(r.senderId()).get(2).equals("BUYER")) continue;
            String role = persons.get(r.recipientId()).get(2);
            if (role.equals("FACILITATOR")) continue;
            assertThat(role).isIn("RELATIVE", "PARTNER");
            familyOf.computeIfAbsent(r.senderId(), k -> new HashSet<>()).add(r.recipientId());
            monthsPaid.computeIfAbsent(r.senderId(), k -> new HashSet<>()).add(r.get("send_datetime").substring(0, 7));
            sums.add(new BigDecimal(r.get("sent_amount")));
            String buyerSurname = persons.get(r.senderId()).get(6), theirs = persons.get(r.recipientId()).get(6);
            if (role.equals("RELATIVE")) assertThat(theirs).as("a relative carries the buyer's surname").isEqualTo(buyerSurname);
            else assertThat(theirs).as("a partner does not").isNotEqualTo(buyerSurname);
        }
        long buyers = persons.values().stream().filter(p -> p.get(2).equals("BUYER")).count();
        assertThat(familyOf).as("every buyer pays family").hasSize((int) buyers);
        assertThat(familyOf.values()).allSatisfy(f -> assertThat(f).hasSize(1));
        // Sent in a month with probability 0.88: 10.6 of 12 months on average.
        double meanMonths = monthsPaid.values().stream().mapToInt(Set::size).average().orElse(0);
        assertThat(meanMonths).isBetween(9.0, 12.0);
        sums.sort(null);
        // The diaspora's monthly median, EUR 340, rounded to tens.
        assertThat(sums.get(sums.size() / 2)).isBetween(new BigDecimal("200"), new BigDecimal("600"));

        Path usual = dir.resolve("usual");
        Simulator.run(base, usual, Format.CANONICAL, Simulator.Progress.NONE);
        for (TransferRows.Row r : TransferRows.intact(usual, Format.CANONICAL)) {
            // The same population: the senders are those of the run above; without the switch buyers pay only facilitators.
            if (persons.get(r.senderId()).get(2).equals("BUYER")) assertThat(r.recipientId()).startsWith("F");
        }
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        SimConfig.Buyers b = SimConfig.Buyers.defaults();
        assertThatThrownBy(() -> b.withFamilyShare(1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.withFamilyShare(-0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.familyShare()).as("none by default").isZero();
    }
}
