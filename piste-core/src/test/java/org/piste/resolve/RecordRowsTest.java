package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.resolve.People.person;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which rows are one person's repeated rows, and how often each name is counted. */
class RecordRowsTest {

    /** A row with names, city and agency and the counterpart's record, no strong identifier. */
    private static PersonRecord named(String id, String given, String surname, String agency, String counterpart) {
        return new PersonRecord(id, given, "", surname, "", Optional.empty(), "", "", "", "", "", "Manila", "", agency, counterpart);
    }

    private static PersonRecord sender(String id, String counterpart) {
        return PersonRecords.inContext(person(id, "Hugo", "Petit", "1970-05-06", "+33600000001"), "Paris", "PAR-1", counterpart);
    }

    @Test
    void rowsIdenticalWithAStrongIdentifierAreOneGroupWhoseNamesCountOnce() {
        List<PersonRecord> rows = List.of(
                person("t12:S", "Marites", "Villanueva", "1969-09-09", "+639201234567"),
                person("t9:S", "MARITES", "VILLANUEVA", "1969-09-09", "+639201234567"),
                person("t10:S", "Marites", "Villanueva", "1969-09-09", "+639201234567"),
                person("t11:S", "Joel", "Santos", "", ""), // no strong identifier: stands alone
                person("t13:S", "Joel", "Santos", "", ""), // alone too, but its name's form is counted once
                person("t14:S", "Joel", "Reyes", "1980-01-01", ""));
        RecordRows r = RecordRows.of(rows.iterator(), Set.of());

        assertThat(r.size()).isEqualTo(6);
        assertThat(r.groups).hasSize(2);
        RecordRows.Group villanueva = r.groups.get(0);
        assertThat(villanueva.first.id).as("first in id order: shorter first").isEqualTo("t9:S");
        assertThat(villanueva.firstRow).isEqualTo(1);
        assertThat(r.spellingOf.toArray()).containsExactly(0, 0, 0, -1, -1, 1);
        assertThat(r.surnameCounts).isEqualTo(Map.of("villanueva", 1, "santos", 1, "reyes", 1));
        assertThat(r.givenCounts).isEqualTo(Map.of("marites", 1, "joel", 2));

        RecordRows.Representatives reps = r.representatives();
        assertThat(reps.features()).extracting(f -> f.id).containsExactly("t9:S", "t11:S", "t13:S", "t14:S");
        assertThat(reps.rows()).containsExactly(1, 3, 4, 5);
        assertThat(r.representativeOfRow(reps)).containsExactly(0, 0, 0, 1, 2, 3);
        assertThat(r.counterparts).isFalse();
    }

    @Test
    void aRecordAnAnalystRuledOnStandsAloneAndCountsItsName() {
        List<PersonRecord> rows = List.of(
                person("a1", "Marites", "Villanueva", "1969-09-09", "+639201234567"),
                person("a2", "Marites", "Villanueva", "1969-09-09", "+639201234567"));
        RecordRows r = RecordRows.of(rows.iterator(), Set.of("a2"));
        assertThat(r.spellingOf.toArray()).containsExactly(0, -1);
        assertThat(r.givenCounts).isEqualTo(Map.of("marites", 2));
    }

    /** "Dela Cruz" and "Delacruz" compare alike (one surname key) but are shown as written: two spellings, one group. */
    @Test
    void aGroupKeepsEachSpellingOfItsRows() {
        List<PersonRecord> rows = List.of(
                person("s1", "Analyn", "Dela Cruz", "1980-01-01", "+639170000001"),
                person("s2", "Analyn", "Delacruz", "1980-01-01", "+639170000001"),
                person("s3", "ANALYN", "DELA CRUZ", "1980-01-01", "+639170000001"));
        RecordRows r = RecordRows.of(rows.iterator(), Set.of());
        assertThat(r.groups).hasSize(1);
        assertThat(r.spellingOf.toArray()).containsExactly(0, 1, 0);
        assertThat(r.groups.get(0).spellings.next.features1.id).isEqualTo("s2");
        assertThat(r.groups.get(0).spellings.next.next).isNull();
    }

