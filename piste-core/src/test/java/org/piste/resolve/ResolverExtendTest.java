package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.resolve.People.person;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Extending a previous resolution whose records are parties of transfers: the counterparties it compares. */
class ResolverExtendTest {
    private static final int COUNTERPARTY = 1 + Comparison.COUNTERPARTY.ordinal();

    private static PersonRecord hugo(String id, String counterpart) {
        return PersonRecords.inContext(person(id, "Hugo", "Petit", "1970-05-06", "+33600000001"), "Paris", "PAR-1", counterpart);
    }

    private static PersonRecord rowena(String id, String counterpart) {
        return PersonRecords.inContext(person(id, "Rowena", "Bautista", "1982-03-04", "+639170000001"), "Manila", "MNL-1", counterpart);
    }

    private static Evidence counterparty(Resolution r, String a, String b) {
        return r.links().stream().filter(l -> l.recordA().equals(a) && l.recordB().equals(b)).findFirst().orElseThrow()
                .evidence().get(COUNTERPARTY);
    }

    /**
     * A counterpart resolved before stands as its previous entity, a new one as itself: Rowena's new row paid by Hugo's
     * old row shares his entity with her first row; her row of a new transfer does not (its sender is new).
     */
    @Test
    void counterpartiesAreThePreviousEntitiesAndANewCounterpartIsItsOwn() {
        Resolver resolver = new Resolver(Resolver.Settings.defaults());
        List<PersonRecord> existing = List.of(hugo("t1:S", "t1:R"), rowena("t1:R", "t1:S"));
        Resolution before = resolver.resolve(existing, List.of());
        List<PersonRecord> added = List.of(hugo("t2:S", "t2:R"), rowena("t2:R", "t2:S"), rowena("t9:R", "t1:S"),
                person("n:S", "Joel", "Santos", "", "12345"));

        Resolution after = resolver.extend(before, existing, added, List.of());

        assertThat(after.entityOf()).containsEntry("t2:S", "t1:S").containsEntry("t2:R", "t1:R").containsEntry("t9:R", "t1:R")
                .containsEntry("n:S", "n:S");
        Evidence paidByHugo = counterparty(after, "t1:R", "t9:R");
        assertThat(List.of(paidByHugo.valueA(), paidByHugo.valueB(), paidByHugo.level())).containsExactly("t1:S", "t1:S", "same entity");
        Evidence newSender = counterparty(after, "t1:R", "t2:R");
        assertThat(List.of(newSender.valueA(), newSender.valueB(), newSender.level())).containsExactly("t1:S", "t2:S", "different");
        Evidence senders = counterparty(after, "t1:S", "t2:S");
        assertThat(List.of(senders.valueA(), senders.valueB())).containsExactly("t1:R", "t2:R");
        assertThat(after.notCompared()).isEqualTo(java.util.Map.of(NotCompared.SHORT_PHONE, 1L));
        assertThat(after.model()).isSameAs(before.model());
    }
}
