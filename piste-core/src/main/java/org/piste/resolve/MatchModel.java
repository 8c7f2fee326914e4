package org.piste.resolve;

import java.util.Arrays;

/**
 * A Fellegi-Sunter model: for each field and agreement level, m = P(level | same person) and
 * u = P(level | different persons), and the prior probability that a candidate pair is a match.
 * Learned without labels ({@link ModelLearner}); a link's weight is the prior's log-odds plus the sum of
 * log2(m/u) over the fields present.
 */
public final class MatchModel {
    final double[][] m;
    final double[][] u;
    final double prior;

    MatchModel(double[][] m, double[][] u, double prior) {
        this.m = m;
        this.u = u;
        this.prior = prior;
    }

    double weight(Comparison c, int level) {
        if (level == Comparison.MISSING) return 0;
        return log2(m[c.ordinal()][level] / u[c.ordinal()][level]);
    }

    double priorWeight() {
        return log2(prior / (1 - prior));
    }

    /** m of one field level, for explanations and tests. */
    public double m(String field, int level) {
        return m[Comparison.valueOf(field).ordinal()][level];
    }

    public double u(String field, int level) {
        return u[Comparison.valueOf(field).ordinal()][level];
    }

    public double prior() {
        return prior;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static double probability(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("prior " + prior);
        for (Comparison c : Comparison.ALL) {
            s.append('\n').append(c).append(" m=").append(Arrays.toString(round(m[c.ordinal()])))
                    .append(" u=").append(Arrays.toString(round(u[c.ordinal()])));
        }
        return s.toString();
    }

    private static double[] round(double[] xs) {
        return Arrays.stream(xs).map(x -> Math.round(x * 10000) / 10000.0).toArray();
    }
}