    /**
     * Beneficiaries known by name and payout place: rows written alike and paid by one sender's repeated rows are one
     * group; paid by another sender, or at another agency, another. (Each sender is read before its beneficiary, as the
     * application reads transfers.)
     */
    @Test
    void rowsWithoutStrongIdentifierAreOneGroupWhenPaidByOneCounterpartsRows() {
        List<PersonRecord> rows = List.of(
                sender("t1:S", "t1:R"), named("t1:R", "Maria Luz", "Dela Cruz", "MNL-1", "t1:S"),
                sender("t2:S", "t2:R"), named("t2:R", "Maria Luz", "Dela Cruz", "MNL-1", "t2:S"),
                PersonRecords.inContext(person("t3:S", "Claire", "Durand", "1985-05-05", "+33600000002"), "Paris", "PAR-1", "t3:R"),
                named("t3:R", "Maria Luz", "Dela Cruz", "MNL-1", "t3:S"),
                sender("t4:S", "t4:R"), named("t4:R", "Maria Luz", "Dela Cruz", "MNL-2", "t4:S"),
                sender("t5:S", "t5:R"), named("t5:R", "Maria Luz", "", "MNL-1", "t5:S"),
                sender("t6:S", "t6:R"), named("t6:R", "Maria Luz", "", "MNL-1", "t6:S"));
        RecordRows r = RecordRows.of(rows.iterator(), Set.of());

        int[] spelling = r.spellingOf.toArray();
        int hugo = spelling[0];
        assertThat(spelling[2]).isEqualTo(hugo);
        assertThat(spelling[6]).isEqualTo(hugo);
        assertThat(spelling[1]).as("paid by Hugo's rows").isNotNegative().isEqualTo(spelling[3]);
        assertThat(spelling[5]).as("paid by Claire's").isNotNegative().isNotIn(spelling[1], hugo);
        assertThat(spelling[7]).as("at another agency").isNotNegative().isNotIn(spelling[1], spelling[5], hugo);
        assertThat(spelling[9]).as("no surname: half a name is no sure person").isEqualTo(-1).isEqualTo(spelling[11]);
        assertThat(r.groups).hasSize(5);
        assertThat(r.counterpartOf.toArray()).containsExactly(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10);
        assertThat(r.counterparts).isTrue();
        // maria luz: the groups paid by Hugo, by Claire and at MNL-2, each once, and the form without surname once
        assertThat(r.givenCounts).containsEntry("maria luz", 4).containsEntry("hugo", 1);
    }

    /** Records are read in chunks of 2^15: a counterpart in a later chunk is found when it comes. */
    @Test
    void aCounterpartReadInALaterChunkIsFoundWhenItComes() {
        int chunk = 1 << 15;
        List<PersonRecord> rows = new java.util.ArrayList<>(chunk + 1);
        for (int k = 0; k < chunk - 1; k++) rows.add(new PersonRecord("f" + k, "", "", "", "", Optional.empty(), "", "", "", "", "", "", ""));
        rows.add(named("t1:R", "Maria Luz", "Dela Cruz", "MNL-1", "t1:S"));
        rows.add(person("t1:S", "Hugo", "Petit", "1970-05-06", "+33600000001")); // names no counterpart itself
        RecordRows r = RecordRows.of(rows.iterator(), Set.of());
        assertThat(r.counterpartOf.get(chunk - 1)).isEqualTo(chunk);
        assertThat(r.counterpartOf.get(chunk)).isEqualTo(-1);
        assertThat(r.counterparts).isTrue();
    }

    @Test
    void aRecordNamingTheFirstRecordAsCounterpartHasOne() {
        RecordRows r = RecordRows.of(List.of(person("t1:S", "Hugo", "Petit", "1970-05-06", "+33600000001"),
                named("t1:R", "Maria", "Cruz", "MNL-1", "t1:S")).iterator(), Set.of());
        assertThat(r.counterpartOf.toArray()).containsExactly(-1, 0);
        assertThat(r.counterparts).isTrue();
    }

    @Test
    void aCounterpartOutsideTheRecordsIsNone() {
        RecordRows r = RecordRows.of(List.of(named("t1:R", "Maria", "Cruz", "MNL-1", "t1:S")).iterator(), Set.of());
        assertThat(r.counterpartOf.toArray()).containsExactly(-1);
        assertThat(r.counterparts).isFalse();
    }

    @Test
    void valuesNotComparedAreCountedPerKind() {
        List<PersonRecord> rows = List.of(
                new PersonRecord("n1", "Mr", "", "", "", Optional.empty(), "AB1", "12345", "", "", "", "", ""),
                new PersonRecord("n2", "", "", "", "Dr", Optional.empty(), "AB12", "1234567", "", "", "", "", ""),
                new PersonRecord("n3", "", "", "", "", Optional.empty(), "", "", "", "", "", "", ""),
                new PersonRecord("n4", "Ana", "", "", "", Optional.empty(), "", "", "", "", "", "", ""),
                new PersonRecord("n5", "Ana", "", "", "", Optional.empty(), "ABCDE", "+33612345678", "", "", "", "", ""));
        RecordRows r = RecordRows.of(rows.iterator(), Set.of());
        assertThat(r.notCompared).containsExactly(1, 1, 2); // short ID number, short phone, name of titles only
    }
}
