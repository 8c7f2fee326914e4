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

/** Facilitators whose relatives abroad send them family money: diaspora senders with their surname. */
class FacilitatorsFamilyTest {
    @TempDir
    Path dir;

    @Test
    void someFamiliesSendAFacilitatorMoneyUnderHerSurnameAndNoneDoWithoutTheSwitch() {
        SimConfig base = Runs.small(6_000, 12).withSeed(17).withBadRows(0, 0);
        Path out = dir.resolve("on");
        Simulator.run(base.withBuyers(base.buyers().withFacilitatorFamilyShare(0.05)), out, Format.CANONICAL, Simulator.Progress.NONE);
        Map<String, List<String>> persons = new HashMap<>();
        for (List<String> p : Runs.truth(out.resolve("truth/persons.csv"))) {
            assertThat(persons.put(p.get(0), p)).as("person %s listed once", p.get(0)).isNull();
        }
        Set<String> relatives = new HashSet<>(), facilitators = new HashSet<>();
        for (TransferRows.Row r : TransferRows.intact(out, Format.CANONICAL)) {
            String senderRole = persons.get(r.senderId()).get(2), recipientRole = persons.get(r.recipientId()).get(2);
            if (!recipientRole.equals("FACILITATOR") || senderRole.equals("BUYER")) continue;
            assertThat(senderRole).isEqualTo("DIASPORA_FAMILY");
            relatives.add(r.senderId());
            facilitators.add(r.recipientId());
            // A relative: the family's surname is the facilitator's (a married daughter carries it as her middle name).
            List<String> sender = persons.get(r.senderId());
            String surname = persons.get(r.recipientId()).get(6);
            assertThat(List.of(sender.get(6), sender.get(5))).as("surname or middle name of %s", r.senderId()).contains(surname);
        }
        // About 5% of the families of 6,000 x 0.62 diaspora senders: dozens of relatives, to a few of the operations.
        assertThat(relatives.size()).isBetween(20, 400);
        assertThat(facilitators).isNotEmpty();

        Path off = dir.resolve("off");
        Simulator.run(base, off, Format.CANONICAL, Simulator.Progress.NONE);
        Map<String, String> roles = new HashMap<>();
        for (List<String> p : Runs.truth(off.resolve("truth/persons.csv"))) roles.put(p.get(0), p.get(2));
        for (TransferRows.Row r : TransferRows.intact(off, Format.CANONICAL)) {
            if (roles.get(r.recipientId()).equals("FACILITATOR")) assertThat(roles.get(r.senderId())).isEqualTo("BUYER");
        }
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        SimConfig.Buyers b = SimConfig.Buyers.defaults();
        assertThatThrownBy(() -> b.withFacilitatorFamilyShare(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.facilitatorFamilyShare()).as("none by default").isZero();
    }
}
