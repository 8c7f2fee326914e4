package org.piste.resolve;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Learns a {@link MatchModel} without labels. m comes from expectation-maximisation over the candidate pairs'
 * agreement patterns (a two-class mixture whose non-match class is the candidates' own, since blocking makes
 * strangers agree on their blocking key far more often than at random). u comes from random pairs of records,
 * almost all of which are different persons, and the prior is the share of all pairs that match (matches found
 * among the candidates over all possible pairs), so that weights read as evidence against a random pairing.
 */
final class ModelLearner {
    private static final int U_SAMPLE = 200_000;
    private static final int ITERATIONS = 40;
    private static final double SMOOTHING = 0.5;

    private ModelLearner() {}

    /** Below this, there is too little to learn from: the default model is used. */
    static final int MIN_RECORDS = 500;

    static MatchModel learnOrDefault(Features[] records, Map<Integer, Long> candidatePatterns, long seed) {
        if (records.length < MIN_RECORDS) return DefaultModel.forRecords(records.length);
        return learn(records, candidatePatterns, seed);
    }

    static MatchModel learn(Features[] records, Map<Integer, Long> candidatePatterns, long seed) {
        double[][] randomU = estimateU(records, seed);
        double[][] u = candidateU(candidatePatterns);
        double[][] m = initialM();
        double prior = 0.1;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[][] mCounts = zeros();
            double[][] uCounts = zeros();
            double matches = 0, total = 0;
            for (Map.Entry<Integer, Long> e : candidatePatterns.entrySet()) {
                int pattern = e.getKey();
                double count = e.getValue();
                double lm = Math.log(prior), lu = Math.log(1 - prior);
                for (Comparison c : Comparison.ALL) {
                    int level = Comparison.level(pattern, c);
                    if (level == Comparison.MISSING) continue;
                    lm += Math.log(m[c.ordinal()][level]);
                    lu += Math.log(u[c.ordinal()][level]);
                }
                double p = 1 / (1 + Math.exp(lu - lm));
                matches += p * count;
                total += count;
                for (Comparison c : Comparison.ALL) {
                    int level = Comparison.level(pattern, c);
                    if (level == Comparison.MISSING) continue;
                    mCounts[c.ordinal()][level] += p * count;
                    uCounts[c.ordinal()][level] += (1 - p) * count;
                }
            }
            m = normalise(mCounts);
            u = normalise(uCounts);
            prior = Math.min(0.999, Math.max(1e-6, matches / Math.max(1, total)));
        }
        double n = records.length;
        double allPairs = Math.max(1, n * (n - 1) / 2);
        double matchesFound = prior * candidatePatterns.values().stream().mapToLong(Long::longValue).sum();
        double priorOverAllPairs = Math.min(0.5, Math.max(1e-12, matchesFound / allPairs));
        return new MatchModel(m, randomU, priorOverAllPairs);
    }

    /** Level frequencies among the candidate pairs: the starting point of the candidates' non-match class. */
    private static double[][] candidateU(Map<Integer, Long> candidatePatterns) {
        double[][] counts = zeros();
        candidatePatterns.forEach((pattern, count) -> {
            for (Comparison c : Comparison.ALL) {
                int level = Comparison.level(pattern, c);
                if (level != Comparison.MISSING) counts[c.ordinal()][level] += count;
            }
        });
        return normalise(counts);
    }

    private static double[][] estimateU(Features[] records, long seed) {
        double[][] counts = zeros();
        int n = records.length;
        if (n >= 2) {
            SplittableRandom random = new SplittableRandom(seed);
            long samples = Math.min(U_SAMPLE, (long) n * (n - 1) / 2);
            for (long s = 0; s < samples; s++) {
                int i = random.nextInt(n), j = random.nextInt(n - 1);
                if (j >= i) j++;
                int pattern = Comparison.pattern(records[i], records[j]);
                for (Comparison c : Comparison.ALL) {
                    int level = Comparison.level(pattern, c);
                    if (level != Comparison.MISSING) counts[c.ordinal()][level]++;
                }
            }
        }
        return normalise(counts);
    }

    private static double[][] initialM() {
        double[][] m = zeros();
        for (Comparison c : Comparison.ALL) {
            int levels = c.levelCount();
            for (int l = 1; l < levels; l++) m[c.ordinal()][l] = l == 1 ? 0.8 : 0.2 / (levels - 2);
        }
        return m;
    }

    private static double[][] zeros() {
        double[][] x = new double[Comparison.ALL.length][];
        for (Comparison c : Comparison.ALL) x[c.ordinal()] = new double[c.levelCount()];
        return x;
    }

    /** Counts to probabilities over the non-missing levels, with add-half smoothing so no level is impossible. */
    private static double[][] normalise(double[][] counts) {
        double[][] p = zeros();
        for (Comparison c : Comparison.ALL) {
            double sum = 0;
            for (int l = 1; l < c.levelCount(); l++) sum += counts[c.ordinal()][l] + SMOOTHING;
            for (int l = 1; l < c.levelCount(); l++) p[c.ordinal()][l] = (counts[c.ordinal()][l] + SMOOTHING) / sum;
        }
        return p;
    }

    static Map<Integer, Long> patterns(int[] patterns) {
        Map<Integer, Long> counts = new HashMap<>();
        for (int p : patterns) counts.merge(Comparison.levelsOnly(p), 1L, Long::sum);
        return counts;
    }
}
