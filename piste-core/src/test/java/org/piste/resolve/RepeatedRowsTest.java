package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.piste.resolve.People.person;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Repeated rows on small populations (the default model): each linked to its group's first row with the evidence of its
 * spelling and of its own counterparty, shared between rows alike, and each record's counterparty shown as its own.
 */
class RepeatedRowsTest {
    private static final int COUNTERPARTY = 1 + Comparison.COUNTERPARTY.ordinal();
    private static final int SURNAME = 1 + Comparison.SURNAME.ordinal();

    private static PersonRecord party(String id, String given, String surname, String dob, String phone, String city,
            String agency, String counterpart) {
        return PersonRecords.inContext(person(id, given, surname, dob, phone), city, agency, counterpart);
    }

    /** Hugo pays Rowena twice, Claire pays her once; each of the three is known by name, date of birth and phone. */
    private static final List<PersonRecord> TRANSFERS = List.of(
            party("t1:S", "Hugo", "Petit", "1970-05-06", "+33600000001", "Paris", "PAR-1", "t1:R"),
            party("t1:R", "Rowena", "Bautista", "1982-03-04", "+639170000001", "Manila", "MNL-1", "t1:S"),
            party("t2:S", "Hugo", "Petit", "1970-05-06", "+33600000001", "Paris", "PAR-1", "t2:R"),
            party("t2:R", "Rowena", "Bautista", "1982-03-04", "+639170000001", "Manila", "MNL-1", "t2:S"),
            party("t3:S", "Claire", "Durand", "1985-05-05", "+33600000003", "Paris", "PAR-1", "t3:R"),
            party("t3:R", "Rowena", "Bautista", "1982-03-04", "+639170000001", "Manila", "MNL-1", "t3:S"));

    private static Link link(Resolution r, String a, String b) {
        return r.links().stream().filter(l -> l.recordA().equals(a) && l.recordB().equals(b)).findFirst().orElseThrow();
    }

    @Test
    void eachRepeatedRowShowsItsOwnCounterpartyAndWeighsItsLevel() {
        Resolution r = new Resolver(Resolver.Settings.defaults()).resolve(TRANSFERS, List.of());

        assertThat(r.entityOf()).containsEntry("t2:S", "t1:S").containsEntry("t2:R", "t1:R").containsEntry("t3:R", "t1:R")
                .containsEntry("t3:S", "t3:S");
        assertThat(r.links()).extracting(l -> l.recordA() + "-" + l.recordB()).containsExactly("t1:S-t2:S", "t1:R-t2:R", "t1:R-t3:R");
        Evidence bothHugo = link(r, "t1:R", "t2:R").evidence().get(COUNTERPARTY);
        Evidence hugoAndClaire = link(r, "t1:R", "t3:R").evidence().get(COUNTERPARTY);
        assertThat(List.of(bothHugo.valueA(), bothHugo.valueB(), bothHugo.level())).containsExactly("t1:S", "t1:S", "same entity");
        // Hugo and Claire both deal with Rowena only: Rowena's own entity is no other counterparty in common
        assertThat(List.of(hugoAndClaire.valueA(), hugoAndClaire.valueB(), hugoAndClaire.level()))
                .containsExactly("t1:S", "t3:S", "different");
        assertThat(link(r, "t1:S", "t2:S").evidence().get(COUNTERPARTY).valueB()).isEqualTo("t1:R");
        // Same entity: log2(0.3 / 0.001) = 8.228819; different: log2(0.6 / 0.989) = -0.721008; the rest is alike
        assertThat(link(r, "t1:R", "t2:R").weight() - link(r, "t1:R", "t3:R").weight()).isCloseTo(8.228819 + 0.721008, within(1e-6));

        Map<String, String[]> values = new HashMap<>();
        r.forEachLinkedRecord((id, v) -> values.put(id, v));
        assertThat(values.keySet()).containsExactlyInAnyOrder("t1:S", "t2:S", "t1:R", "t2:R", "t3:R");
        assertThat(values.get("t3:R")[Comparison.COUNTERPARTY.ordinal()]).isEqualTo("t3:S");
        assertThat(values.get("t2:R")[Comparison.COUNTERPARTY.ordinal()]).isEqualTo("t1:S");
    }

    @Test
    void theReportCountsEachRepeatedRowAsOneCandidatePair() {
        BlockingReport report = new Resolver(Resolver.Settings.defaults()).resolve(TRANSFERS, List.of()).blocking();
        // Hugo, Rowena and Claire share no key: no candidate among the three first rows, one per repeated row (3).
        // 6 records, 15 possible pairs: 1 - 3/15 = 0.8
        assertThat(report.records()).isEqualTo(6);
        assertThat(report.candidatePairs()).isEqualTo(3);
        assertThat(report.reductionRatio()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void eachSpellingOfAGroupIsShownAsWritten() {
        List<PersonRecord> rows = List.of(
                person("s1", "Analyn", "Dela Cruz", "1980-01-01", "+639170000001"),
                person("s2", "Analyn", "Delacruz", "1980-01-01", "+639170000001"),
                person("s3", "ANALYN", "DELA CRUZ", "1980-01-01", "+639170000001"));
        Resolution r = new Resolver(Resolver.Settings.defaults()).resolve(rows, List.of());
        assertThat(r.entityOf().values()).containsOnly("s1");
        Evidence s2 = link(r, "s1", "s2").evidence().get(SURNAME), s3 = link(r, "s1", "s3").evidence().get(SURNAME);
        assertThat(List.of(s2.valueA(), s2.valueB(), s2.level())).containsExactly("dela cruz", "delacruz", "exact");
        assertThat(List.of(s3.valueA(), s3.valueB(), s3.level())).containsExactly("dela cruz", "dela cruz", "exact");
        assertThat(link(r, "s1", "s2").evidence().get(COUNTERPARTY).level()).isEqualTo("missing");
    }

    @Test
    void valuesNotComparedAreCountedInTheResolution() {
        List<PersonRecord> rows = List.of(person("a", "Joel", "Santos", "", "12345"), person("b", "Mr", "", "", ""),
                person("c", "Joel", "Reyes", "", "+639170000001"));
        Resolution r = new Resolver(Resolver.Settings.defaults()).resolve(rows, List.of());
        assertThat(r.notCompared()).isEqualTo(Map.of(NotCompared.SHORT_PHONE, 1L, NotCompared.TITLE_ONLY_NAME, 1L));
        assertThat(NotCompared.SHORT_ID_NUMBER.label()).isEqualTo("ID number under 4 characters");
    }

    /** A repeated row paid by the first record of all: its counterparty is that record's entity, not none. */
    @Test
    void aRepeatedRowsCounterpartMayBeTheFirstRecord() {
        List<PersonRecord> rows = List.of(
                party("t0:S", "Hugo", "Petit", "1970-05-06", "+33600000001", "Paris", "PAR-1", "t2:R"),
                party("t1:S", "Claire", "Durand", "1985-05-05", "+33600000003", "Paris", "PAR-1", "t1:R"),
                party("t1:R", "Rowena", "Bautista", "1982-03-04", "+639170000001", "Manila", "MNL-1", "t1:S"),
                party("t2:R", "Rowena", "Bautista", "1982-03-04", "+639170000001", "Manila", "MNL-1", "t0:S"));
        Resolution r = new Resolver(Resolver.Settings.defaults()).resolve(rows, List.of());
        Evidence e = link(r, "t1:R", "t2:R").evidence().get(COUNTERPARTY);
        assertThat(List.of(e.valueA(), e.valueB(), e.level())).containsExactly("t1:S", "t0:S", "different");
    }
}
