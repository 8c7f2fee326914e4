package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A model as stored, rebuilt and printed; the resolver's settings. */
class MatchModelTest {
    private static final MatchModel DEFAULT = DefaultModel.forRecords(1000); // prior 1/1000

    private static String[] words(String line) {
        return line.trim().split("\\s+");
    }

    @Test
    void describePrintsThePriorThenEachFieldsLevelsThenTheWarnings() {
        String[] lines = new MatchModel(DEFAULT.mTable(), DEFAULT.uTable(), 0.001, List.of("city: a note")).describe().split("\n");
        // 2 lines, then one per level: 5 + 5 + 3 + 7 + 3 + 3 + 3 + 3 + 3 + 3 + 2 + 3 = 43, then the warning
        assertThat(lines).hasSize(46);
        // log2(0.001 / 0.999) = -9.96
        assertThat(lines[0]).isEqualTo("prior (share of all pairs that are one person): 0.00100, weight -10.0");
        assertThat(words(lines[1])).containsExactly("field", "level", "m", "u", "weight");
        // log2(0.80 / 0.01) = 6.32; log2(0.08 / 0.01) = 3
        assertThat(words(lines[2])).containsExactly("given", "names", "exact", "0.8000", "0.010000", "+6.32");
        assertThat(lines[3]).as("the field named on its first level only").startsWith(" ".repeat(15) + "nickname or first name");
        assertThat(words(lines[3])).endsWith("0.0800", "0.010000", "+3.00");
        // agency after 38 levels of the fields before it: log2(0.5 / 0.01) = 5.64, log2(0.5 / 0.99) = -0.99
        assertThat(words(lines[40])).containsExactly("agency", "exact", "0.5000", "0.010000", "+5.64");
        assertThat(words(lines[41])).containsExactly("different", "0.5000", "0.990000", "-0.99");
        assertThat(words(lines[44])).containsExactly("different", "0.6000", "0.989000", "-0.72");
        assertThat(lines[45]).isEqualTo("warning: city: a note");
        assertThat(DEFAULT.describe()).doesNotContain("warning");
    }

    @Test
    void aStoredModelIsRebuiltOnlyWithEveryFieldAndLevelAndAPriorBetweenZeroAndOne() {
        double[][] m = DEFAULT.mTable(), u = DEFAULT.uTable();
        MatchModel rebuilt = MatchModel.of(m, u, 0.25);
        m[0][1] = 0.5; // the model keeps its own copy
        assertThat(rebuilt.m("GIVEN", 1)).isEqualTo(0.80);
        rebuilt.mTable()[0][1] = 0.5;
        rebuilt.uTable()[0][1] = 0.5;
        assertThat(rebuilt.m("GIVEN", 1)).isEqualTo(0.80);
        assertThat(rebuilt.u("GIVEN", 1)).isEqualTo(0.01);
        assertThat(rebuilt.prior()).isEqualTo(0.25);
        assertThat(rebuilt.warnings()).isEmpty();

        double[][] fewer = java.util.Arrays.copyOf(DEFAULT.mTable(), Comparison.ALL.length - 1);
        assertThatThrownBy(() -> MatchModel.of(fewer, DEFAULT.uTable(), 0.25)).hasMessage("a model has 12 fields");
        assertThatThrownBy(() -> MatchModel.of(DEFAULT.mTable(), fewer, 0.25)).hasMessage("a model has 12 fields");
        double[][] shortU = DEFAULT.uTable();
        shortU[Comparison.AGENCY.ordinal()] = new double[] {0, 1};
        assertThatThrownBy(() -> MatchModel.of(DEFAULT.mTable(), shortU, 0.25)).hasMessage("AGENCY has 3 levels");
        double[][] shortM = DEFAULT.mTable();
        shortM[Comparison.GIVEN.ordinal()] = new double[] {0, 1};
        assertThatThrownBy(() -> MatchModel.of(shortM, DEFAULT.uTable(), 0.25)).hasMessage("GIVEN has 6 levels");
        for (double prior : new double[] {0, 1, Double.NaN, -0.5}) {
            assertThatThrownBy(() -> MatchModel.of(DEFAULT.mTable(), DEFAULT.uTable(), prior)).hasMessage("prior must be in (0, 1)");
        }
    }

    @Test
    void fieldsAndLevelsAreNamedInTableOrder() {
        assertThat(MatchModel.fields()).hasSize(12).startsWith("GIVEN", "SURNAME").endsWith("AGENCY", "COUNTERPARTY");
        assertThat(MatchModel.levels("AGENCY")).containsExactly("missing", "exact", "different");
    }

    @Test
    void weightsAreLogTwoOfTheLikelihoodRatioAndProbabilitiesTheirLogistic() {
        assertThat(DEFAULT.weight(Comparison.GIVEN, Comparison.MISSING)).isZero();
        assertThat(DEFAULT.weight(Comparison.GIVEN, 2)).isCloseTo(3, within(1e-12)); // log2(0.08 / 0.01)
        assertThat(DEFAULT.priorWeight()).isCloseTo(-9.964341, within(1e-6));
        assertThat(MatchModel.probability(0)).isEqualTo(0.5);
        assertThat(MatchModel.probability(10)).isCloseTo(1024 / 1025.0, within(1e-12));
        assertThat(MatchModel.probability(-1)).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void theModelPrintsItsTablesRoundedToFourDecimals() {
        assertThat(DEFAULT.toString()).startsWith("prior 0.001\nGIVEN m=[0.0, 0.8, 0.08, 0.07, 0.03, 0.02] u=[0.0, 0.01, 0.01, 0.02, 0.1, 0.86]")
                .contains("\nID_NUMBER m=[0.0, 0.8, 0.05, 0.15] u=[0.0, 0.0, 1.0E-4, 0.9999]\n");
    }

    @Test
    void settingsRefuseAThresholdThatIsNoProbabilityAndABlockCapUnderTwo() {
        for (double p : new double[] {0, 1, Double.NaN}) {
            assertThatThrownBy(() -> new Resolver.Settings(p, 100, 1)).hasMessage("the threshold is a probability in (0, 1)");
        }
        assertThatThrownBy(() -> new Resolver.Settings(0.9, 1, 1)).hasMessage("the block cap is at least 2");
        assertThat(new Resolver.Settings(0.9, 2, 1).blockCap()).isEqualTo(2);
        assertThat(Resolver.Settings.defaults()).isEqualTo(new Resolver.Settings(0.9, 100, 1));
        assertThat(Resolver.Settings.defaults().withThreshold(0.5)).isEqualTo(new Resolver.Settings(0.5, 100, 1));
    }
}
