package org.piste.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a careful statistician checks in a learned model before trusting it. Agreement must count for a match and
 * outright disagreement against it (m above u at "exact", below u at "different"); for names and dates of birth, one
 * person disagrees outright in fewer than half of his pairs. A field that fails is given the default model's m, with a
 * warning that names the numbers. Then weights may not rise down a field's levels (a partial agreement never weighs
 * more than a closer one): violations are pooled (pool-adjacent-violators on the likelihood ratio, weighted by u).
 */
final class ModelGuard {
    /** Fields where one person disagreeing outright in most of his pairs means the mixture found something else. */
    private static final List<Comparison> PERSONAL = List.of(Comparison.GIVEN, Comparison.SURNAME, Comparison.BIRTH_DATE);

    private ModelGuard() {}

    record Guarded(double[][] m, List<String> warnings) {}

    /** @param present per field, whether any candidate pair compared it (the others keep the default m, unchecked) */
    static Guarded check(double[][] learned, double[][] u, boolean[] present) {
        double[][] m = new double[learned.length][];
        for (int i = 0; i < learned.length; i++) m[i] = learned[i].clone();
        double[][] fallback = DefaultModel.m();
        List<String> warnings = new ArrayList<>();
        for (Comparison c : Comparison.ALL) {
            int f = c.ordinal(), exact = 1, different = c.different();
            if (!present[f]) continue;
            String problem = null;
            if (m[f][exact] <= u[f][exact]) {
                problem = "agreement counts against one person";
            } else if (m[f][different] >= u[f][different]) {
                problem = "disagreement counts for one person";
            } else if (PERSONAL.contains(c) && m[f][different] >= 0.5) {
                problem = "one person would disagree outright in most of his pairs";
            }
            if (problem != null) {
                warnings.add(String.format(Locale.ROOT, "%s: learned m(%s) = %.3f, m(%s) = %.3f against u %.4f, %.4f: %s; "
                        + "the default m is used", c.label, c.levels[exact], m[f][exact], c.levels[different], m[f][different],
                        u[f][exact], u[f][different], problem));
                m[f] = fallback[f];
            }
            monotone(m[f], u[f]);
        }
        return new Guarded(m, warnings);
    }

    /**
     * Makes m/u non-increasing from level 1 down, in place: adjacent levels that violate it are pooled into one ratio
     * (sum of m over sum of u), which each keeps, scaled by its own u. m still sums to one.
     */
    static void monotone(double[] m, double[] u) {
        int n = m.length - 1; // level 0 (missing) is not a level
        double[] bm = new double[n], bu = new double[n];
        int[] size = new int[n];
        int blocks = 0;
        for (int l = 1; l <= n; l++) {
            bm[blocks] = m[l];
            bu[blocks] = u[l];
            size[blocks] = 1;
            blocks++;
            while (blocks > 1 && bm[blocks - 1] / bu[blocks - 1] > bm[blocks - 2] / bu[blocks - 2]) {
                bm[blocks - 2] += bm[blocks - 1];
                bu[blocks - 2] += bu[blocks - 1];
                size[blocks - 2] += size[blocks - 1];
                blocks--;
            }
        }
        int l = 1;
        for (int b = 0; b < blocks; b++) {
            double ratio = bm[b] / bu[b];
            for (int k = 0; k < size[b]; k++, l++) m[l] = ratio * u[l];
        }
    }
}
