package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.piste.resolve.People.person;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The second pass compares each candidate pair's own counterparties (default model, a small population). */
class SecondPassTest {
    private static PersonRecord payee(String id, String agency, String sender) {
        return new PersonRecord(id, "Maria Luz", "", "Dela Cruz", "", Optional.empty(), "", "", "", "", "", "Manila", "", agency, sender);
    }

    private static PersonRecord hugo(String id, String recipient) {
        return PersonRecords.inContext(person(id, "Hugo", "Petit", "1970-05-06", "+33600000001"), "Paris", "PAR-1", recipient);
    }

    /**
     * Hugo pays Maria Luz Dela Cruz at two agencies of Manila (two first rows: the agency differs). The first record by
     * position ("a") has no counterpart: a pair's counterparty level must be its own records'.
     */
    @Test
    void aPairOfPayeesOfOneSenderIsComparedOnThatSender() {
        List<PersonRecord> records = new ArrayList<>(List.of(
                new PersonRecord("a", "Claire", "", "Durand", "", Optional.empty(), "", "", "", "", "", "Lyon", ""),
                hugo("t1:S", "t1:R"), payee("t1:R", "MNL-1", "t1:S"), hugo("t2:S", "t2:R"), payee("t2:R", "MNL-2", "t2:S")));
        records.addAll(People.strangers());
        Resolution r = new Resolver(Resolver.Settings.defaults()).resolve(records, List.of());

        Link link = r.links().stream().filter(l -> l.recordA().equals("t1:R") && l.recordB().equals("t2:R")).findFirst().orElseThrow();
        Evidence counterparty = link.evidence().get(1 + Comparison.COUNTERPARTY.ordinal());
        assertThat(List.of(counterparty.valueA(), counterparty.valueB(), counterparty.level()))
                .containsExactly("t1:S", "t1:S", "same entity");
        // 24 first rows (Hugo's two rows are one): prior log2(1/23) = -4.524, given names and surname counted 2 in 24:
        // log2(0.80 * 12) = 3.263, log2(0.85 * 12) = 3.350; city exact log2(0.85 / 0.05) = 4.087; agency different
        // log2(0.5 / 0.99) = -0.986; the same sender log2(0.3 / 0.001) = 8.229
        assertThat(link.weight()).isCloseTo(-4.523562 + 3.263034 + 3.350497 + 4.087463 - 0.985500 + 8.228819, within(1e-5));
        assertThat(r.entityOf().get("t2:R")).isEqualTo("t1:R");
    }
}
