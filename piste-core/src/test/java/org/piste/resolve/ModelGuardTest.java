package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The checks a learned model must pass, on hand-made tables. */
class ModelGuardTest {

    @Test
    void aPartialAgreementWeighingMoreThanACloserOneIsPooledWithIt() {
        double[] m = {0, 0.5, 0.3, 0.2}, u = {0, 0.1, 0.05, 0.85};
        // ratios 5, 6, 0.235: level 2 beats level 1, so both take (0.5 + 0.3) / (0.1 + 0.05) = 5.3333, times their own u
        ModelGuard.monotone(m, u);
        assertThat(m[1]).isCloseTo(0.533333, within(1e-6));
        assertThat(m[2]).isCloseTo(0.266667, within(1e-6));
        assertThat(m[3]).isCloseTo(0.2, within(1e-12));
        assertThat(m[1] + m[2] + m[3]).isCloseTo(1, within(1e-12));
    }

    @Test
    void aViolationFurtherDownIsPooledBackwardsAcrossSeveralLevels() {
        double[] m = {0, 0.4, 0.1, 0.1, 0.4}, u = {0, 0.2, 0.1, 0.05, 0.65};
        // ratios 2, 1, 2, 0.615: level 3 beats level 2 -> pool (0.2 / 0.15 = 1.333), still below level 1's 2: done
        ModelGuard.monotone(m, u);
        assertThat(m[1]).isCloseTo(0.4, within(1e-12));
        assertThat(m[2]).isCloseTo(0.133333, within(1e-6));
        assertThat(m[3]).isCloseTo(0.066667, within(1e-6));
        assertThat(m[4]).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void aFieldWhoseAgreementCountsAgainstAMatchFallsBackToTheDefaultWithAWarning() {
        double[][] m = ModelLearner.zeros(), u = ModelLearner.zeros();
        fillPlausible(m, u);
        int agency = Comparison.AGENCY.ordinal();
        m[agency] = new double[] {0, 0.001, 0.999};
        u[agency] = new double[] {0, 0.01, 0.99};
        ModelGuard.Guarded g = ModelGuard.check(m, u, allPresent());
        assertThat(g.m()[agency]).containsExactly(DefaultModel.m()[agency]);
        assertThat(g.warnings()).singleElement().asString().contains("agency").contains("agreement counts against one person");
    }

    /** What EM learned on a list of relatives: "same person" meant "date of birth differs" (P = 0.97). */
    @Test
    void datesOfBirthThatDifferForMostOfOnePersonsPairsAreImplausible() {
        double[][] m = ModelLearner.zeros(), u = ModelLearner.zeros();
        fillPlausible(m, u);
        int dob = Comparison.BIRTH_DATE.ordinal();
        m[dob] = new double[] {0, 0.02, 0.002, 0.002, 0.002, 0.002, 0.002, 0.97};
        u[dob] = new double[] {0, 0.0001, 0.0001, 0.0002, 0.004, 0.0034, 0.04, 0.9522};
        ModelGuard.Guarded g = ModelGuard.check(m, u, allPresent());
        assertThat(g.m()[dob]).containsExactly(DefaultModel.m()[dob]); // 9000, 100, 50, 7.5, 2.9, 0.25, 0.03: monotone
        assertThat(g.warnings()).singleElement().asString().contains("date of birth").contains("m(different) = 0.970")
                .contains("disagreement counts for one person").contains("the default m is used");
    }

    /** Even where strangers disagree more often still, one person disagreeing in most of his pairs is not plausible. */
    @Test
    void givenNamesDifferingForMoreThanHalfOfOnePersonsPairsAreImplausible() {
        double[][] m = ModelLearner.zeros(), u = ModelLearner.zeros();
        fillPlausible(m, u);
        int given = Comparison.GIVEN.ordinal();
        m[given] = new double[] {0, 0.3, 0.05, 0.05, 0.05, 0.55};
        u[given] = new double[] {0, 0.01, 0.01, 0.02, 0.10, 0.86};
        ModelGuard.Guarded g = ModelGuard.check(m, u, allPresent());
        assertThat(g.m()[given]).containsExactly(DefaultModel.m()[given]);
        assertThat(g.warnings()).singleElement().asString().contains("given names")
                .contains("one person would disagree outright in most of his pairs");
    }

    @Test
    void aFieldNoPairComparedIsLeftAloneWithoutWarning() {
        double[][] m = ModelLearner.zeros(), u = ModelLearner.zeros();
        fillPlausible(m, u);
        int phone = Comparison.PHONE.ordinal();
        u[phone] = new double[] {0, 1 / 3.0, 1 / 3.0, 1 / 3.0}; // nothing counted: uniform
        boolean[] present = allPresent();
        present[phone] = false;
        assertThat(ModelGuard.check(m, u, present).warnings()).isEmpty();
    }

    /** Ties fail: agreement as likely for strangers, disagreement as likely for one person, half his pairs disagreeing. */
    @Test
    void theChecksFailOnTies() {
        double[][] m = ModelLearner.zeros(), u = ModelLearner.zeros();
        fillPlausible(m, u);
        int agency = Comparison.AGENCY.ordinal(), city = Comparison.CITY.ordinal(), given = Comparison.GIVEN.ordinal();
        m[agency] = new double[] {0, 0.01, 0.99};
        u[agency] = new double[] {0, 0.01, 0.99};
        m[city] = new double[] {0, 0.8, 0.1, 0.1};
        u[city] = new double[] {0, 0.05, 0.85, 0.1};
        m[given] = new double[] {0, 0.3, 0.1, 0.05, 0.05, 0.5};
        u[given] = new double[] {0, 0.01, 0.01, 0.02, 0.10, 0.86};
        ModelGuard.Guarded g = ModelGuard.check(m, u, allPresent());
        assertThat(g.warnings()).hasSize(3);
        assertThat(g.warnings().get(0)).startsWith("given names: learned m(exact) = 0.300, m(different) = 0.500 against u 0.0100, 0.8600")
                .endsWith("one person would disagree outright in most of his pairs; the default m is used");
        assertThat(g.warnings().get(1)).startsWith("city:").contains("disagreement counts for one person");
        assertThat(g.warnings().get(2)).startsWith("agency:").contains("agreement counts against one person");
    }

    /** A plausible field is still made monotone: "similar" city (ratio 15) weighing more than exact (8) is pooled. */
    @Test
    void aPlausibleFieldIsMadeMonotone() {
        double[][] m = ModelLearner.zeros(), u = ModelLearner.zeros();
        fillPlausible(m, u);
        int city = Comparison.CITY.ordinal();
        m[city] = new double[] {0, 0.8, 0.15, 0.05};
        u[city] = new double[] {0, 0.1, 0.01, 0.89};
        ModelGuard.Guarded g = ModelGuard.check(m, u, allPresent());
        // pooled ratio (0.8 + 0.15) / (0.1 + 0.01) = 8.636364, times each level's u
        assertThat(g.m()[city]).containsExactly(new double[] {0, 0.863636, 0.086364, 0.05}, within(1e-6));
        assertThat(g.warnings()).isEmpty();
        assertThat(m[city][1]).as("the learned table is left as it was").isEqualTo(0.8);
    }

    @Test
    void ratiosRisingAllTheWayDownArePooledIntoOne() {
        double[] m = {0, 0.2, 0.3, 0.5}, u = {0, 0.5, 0.3, 0.2};
        // ratios 0.4, 1, 2.5: one block, ratio 1 / 1 = 1, so m becomes u (every level weighs nothing)
        ModelGuard.monotone(m, u);
        assertThat(m).containsExactly(new double[] {0, 0.5, 0.3, 0.2}, within(1e-12));
    }

    /** A plausible model: the default's m against u ten times smaller at every agreement level. */
    private static void fillPlausible(double[][] m, double[][] u) {
        double[][] d = DefaultModel.m();
        for (Comparison c : Comparison.ALL) {
            int f = c.ordinal();
            m[f] = d[f].clone();
            double rest = 0;
            for (int l = 1; l < c.different(); l++) {
                u[f][l] = m[f][l] / 10;
                rest += u[f][l];
            }
            u[f][c.different()] = 1 - rest;
        }
    }

    private static boolean[] allPresent() {
        boolean[] p = new boolean[Comparison.ALL.length];
        Arrays.fill(p, true);
        return p;
    }
}
