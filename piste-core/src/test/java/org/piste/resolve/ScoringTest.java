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

    /** What may outweigh a contradiction: the weight less the agency's and the counterparty's, nothing if documents differ. */
    @Test
    void theOverridingWeightLeavesTheContextOutAndIsNothingWhenDocumentsDiffer() {
        Scoring scoring = new Scoring(DefaultModel.forRecords(1000), SURNAMES, GIVEN);
        Features a = new Features(new PersonRecord("a", "Maria", "", "Reyes", "", java.util.Optional.empty(), "P1234567A", "", "",
                "", "", "", "", "MNL-0012", "")), b = new Features(new PersonRecord("b", "Maria", "", "Reyes", "",
                java.util.Optional.empty(), "P1234567A", "", "", "", "", "", "", "MNL-0012", ""));
        long pattern = Comparison.withLevel(Comparison.pattern(a, b), Comparison.COUNTERPARTY, 1);
        double w = scoring.weight(a, b, pattern);
        // agency exact: log2(0.50 / 0.01) = 5.643856; counterparty same entity: log2(0.30 / 0.001) = 8.228819
        assertThat(scoring.overridingWeight(a, pattern, w)).isCloseTo(w - 5.643856 - 8.228819, within(1e-6));
        long otherDocument = Comparison.withLevel(pattern, Comparison.ID_NUMBER, Comparison.ID_NUMBER.different());
        assertThat(scoring.overridingWeight(a, otherDocument, 100)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    private static Evidence byField(List<Evidence> evidence, String field) {
        return evidence.stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow();
    }
}
