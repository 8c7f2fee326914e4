package org.piste.resolve;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongPredicate;

/**
 * Learns a {@link MatchModel} without labels, guarded against learning the wrong thing.
 *
 * <p>u comes from random pairs of records (almost all different persons). m comes from expectation-maximisation over
 * the candidate pairs' agreement patterns, but a field's m is never learned from pairs chosen for agreeing on it, and
 * never from a mixture free to call any coherent group of pairs "the matches": as Splink does, each field's m is
 * estimated in sessions of candidate pairs that agree on other fields (pairs with the same names teach what dates of
 * birth and identifiers do for one person; pairs with the same date of birth or the same identifier teach the names),
 * each session's mixture starts from, and is pulled towards, the default model's m (a prior worth {@link #PRIOR_PAIRS}
 * pairs). Where many relatives share a surname and an address, an unconstrained mixture takes "same surname, different
 * given name, different date of birth" for the pattern of one person; pairs with the same names or the same date of
 * birth hold few relatives. {@link ModelGuard} then keeps weights monotone and falls back, with a warning, on a field
 * whose learned m is implausible. The prior is the share of all pairs that match (matches among the candidates, found
 * with the final m, over all possible pairs), so that weights read as evidence against a random pairing.
 */
final class ModelLearner {
    private static final int U_SAMPLE = 200_000;
    private static final int ITERATIONS = 40;
    private static final double SMOOTHING = 0.5;
    /** Weight of the default model's m in every session, in pairs: enough to hold a session of a few pairs, not more. */
    static final double PRIOR_PAIRS = 10;
    /** A field's m learned from fewer expected matching pairs than this is not trusted: the default is kept. */
    static final double MIN_MATCHES = 30;

    /** Below this, there is too little to learn from: the default model is used. */
    static final int MIN_RECORDS = 500;

    private ModelLearner() {}

    /** Candidate pairs agreeing on some fields, which the session therefore does not learn. */
    private record Session(String name, Set<Comparison> fixed, LongPredicate selects) {}

    private static final List<Session> SESSIONS = List.of(
            new Session("same names", EnumSet.of(Comparison.GIVEN, Comparison.SURNAME),
                    p -> level(p, Comparison.GIVEN) == 1 && level(p, Comparison.SURNAME) <= 2),
            new Session("same date of birth", EnumSet.of(Comparison.BIRTH_DATE), p -> level(p, Comparison.BIRTH_DATE) == 1),
            new Session("same identifier", EnumSet.of(Comparison.ID_NUMBER, Comparison.PHONE, Comparison.EMAIL),
                    p -> level(p, Comparison.ID_NUMBER) == 1 || level(p, Comparison.PHONE) == 1 || level(p, Comparison.EMAIL) == 1));

    private static int level(long pattern, Comparison c) {
        return Comparison.level(pattern, c);
    }

    /** The counterparty level of two records by position, for random pairs (null: no counterparties known). */
    interface CounterpartyLevel {
        int of(int a, int b);
    }

    static MatchModel learnOrDefault(Features[] records, Map<Long, Long> candidatePatterns, long seed,
            CounterpartyLevel counterparty) {
        if (records.length < MIN_RECORDS) return DefaultModel.forRecords(records.length);
        return learn(records, candidatePatterns, seed, counterparty);
    }

    static MatchModel learn(Features[] records, Map<Long, Long> candidatePatterns, long seed, CounterpartyLevel counterparty) {
        double[][] u = estimateU(records, seed, counterparty);
        double[][] sum = zeros();
        double[] matched = new double[Comparison.ALL.length];
        for (Session s : SESSIONS) {
            Map<Long, Long> selected = new HashMap<>();
            candidatePatterns.forEach((p, n) -> {
                if (s.selects().test(p)) selected.put(p, n);
            });
            if (selected.isEmpty()) continue;
            Mixture fit = Mixture.fit(selected, s.fixed(), DefaultModel.m(), null);
            for (Comparison c : Comparison.ALL) {
                if (s.fixed().contains(c)) continue;
                for (int l = 1; l < c.levelCount(); l++) {
                    sum[c.ordinal()][l] += fit.matchesWith()[c.ordinal()] * fit.m()[c.ordinal()][l];
                }
                matched[c.ordinal()] += fit.matchesWith()[c.ordinal()];
            }
        }
        double[][] m = DefaultModel.m();
        List<String> notes = new ArrayList<>();
        for (Comparison c : Comparison.ALL) {
            double w = matched[c.ordinal()];
            if (w >= MIN_MATCHES) {
                for (int l = 1; l < c.levelCount(); l++) m[c.ordinal()][l] = sum[c.ordinal()][l] / w;
            } else if (w > 0) {
                notes.add(String.format(java.util.Locale.ROOT, "%s: only %.0f matching pairs to learn from; default m kept",
                        c.label, w));
            }
        }
        boolean[] present = new boolean[Comparison.ALL.length];
        for (long p : candidatePatterns.keySet()) {
            for (Comparison c : Comparison.ALL) present[c.ordinal()] |= level(p, c) != Comparison.MISSING;
        }
        ModelGuard.Guarded guarded = ModelGuard.check(m, u, present);
        notes.addAll(guarded.warnings());
        // The matches among the candidates, with m as learned: the prior over all pairs.
        Mixture all = Mixture.fit(candidatePatterns, Set.of(), guarded.m(), guarded.m());
        double n = records.length;
        double allPairs = Math.max(1, n * (n - 1) / 2);
        double candidates = candidatePatterns.values().stream().mapToLong(Long::longValue).sum();
        double prior = Math.min(0.5, Math.max(1e-12, all.matchShare() * candidates / allPairs));
        if (all.matchShare() > 0.95) {
            notes.add(String.format(java.util.Locale.ROOT, "%.0f%% of the candidate pairs look like one person: blocking "
                    + "kept almost only duplicates, or the data has few distinct persons", 100 * all.matchShare()));
        }
        return new MatchModel(guarded.m(), u, prior, notes);
    }

