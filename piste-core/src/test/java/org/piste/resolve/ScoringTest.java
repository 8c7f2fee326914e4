package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A link's weight against the Fellegi-Sunter arithmetic done by hand with the default model's tables. */
class ScoringTest {
    /** 1,000 surnames of which 20 "reyes"; 1,000 given names of which 100 "maria". */
    private static final Map<String, Integer> SURNAMES = Map.of("reyes", 20, "santos", 980);
    private static final Map<String, Integer> GIVEN = Map.of("maria", 100, "ana", 900);

    private static Features record(String id, String given, String surname, String dob, String phone, String city) {
        return new Features(new PersonRecord(id, given, "", surname, "", Optional.of(LocalDate.parse(dob)), "", phone, "",
                "", "", city, ""));
    }

    @Test
    void aLinksWeightIsThePriorsLogOddsPlusEachFieldsLogLikelihoodRatioWithTermFrequencyOnNames() {
        MatchModel model = DefaultModel.forRecords(1000); // prior 1/1000
        Scoring scoring = new Scoring(model, SURNAMES, GIVEN);
        Features a = record("a", "Maria", "Reyes", "1980-02-03", "+639171234567", "Manila");
        Features b = record("b", "MARIA", "REYES", "1980-02-03", "+639171234567", "Cebu");
        long pattern = Comparison.pattern(a, b);

        // prior: log2(0.001 / 0.999) = -9.964341
        // given names exact, term frequency: log2(m 0.80 / share 100/1000) = log2(8) = 3
        // surname exact, term frequency: log2(0.85 / (20/1000)) = log2(42.5) = 5.409391
        // date of birth exact: log2(0.90 / 0.0001) = log2(9000) = 13.135709
        // phone exact: log2(0.80 / 0.0001) = log2(8000) = 12.965784
        // city different: log2(0.10 / 0.93) = -3.217231
        double expected = -9.964341 + 3 + 5.409391 + 13.135709 + 12.965784 - 3.217231;
        assertThat(scoring.weight(a, b, pattern)).isCloseTo(expected, within(1e-5));

        List<Evidence> evidence = scoring.evidence(a, b, pattern);
        assertThat(evidence.stream().mapToDouble(Evidence::weight).sum()).isCloseTo(expected, within(1e-5));
        assertThat(evidence.get(0).weight()).isCloseTo(-9.964341, within(1e-6));
        assertThat(byField(evidence, "given names").weight()).isCloseTo(3, within(1e-9));
        assertThat(byField(evidence, "surname").weight()).isCloseTo(5.409391, within(1e-6));
        assertThat(byField(evidence, "city").weight()).isCloseTo(-3.217231, within(1e-6));
        assertThat(byField(evidence, "e-mail").weight()).isZero();
    }

    /** A value's commonness is taken as any name part: a surname read as a given name is not a rare given name. */
    @Test
    void aNameCommonAsSurnameIsCommonAsGivenNameToo() {
        Scoring scoring = new Scoring(DefaultModel.forRecords(1000), SURNAMES, GIVEN);
        Features a = record("a", "Santos", "", "1980-02-03", "", "");
        Features b = record("b", "Santos", "", "1980-02-03", "", "");
        // share of "santos" = max(980/1000 as surname, 0 as given name) = 0.98: log2(0.80 / 0.98) = -0.292782
        assertThat(byField(scoring.evidence(a, b, Comparison.pattern(a, b)), "given names").weight())
                .isCloseTo(-0.292782, within(1e-6));
    }

    /** A name no record carries weighs as if one record in the largest count carried it (1/1000 here). */
    @Test
    void anUnseenNameIsFlooredAtOneRecord() {
        Scoring scoring = new Scoring(DefaultModel.forRecords(1000), SURNAMES, GIVEN);
        Features a = record("a", "Zenaida", "Reyes", "1980-02-03", "", "");
        Features b = record("b", "Zenaida", "Reyes", "1980-02-03", "", "");
        // log2(0.80 / (1/1000)) = log2(800) = 9.643856
        assertThat(byField(scoring.evidence(a, b, Comparison.pattern(a, b)), "given names").weight())
                .isCloseTo(9.643856, within(1e-6));
    }

    /** The floor is one record in the larger of the two name counts: 1,000 surnames here, 200 given names. */
    @Test
    void theFloorOfAnUnseenNameIsOneRecordOfTheLargerCount() {
        Scoring scoring = new Scoring(DefaultModel.forRecords(1000), SURNAMES, Map.of("ana", 200));
        Features a = record("a", "Zenaida", "Reyes", "1980-02-03", "", "");
        Features b = record("b", "Zenaida", "Reyes", "1980-02-03", "", "");
        // log2(0.80 / (1/1000)) = 9.643856, not log2(0.80 / (1/200)) = 7.321928
        assertThat(byField(scoring.evidence(a, b, Comparison.pattern(a, b)), "given names").weight())
                .isCloseTo(9.643856, within(1e-6));
        // Without any name counted, every name is as common as can be: log2(0.80 / 1) = -0.321928, log2(0.85) = -0.234465
        Scoring none = new Scoring(DefaultModel.forRecords(1000), Map.of(), Map.of());
        List<Evidence> e = none.evidence(a, b, Comparison.pattern(a, b));
        assertThat(byField(e, "given names").weight()).isCloseTo(-0.321928, within(1e-6));
        assertThat(byField(e, "surname").weight()).isCloseTo(-0.234465, within(1e-6));
    }

