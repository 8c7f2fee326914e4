package org.piste.resolve;

import java.util.Arrays;
import java.util.List;

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
    private final List<String> warnings;

    MatchModel(double[][] m, double[][] u, double prior) {
        this(m, u, prior, List.of());
    }

    MatchModel(double[][] m, double[][] u, double prior, List<String> warnings) {
        this.m = m;
        this.u = u;
        this.prior = prior;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Rebuilds a stored model. Tables are indexed [field][level] in the order of {@link #fields()} and
     * {@link #levels(String)}; level 0 (missing) is ignored.
     */
    public static MatchModel of(double[][] m, double[][] u, double prior) {
        if (m.length != Comparison.ALL.length || u.length != Comparison.ALL.length) {
            throw new IllegalArgumentException("a model has " + Comparison.ALL.length + " fields");
        }
        for (Comparison c : Comparison.ALL) {
            if (m[c.ordinal()].length != c.levelCount() || u[c.ordinal()].length != c.levelCount()) {
                throw new IllegalArgumentException(c + " has " + c.levelCount() + " levels");
            }
        }
        if (!(prior > 0 && prior < 1)) throw new IllegalArgumentException("prior must be in (0, 1)");
        return new MatchModel(copy(m), copy(u), prior);
    }

    /** Field names, in table order. */
    public static java.util.List<String> fields() {
        return java.util.Arrays.stream(Comparison.ALL).map(Enum::name).toList();
    }

    /** Level names of a field, level 0 being "missing". */
    public static java.util.List<String> levels(String field) {
        return java.util.List.of(Comparison.valueOf(field).levels);
    }

    public double[][] mTable() {
        return copy(m);
    }

    public double[][] uTable() {
        return copy(u);
    }

    private static double[][] copy(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = x[i].clone();
        return out;
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

    /**
     * What looked implausible when the model was learned and what was done about it (a field's default taken instead of
     * what was learned); empty for a plausible or default model. Say it to the user: the links rest on these numbers.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** The model as a table a person can check: per field and level, m, u and the weight log2(m/u); then any warnings. */
    public String describe() {
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT,
                "prior (share of all pairs that are one person): %.3g, weight %+.1f%n", prior, priorWeight()));
        s.append(String.format(java.util.Locale.ROOT, "%-14s %-28s %9s %9s %8s%n", "field", "level", "m", "u", "weight"));
        for (Comparison c : Comparison.ALL) {
            for (int l = 1; l < c.levelCount(); l++) {
                s.append(String.format(java.util.Locale.ROOT, "%-14s %-28s %9.4f %9.6f %+8.2f%n", l == 1 ? c.label : "",
                        c.levels[l], m[c.ordinal()][l], u[c.ordinal()][l], weight(c, l)));
            }
        }
        for (String w : warnings) s.append("warning: ").append(w).append('\n');
        return s.toString();
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