    /**
     * A two-class mixture fitted by EM on counted patterns: m per field and level (fixed fields ignored), the share of
     * matches, and per field the expected number of matching pairs where it is present.
     */
    private record Mixture(double[][] m, double[] matchesWith, double matchShare) {

        /**
         * @param start  m to start from and to pull towards (with {@link #PRIOR_PAIRS})
         * @param frozen when not null, m is held at these values (only u and the share are fitted)
         */
        static Mixture fit(Map<Long, Long> patterns, Set<Comparison> fixed, double[][] start, double[][] frozen) {
            double[][] m = frozen != null ? frozen : copy(start);
            double[][] u = levelShares(patterns);
            double share = 0.5;
            double[] with = new double[Comparison.ALL.length];
            for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                double[][] mCounts = zeros(), uCounts = zeros();
                java.util.Arrays.fill(with, 0);
                double matches = 0, total = 0;
                for (Map.Entry<Long, Long> e : patterns.entrySet()) {
                    long pattern = e.getKey();
                    double count = e.getValue();
                    double lm = Math.log(share), lu = Math.log(1 - share);
                    for (Comparison c : Comparison.ALL) {
                        int level = level(pattern, c);
                        if (level == Comparison.MISSING || fixed.contains(c)) continue;
                        lm += Math.log(m[c.ordinal()][level]);
                        lu += Math.log(u[c.ordinal()][level]);
                    }
                    double p = 1 / (1 + Math.exp(lu - lm));
                    matches += p * count;
                    total += count;
                    for (Comparison c : Comparison.ALL) {
                        int level = level(pattern, c);
                        if (level == Comparison.MISSING || fixed.contains(c)) continue;
                        mCounts[c.ordinal()][level] += p * count;
                        uCounts[c.ordinal()][level] += (1 - p) * count;
                        with[c.ordinal()] += p * count;
                    }
                }
                if (frozen == null) m = towards(mCounts, start);
                u = normalise(uCounts);
                share = Math.min(0.999, Math.max(1e-6, matches / Math.max(1, total)));
            }
            return new Mixture(m, with, share);
        }
    }

    /** m from expected counts, each field pulled towards {@code prior} by {@link #PRIOR_PAIRS} pairs. */
    private static double[][] towards(double[][] counts, double[][] prior) {
        double[][] m = zeros();
        for (Comparison c : Comparison.ALL) {
            int f = c.ordinal();
            double total = 0;
            for (int l = 1; l < c.levelCount(); l++) total += counts[f][l];
            for (int l = 1; l < c.levelCount(); l++) m[f][l] = (counts[f][l] + PRIOR_PAIRS * prior[f][l]) / (total + PRIOR_PAIRS);
        }
        return m;
    }

    /** Level frequencies among the pairs: where the non-match class starts. */
    private static double[][] levelShares(Map<Long, Long> patterns) {
        double[][] counts = zeros();
        patterns.forEach((pattern, count) -> {
            for (Comparison c : Comparison.ALL) {
                int level = level(pattern, c);
                if (level != Comparison.MISSING) counts[c.ordinal()][level] += count;
            }
        });
        return normalise(counts);
    }

    private static double[][] estimateU(Features[] records, long seed, CounterpartyLevel counterparty) {
        double[][] counts = zeros();
        int n = records.length;
        if (n >= 2) {
            SplittableRandom random = new SplittableRandom(seed);
            long samples = Math.min(U_SAMPLE, (long) n * (n - 1) / 2);
            for (long s = 0; s < samples; s++) {
                int i = random.nextInt(n), j = random.nextInt(n - 1);
                if (j >= i) j++;
                long pattern = Comparison.pattern(records[i], records[j]);
                if (counterparty != null) pattern = Comparison.withLevel(pattern, Comparison.COUNTERPARTY, counterparty.of(i, j));
                for (Comparison c : Comparison.ALL) {
                    int level = level(pattern, c);
                    if (level != Comparison.MISSING) counts[c.ordinal()][level]++;
                }
            }
        }
        return normalise(counts);
    }

    static double[][] zeros() {
        double[][] x = new double[Comparison.ALL.length][];
        for (Comparison c : Comparison.ALL) x[c.ordinal()] = new double[c.levelCount()];
        return x;
    }

    private static double[][] copy(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = x[i].clone();
        return out;
    }

    /** Counts to probabilities over the non-missing levels, with add-half smoothing so no level is impossible. */
    static double[][] normalise(double[][] counts) {
        double[][] p = zeros();
        for (Comparison c : Comparison.ALL) {
            double sum = 0;
            for (int l = 1; l < c.levelCount(); l++) sum += counts[c.ordinal()][l] + SMOOTHING;
            for (int l = 1; l < c.levelCount(); l++) p[c.ordinal()][l] = (counts[c.ordinal()][l] + SMOOTHING) / sum;
        }
        return p;
    }

    /** Candidate patterns counted, their flags dropped (the model weighs levels). */
    static Map<Long, Long> patterns(long[] patterns) {
        Map<Long, Long> counts = new HashMap<>();
        for (long p : patterns) counts.merge(Comparison.levelsOnly(p), 1L, Long::sum);
        return counts;
    }
}
