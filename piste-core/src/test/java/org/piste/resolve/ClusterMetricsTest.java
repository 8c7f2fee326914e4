package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Clustering quality against the truth, on five records computed by hand. */
class ClusterMetricsTest {

    /**
     * Truth A A B B C, predicted x x x y z: true pairs (0,1) and (2,3); predicted pairs (0,1), (0,2), (1,2); only (0,1)
     * both. B-cubed per record, precision / recall: 2/3 / 1, 2/3 / 1, 1/3 / 1/2, 1 / 1/2, 1 / 1.
     */
    @Test
    void pairwiseBcubedAndBlockingFiguresOnFiveRecords() {
        ClusterMetrics m = ClusterMetrics.of(List.of("A", "A", "B", "B", "C"), List.of("x", "x", "x", "y", "z"),
                new long[] {1L, 2L << 32 | 3, 4L});
        assertThat(m.records()).isEqualTo(5);
        assertThat(m.truePairs()).isEqualTo(2);
        assertThat(m.predictedPairs()).isEqualTo(3);
        assertThat(m.truePositives()).isEqualTo(1);
        assertThat(m.precision()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(m.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(m.f1()).isCloseTo(0.4, within(1e-12)); // 2 * 1/3 * 1/2 / (5/6)
        assertThat(m.bcubedPrecision()).isCloseTo(11 / 15.0, within(1e-12)); // (2/3 + 2/3 + 1/3 + 1 + 1) / 5
        assertThat(m.bcubedRecall()).isCloseTo(0.8, within(1e-12)); // (1 + 1 + 1/2 + 1/2 + 1) / 5
        assertThat(m.bcubedF()).isCloseTo(2 * (11 / 15.0) * 0.8 / (11 / 15.0 + 0.8), within(1e-12));
        // candidates (0,1) and (2,3) are true pairs, (0,4) is not: both true pairs found; 3 of 10 possible pairs
        assertThat(m.candidatePairs()).isEqualTo(3);
        assertThat(m.trueCandidatePairs()).isEqualTo(2);
        assertThat(m.pairCompleteness()).isEqualTo(1.0);
        assertThat(m.reductionRatio()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void withoutAnyPairTheRatiosAreOneAndTheHarmonicMeanOfZerosZero() {
        ClusterMetrics none = ClusterMetrics.of(List.of("A", "B"), List.of("x", "y"), new long[0]);
        assertThat(none.precision()).isEqualTo(1.0);
        assertThat(none.recall()).isEqualTo(1.0);
        assertThat(none.pairCompleteness()).isEqualTo(1.0);
        assertThat(none.f1()).as("harmonic mean of 1 and 1").isEqualTo(1.0);
        ClusterMetrics wrong = ClusterMetrics.of(List.of("A", "A", "B", "B"), List.of("x", "y", "x", "y"), new long[0]);
        assertThat(wrong.truePositives()).isZero();
        assertThat(wrong.f1()).isZero();
    }
}
