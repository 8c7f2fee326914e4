package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The keys a store indexes records by, for incremental runs that read only the records around new ones. */
class NeighbourhoodTest {
    private static PersonRecord record(String id, String given, String surname, String phone, String agency,
            String counterpart) {
        return new PersonRecord(id, given, "", surname, "", Optional.of(LocalDate.parse("1975-04-12")), "P1234567", phone,
                "", "12 Rizal St", "1000", "Manila", "", agency, counterpart);
    }

    /**
     * The hashes are stored (entity_block_key): another function would find nothing in an index built by this one.
     * Pinned to FNV-1a 64 over the UTF-16 units, then SplitMix64's finaliser, computed apart from this code.
     */
    @Test
    void theHashOfAKeyIsTheOneStoredIndexesHold() {
        assertThat(Neighbourhood.hash("phone:33612345678")).isEqualTo(-1754301373671400899L);
        assertThat(Neighbourhood.hash("name:mar:r")).isEqualTo(-619440924007318282L);
        assertThat(Neighbourhood.hash("")).isEqualTo(-780787492076525413L);
    }

    @Test
    void aRecordsKeysAreItsBlockingKeysHashedWithTheIdentifiersMarked() {
        PersonRecord r = record("t1:R", "Maria Luz", "Dela Cruz", "+63 917 123 4567", "MNL-0012", "t1:S");
        List<String> keys = Blocking.keys(new Features(r));

        Neighbourhood.Keys k = Neighbourhood.keys(r);

        assertThat(k.blocking()).containsExactly(keys.stream().mapToLong(Neighbourhood::hash).toArray());
        for (int i = 0; i < keys.size(); i++) {
            boolean identifier = keys.get(i).startsWith("id:") || keys.get(i).startsWith("phone:")
                    || keys.get(i).startsWith("address:");
            assertThat(k.identifier()[i]).as(keys.get(i)).isEqualTo(identifier);
        }
        assertThat(k.identifier()).as("this record's identifier keys: ID number, phone, address").contains(true, false);
    }

    /** An oversized block sorts its records by their names taken either way round: the index stores that order's name. */
    @Test
    void aRecordSortsByItsNamesEitherWayRound() {
        Neighbourhood.Keys straight = Neighbourhood.keys(record("a", "Maria", "Reyes", "", "", ""));
        Neighbourhood.Keys swapped = Neighbourhood.keys(record("b", "Reyes", "Maria", "", "", ""));

        assertThat(straight.sortName()).isEqualTo("maria|reyes").isEqualTo(swapped.sortName());
    }

    /**
     * A ruled record's counterparty partners are looked up by these: the first three letters of the given name with the
     * surname's initial, and the other way round (a swapped record meets them), hashed as stored. Values computed apart.
     */
    @Test
    void aRecordsNameKeysAreItsNameBeginningsBothWaysHashed() {
        long given3SurnameInitial = -619440924007318282L; // "name:mar:r"
        long surname3GivenInitial = 1653597823113435648L; // "name:rey:m"

        assertThat(Neighbourhood.nameKeys(record("a", "Maria", "Reyes", "", "", "")))
                .containsExactly(given3SurnameInitial, surname3GivenInitial);
        assertThat(Neighbourhood.nameKeys(record("b", "Reyes", "Maria", "", "", "")))
                .containsExactlyInAnyOrder(given3SurnameInitial, surname3GivenInitial);
        assertThat(Neighbourhood.nameKeys(record("c", "Marisol", "Ramos", "", "", ""))).contains(given3SurnameInitial)
                .doesNotContain(surname3GivenInitial);
        assertThat(Neighbourhood.nameKeys(record("d", "", "Reyes", "", "", ""))).as("no given name: no name key").isEmpty();
    }

    /** A person's repeated rows are read once; their keys are the ones each would have alone. */
    @Test
    void manyRecordsGetTheKeysEachHasAlone() {
        List<PersonRecord> records = List.of(
                record("t1:S", "Maria", "Reyes", "0917 000 0001", "MNL-1", "t1:R"),
                record("t2:S", "Maria", "Reyes", "0917 000 0001", "MNL-1", "t2:R"), // a repeated row: other ids only
                record("t3:S", "Maria", "Reyes", "0917 000 0001", "MNL-2", "t3:R"), // another agency: other keys
                record("t4:S", "Mario", "Reyes", "0917 000 0001", "MNL-1", "t4:R"));

        Neighbourhood.Keys[] together = Neighbourhood.keys(records);

        for (int i = 0; i < records.size(); i++) {
            Neighbourhood.Keys alone = Neighbourhood.keys(records.get(i));
            assertThat(together[i].blocking()).as(records.get(i).id()).containsExactly(alone.blocking());
            assertThat(together[i].sortName()).isEqualTo(alone.sortName());
            assertThat(together[i].givenKey()).isEqualTo(alone.givenKey());
        }
        assertThat(Arrays.equals(together[0].blocking(), together[2].blocking())).as("the agency is in the keys").isFalse();
    }
}