    /** Only an exact identifier is shared by persons; a near one (a digit off) weighs what the model says. */
    @Test
    void anExactIdentifierLosesTheLogOfItsPersonsAndOnlyAnExactOne() {
        Scoring scoring = new Scoring(DefaultModel.forRecords(1000), Map.of(), Map.of());
        Features a = full("a", "P1234567", "+639171234567", "12 rizal st"), b = full("b", "P1234567", "+639171234567", "12 rizal st");
        a.personsCarrying(Comparison.ID_NUMBER, 2);
        a.personsCarrying(Comparison.PHONE, 4);
        a.personsCarrying(Comparison.ADDRESS, 8);
        List<Evidence> e = scoring.evidence(a, b, Comparison.pattern(a, b));
        assertThat(byField(e, "ID number").weight()).as("log2(0.80 / 0.00001) - log2(2)").isCloseTo(16.287712 - 1, within(1e-6));
        assertThat(byField(e, "phone").weight()).as("log2(0.80 / 0.0001) - log2(4)").isCloseTo(12.965784 - 2, within(1e-6));
        assertThat(byField(e, "address").weight()).as("log2(0.70 / 0.001) - log2(8)").isCloseTo(9.451211 - 3, within(1e-6));
        assertThat(byField(e, "ID number").level()).isEqualTo("exact, shared with other persons");

        Features c = full("c", "P1234568", "+639171234568", "");
        c.personsCarrying(Comparison.ID_NUMBER, 2);
        c.personsCarrying(Comparison.PHONE, 4);
        List<Evidence> near = scoring.evidence(c, a, Comparison.pattern(c, a));
        assertThat(byField(near, "phone").weight()).as("one digit off: log2(0.03 / 0.0005)").isCloseTo(5.906891, within(1e-6));
        assertThat(byField(near, "ID number").level()).isEqualTo("one character off");
    }

    /**
     * What may outweigh a contradiction is the weight less the agency's and the counterparty's part, whatever their
     * sign; nothing at all when the ID numbers differ.
     */
    @Test
    void theOverridingWeightLeavesTheContextOutAndIsNothingWhenIdNumbersDiffer() {
        Scoring scoring = new Scoring(DefaultModel.forRecords(1000), Map.of(), Map.of());
        Features a = inAgency("a", "P1234567", "MNL-0012"), b = inAgency("b", "P1234567", "MNL-0012");
        long same = Comparison.withLevel(Comparison.pattern(a, b), Comparison.COUNTERPARTY, 1);
        // agency exact: log2(0.5 / 0.01) = 5.643856; counterparty same entity: log2(0.3 / 0.001) = 8.228819
        assertThat(scoring.overridingWeight(a, same, 30)).isCloseTo(30 - 5.643856 - 8.228819, within(1e-6));
        Features c = inAgency("c", "P1234568", "MNL-0040");
        long apart = Comparison.withLevel(Comparison.pattern(a, c), Comparison.COUNTERPARTY, 3);
        // agency different: log2(0.5 / 0.99) = -0.985500; counterparty different: log2(0.6 / 0.989) = -0.721008
        assertThat(scoring.overridingWeight(a, apart, 30)).as("ID numbers one character off")
                .isCloseTo(30 + 0.985500 + 0.721008, within(1e-6));
        Features d = inAgency("d", "X9999999", "MNL-0012");
        assertThat(scoring.overridingWeight(a, Comparison.pattern(a, d), 30)).isEqualTo(Double.NEGATIVE_INFINITY);
        Features noId = inAgency("e", "", "MNL-0012");
        assertThat(scoring.overridingWeight(a, Comparison.pattern(a, noId), 30)).isCloseTo(30 - 5.643856, within(1e-6));
    }

    private static Features full(String id, String idNumber, String phone, String address) {
        return new Features(new PersonRecord(id, "", "", "", "", Optional.empty(), idNumber, phone, "", address, "", "", ""));
    }

    private static Features inAgency(String id, String idNumber, String agency) {
        return new Features(new PersonRecord(id, "", "", "", "", Optional.empty(), idNumber, "", "", "", "", "", "", agency, ""));
    }

    private static Evidence byField(List<Evidence> evidence, String field) {
        return evidence.stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow();
    }
}
