package org.piste.resolve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quality of a clustering against the truth, for evaluation (benchmarks, quality floors in tests). Pairwise: a pair
 * of records is predicted when both are in one entity, true when both are in one true cluster. B-cubed: per record, the share of its predicted entity that
 * is truly its cluster (precision) and the share of its true cluster that it was put with (recall), averaged.
 * Blocking: pair completeness is the share of true pairs among the candidate pairs; reduction ratio is one
 * minus candidates over all possible pairs.
 */
public record ClusterMetrics(long records, long truePairs, long predictedPairs, long truePositives, double precision,
        double recall, double f1, double bcubedPrecision, double bcubedRecall, double bcubedF, long candidatePairs,
        long trueCandidatePairs, double pairCompleteness, double reductionRatio) {

    /**
     * @param truth      true cluster of each record, by position
     * @param predicted  predicted entity of each record, by position
     * @param candidates candidate pairs, positions packed {@code i << 32 | j}
     */
    public static ClusterMetrics of(List<String> truth, List<String> predicted, long[] candidates) {
        int n = truth.size();
        Map<String, Long> trueSizes = new HashMap<>(), predSizes = new HashMap<>(), cells = new HashMap<>();
        for (int i = 0; i < n; i++) {
            trueSizes.merge(truth.get(i), 1L, Long::sum);
            predSizes.merge(predicted.get(i), 1L, Long::sum);
            cells.merge(predicted.get(i) + '\u0000' + truth.get(i), 1L, Long::sum);
        }
        long truePairs = trueSizes.values().stream().mapToLong(ClusterMetrics::pairs).sum();
        long predPairs = predSizes.values().stream().mapToLong(ClusterMetrics::pairs).sum();
        long tp = cells.values().stream().mapToLong(ClusterMetrics::pairs).sum();
        double bp = 0, br = 0;
        for (int i = 0; i < n; i++) {
            double cell = cells.get(predicted.get(i) + '\u0000' + truth.get(i));
            bp += cell / predSizes.get(predicted.get(i));
            br += cell / trueSizes.get(truth.get(i));
        }
        bp /= n;
        br /= n;
        long trueCandidates = 0;
        for (long pair : candidates) if (truth.get((int) (pair >>> 32)).equals(truth.get((int) pair))) trueCandidates++;
        double possible = n * (n - 1.0) / 2;
        double p = ratio(tp, predPairs), r = ratio(tp, truePairs);
        return new ClusterMetrics(n, truePairs, predPairs, tp, p, r, harmonic(p, r), bp, br, harmonic(bp, br),
                candidates.length, trueCandidates, ratio(trueCandidates, truePairs), 1 - candidates.length / possible);
    }

    private static long pairs(long size) {
        return size * (size - 1) / 2;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 1 : (double) a / b;
    }

    private static double harmonic(double a, double b) {
        return a + b == 0 ? 0 : 2 * a * b / (a + b);
    }
}
