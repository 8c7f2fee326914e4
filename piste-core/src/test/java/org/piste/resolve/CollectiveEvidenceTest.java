package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Counterparties and identifier specificity, on hand-built records. */
class CollectiveEvidenceTest {

    private static Features named(String id, String given, String surname, String email) {
        return new Features(new PersonRecord(id, given, "", surname, "", Optional.empty(), "", "", email, "", "", "", ""));
    }

    @Test
    void aPersonsOwnSpellingsTyposAndSwappedRowsCountAsOneName() {
        Features[] f = {named("a", "Maria Luz", "Dela Cruz", "x@mail.example"), named("b", "MA. LUZ", "DELACRUZ", "x@mail.example"),
            named("c", "Maria Luz", "Dela Curz", "x@mail.example"), named("d", "Dela Cruz", "Maria Luz", "x@mail.example")};
        assertThat(DistinctPersons.count(f, new int[] {0, 1, 2, 3}, 0, 4, true)).isEqualTo(1);
    }

    @Test
    void strangersAndRelativesGivingOneAddressCountOneEach() {
        Features[] f = {named("a", "Jonalyn", "Ocampo", ""), named("b", "Ramon", "Aquino", ""), named("c", "Claire", "Durand", ""),
            named("d", "Ramon", "Ocampo", ""), named("e", "", "", ""), named("f", "JONALYN", "OCAMPO", "")};
        // a, b, c and d are four people (d shares a's surname, b's given name); e has no name; f is a again
        assertThat(DistinctPersons.count(f, new int[] {0, 1, 2, 3, 4, 5}, 0, 6, true)).isEqualTo(4);
    }

    @Test
    void aFatherAndSonOfOneNameAreTwoPersonsByTheirDatesOfBirth() {
        Features father = new Features(new PersonRecord("f", "Kenneth", "", "De Leon", "", Optional.of(java.time.LocalDate.of(1962, 9, 9)),
                "", "", "", "", "", "", "")), son = new Features(new PersonRecord("s", "KENNETH", "", "DE LEON", "",
                Optional.of(java.time.LocalDate.of(1984, 8, 16)), "", "", "", "", "", "", "")), again = new Features(
                new PersonRecord("a", "Kenneth", "", "Deleon", "", Optional.of(java.time.LocalDate.of(1962, 9, 19)), "", "",
                        "", "", "", "", ""));
        Features[] f = {father, son, again};
        assertThat(DistinctPersons.count(f, new int[] {0, 1, 2}, 0, 3, true)).as("the father's date mistyped once").isEqualTo(2);
        assertThat(DistinctPersons.count(f, new int[] {0, 1, 2}, 0, 3, false)).as("one document: one person").isEqualTo(1);
    }

    @Test
    void anExactIdentifierCarriedUnderOtherNamesLosesTheLogOfTheirNumber() {
        MatchModel model = DefaultModel.forRecords(1000);
        Scoring scoring = new Scoring(model, java.util.Map.of(), java.util.Map.of());
        Features a = named("a", "Arnel", "Aquino", "office@agence.example"), b = named("b", "Claire", "Durand", "office@agence.example");
        for (Features x : new Features[] {a, b}) x.personsCarrying(Comparison.EMAIL, 10);
        long pattern = Comparison.pattern(a, b);
        assertThat(Comparison.levelText(pattern, Comparison.EMAIL)).isEqualTo("exact, shared with other persons");
        // e-mail exact: log2(0.85 / 0.0001) = 13.053247, less log2(10) = 3.321928
        Evidence email = scoring.evidence(a, b, pattern).get(1 + Comparison.EMAIL.ordinal());
        assertThat(email.weight()).isCloseTo(13.053247 - 3.321928, within(1e-6));
        Features c = named("c", "Arnel", "Aquino", "arnel@mail.example"), d = named("d", "ARNEL", "AQUINO", "arnel@mail.example");
        long own = Comparison.pattern(c, d);
        assertThat(Comparison.levelText(own, Comparison.EMAIL)).isEqualTo("exact");
        assertThat(scoring.evidence(c, d, own).get(1 + Comparison.EMAIL.ordinal()).weight()).isCloseTo(13.053247, within(1e-6));
    }

    @Test
    void blockingCountsTheNamesCarryingEachIdentifier() {
        Features[] f = new Features[12];
        for (int i = 0; i < 10; i++) f[i] = named("s" + i, new String[] {"Arnel", "Claire", "Hugo", "Lorna", "Joel", "Manon",
            "Yves", "Rowena", "Didier", "Camille"}[i], new String[] {"Aquino", "Durand", "Petit", "Reyes", "Ramos", "Robert",
            "Garcia", "Torres", "Martin", "Dubois"}[i], "contact@agence.example");
        f[10] = named("p1", "Analyn", "Bautista", "analyn@mail.example");
        f[11] = named("p2", "ANALYN", "BAUTISTA", "analyn@mail.example");
        Blocking.candidates(f, 100, null);
        assertThat(f[0].personsCarrying(Comparison.EMAIL)).isEqualTo(10);
        assertThat(f[9].personsCarrying(Comparison.EMAIL)).isEqualTo(10);
        assertThat(f[10].personsCarrying(Comparison.EMAIL)).isEqualTo(1);
        assertThat(f[10].personsCarrying(Comparison.PHONE)).isEqualTo(1);
    }

    /**
     * Records 0 and 1 (one entity, 0) are paid by entity 2; record 3 and record 5 by entity 4; entities 2 and 4 also
     * both deal with entity 8 (through records 6 and 7).
     */
    @Test
    void counterpartyLevelsSameSharingAnotherAndDifferent() {
        //            record: 0  1  2  3  4  5  6  7  8
        int[] entity =       {0, 0, 2, 3, 4, 5, 2, 4, 8};
        int[] counterparty = {2, 2, 0, 4, 3, 4, 8, 8, -1};
        Counterparties c = new Counterparties(counterparty, entity);
        assertThat(c.level(0, 1)).as("both paid by entity 2").isEqualTo(1);
        // records 0 (counterpart 2) and 3 (counterpart 4): entities 2 and 4 both deal with entity 8 (records 6, 7)
        assertThat(c.level(0, 3)).as("2 and 4 share entity 8").isEqualTo(2);
        // records 3 and 5 both have counterpart 4: same
        assertThat(c.level(3, 5)).isEqualTo(1);
        // records 2 (counterpart 0) and 4 (counterpart 3): entity 0 deals with {2}, entity 3 with {4}: nothing shared
        assertThat(c.level(2, 4)).isEqualTo(3);
        assertThat(c.level(0, 8)).as("record 8 has no counterpart").isEqualTo(Comparison.MISSING);
    }

    @Test
    void theRecordsOwnEntitiesDoNotCountAsASharedCounterparty() {
        // records 0 and 1 (entities 0 and 1) paid by 2 and 3; entities 2 and 3 deal only with 0 and 1 themselves
        int[] entity = {0, 1, 2, 3, 2, 3};
        int[] counterparty = {2, 3, 0, 1, 1, 0};
        Counterparties c = new Counterparties(counterparty, entity);
        assertThat(c.level(0, 1)).isEqualTo(3);
    }
}
