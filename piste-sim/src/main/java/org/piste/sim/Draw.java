package org.piste.sim;

import java.util.List;
import java.util.SplittableRandom;

/** Small sampling helpers over a SplittableRandom. */
final class Draw {
    private Draw() {}

    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    static <T> T pick(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    static <T> T pick(SplittableRandom r, T[] items) {
        return items[r.nextInt(items.length)];
    }

    /** Standard normal (Box-Muller; one value per call keeps streams simple). */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static double logNormal(SplittableRandom r, double median, double sigma) {
        return median * Math.exp(sigma * gaussian(r));
    }

    static double exponential(SplittableRandom r, double mean) {
        return -mean * Math.log(1.0 - r.nextDouble());
    }

    static int poisson(SplittableRandom r, double mean) {
        double l = Math.exp(-mean), p = 1;
        int k = 0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l && k < 1000);
        return k - 1;
    }

    /** Pareto with minimum 1, rounded to the nearest integer, capped. */
    static int paretoCount(SplittableRandom r, double alpha, int cap) {
        double x = Math.pow(1.0 - r.nextDouble(), -1.0 / alpha);
        return (int) Math.max(1, Math.min(cap, Math.round(x)));
    }

    /** An index drawn from cumulative weights. */
    static int weighted(SplittableRandom r, double[] cumulative) {
        double x = r.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0, hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    static double[] cumulative(double... weights) {
        double[] c = new double[weights.length];
        double s = 0;
        for (int i = 0; i < weights.length; i++) c[i] = s += weights[i];
        return c;
    }

    static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
