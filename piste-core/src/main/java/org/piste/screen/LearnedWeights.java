package org.piste.screen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Indicator weights learned from analysts' rulings, on one side of a screening. The rule set is the prior: its score is
 * the sum of the indicators' points, so the model is a logistic regression on those points,
 * {@code logit = b + sum_k beta_k x points_k}, whose weights are pulled towards one common scale gamma (the rule set's
 * proportions) by a ridge penalty counted in log-odds at each indicator's full points. The learned score is then
 * {@code sum_k (beta_k / gamma) x points_k}: each contribution keeps its evidence and its points are multiplied by
 * its indicator's multiplier, so the score is still the sum of its contributions. Only indicator points are inputs:
 * nothing about who a person is (no protected attribute) can be learned.
 *
 * <p>Confirmed entities are positives, dismissed ones negatives. With too few negatives, the unlabelled entities
 * stand in for them (positive-unlabelled learning: with positives labelled at random among the positives, a model of
 * labelled against unlabelled ranks as a model of positives against negatives would). With fewer than
 * {@value #MIN_POSITIVES} positives the rule set is kept as it is.
 */
public final class LearnedWeights {
    public static final int MIN_POSITIVES = 5, MIN_NEGATIVES = 5;
    /** Unlabelled entities standing in for negatives, at most this many per positive (the lowest in tie order). */
    static final int UNLABELLED_PER_POSITIVE = 20;
    /** A multiplier is kept within these bounds; reaching one is reported as implausible. */
    static final double MIN_MULTIPLIER = 0, MAX_MULTIPLIER = 3;
    /** Ridge weight on deviations from the rule set's proportions, and on the common scale (keeps a separable set finite). */
    static final double LAMBDA = 1, LAMBDA_SCALE = 0.01;

    private LearnedWeights() {}

    /**
     * What was learned, for one side.
     *
     * @param learned     false when the rule set was kept (too few labels, or labels the model could not use)
     * @param multipliers each indicator's multiplier on its points (1: as the rule set says)
     * @param positives   entity ids learned from as positives; negatives likewise; unlabelled: how many stood in
     * @param notes       what the model did and any warning (an implausible weight, a fallback)
     */
    public record Model(boolean learned, Map<String, Double> multipliers, List<String> positives, List<String> negatives,
            int unlabelled, List<Sentence> said) {
        public Model {
            multipliers = Map.copyOf(multipliers);
            positives = List.copyOf(positives);
            negatives = List.copyOf(negatives);
            said = List.copyOf(said);
        }

        /** The notes in English, as the CLI prints them ({@link #said} keeps them for other languages). */
        public List<String> notes() {
            return said.stream().map(Sentence::english).toList();
        }

        /** A short, stable name for the model: the multipliers, rounded, in indicator order. */
        public String version() {
            if (!learned) return "prior";
            StringBuilder s = new StringBuilder("learned");
            new TreeMap<>(multipliers).forEach((k, v) -> s.append(' ').append(k).append('=').append(String.format(Locale.ROOT, "%.2f", v)));
            return s.toString();
        }
    }

    /**
     * A side's ranking rescored with a model, the model, and how the ranking moved: alerts that left and entered, the
     * largest rises (empty when the rule set was kept).
     */
    public record Outcome(List<EntityScore> ranked, Model model, List<Sentence> moved) {
        public Outcome {
            moved = List.copyOf(moved);
        }

        /** How the ranking moved, in English, as the CLI prints it ({@link #moved} keeps it for other languages). */
        public List<String> movement() {
            return moved.stream().map(Sentence::english).toList();
        }
    }

    /**
     * Learns from the labels and rescores the side.
     *
     * @param ranked    one side of a screening, ranked
     * @param confirmed entity ids confirmed (referral subjects, case subjects, confirmed alerts)
     * @param dismissed entity ids dismissed by an analyst (a later confirmation wins: pass each id once)
     */
    public static Outcome learn(List<EntityScore> ranked, java.util.Set<String> confirmed, java.util.Set<String> dismissed,
            double alertMinimum) {
        List<String> indicators = indicators(ranked);
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<String> positives = new ArrayList<>(), negatives = new ArrayList<>();
        for (EntityScore e : ranked) {
            if (confirmed.contains(e.entityId())) {
                xs.add(features(e, indicators));
                ys.add(1.0);
                positives.add(e.entityId());
            } else if (dismissed.contains(e.entityId())) {
                xs.add(features(e, indicators));
                ys.add(0.0);
                negatives.add(e.entityId());
            }
        }
        List<Sentence> notes = new ArrayList<>();
        Map<String, Double> prior = new LinkedHashMap<>();
        for (String k : indicators) prior.put(k, 1.0);
        if (positives.size() < MIN_POSITIVES) {
            notes.add(Sentence.of(Wording.MODEL_TOO_FEW_CONFIRMED, Sentence.count(positives.size()), Sentence.count(MIN_POSITIVES)));
            return new Outcome(ranked, new Model(false, prior, positives, negatives, 0, notes), List.of());
        }
        int unlabelled = 0;
        if (negatives.size() < MIN_NEGATIVES) {
            // Positive-unlabelled: the unlabelled entities first in the fixed tie order (a hash: no score, no id order).
            List<EntityScore> others = new ArrayList<>();
            for (EntityScore e : ranked) if (!confirmed.contains(e.entityId()) && !dismissed.contains(e.entityId())) others.add(e);
            others.sort((a, b) -> Long.compare(TieOrder.of(a.entityId()), TieOrder.of(b.entityId())));
            for (EntityScore e : others.subList(0, Math.min(others.size(), UNLABELLED_PER_POSITIVE * positives.size()))) {
                xs.add(features(e, indicators));
                ys.add(0.0);
                unlabelled++;
            }
            notes.add(Sentence.of(Wording.MODEL_UNLABELLED, Sentence.count(negatives.size()), Sentence.count(MIN_NEGATIVES),
                    Sentence.count(unlabelled)));
        }
        double[] maxPoints = new double[indicators.size()];
        for (double[] x : xs) for (int k = 0; k < x.length; k++) maxPoints[k] = Math.max(maxPoints[k], Math.abs(x[k]));
        double[] theta = fit(xs, ys, maxPoints);
        double gamma = theta[1];
        if (!(gamma > 0)) {
            notes.add(Sentence.of(Wording.MODEL_NOT_FOLLOWED, Sentence.decimal(gamma, 4)));
            return new Outcome(ranked, new Model(false, prior, positives, negatives, unlabelled, notes), List.of());
        }
        Map<String, Double> multipliers = new LinkedHashMap<>();
        for (int k = 0; k < indicators.size(); k++) {
            double m = maxPoints[k] == 0 ? 1 : theta[2 + k] / gamma; // an indicator no labelled entity has: nothing to learn
            double kept = Math.max(MIN_MULTIPLIER, Math.min(MAX_MULTIPLIER, m));
            if (kept != m) {
                notes.add(Sentence.of(Wording.MODEL_IMPLAUSIBLE, new Sentence.AsWritten(indicators.get(k)), Sentence.decimal(m, 2),
                        Sentence.decimal(kept, 2)));
            }
            multipliers.put(indicators.get(k), kept);
        }
        notes.add(unlabelled == 0
                ? Sentence.of(Wording.MODEL_LEARNED, Sentence.count(positives.size()), Sentence.count(negatives.size()), Sentence.decimal(gamma, 4))
                : Sentence.of(Wording.MODEL_LEARNED_UNLABELLED, Sentence.count(positives.size()), Sentence.count(negatives.size()),
                        Sentence.count(unlabelled), Sentence.decimal(gamma, 4)));
        Model model = new Model(true, multipliers, positives, negatives, unlabelled, notes);
        List<EntityScore> learned = rescore(ranked, multipliers);
        return new Outcome(learned, model, movement(ranked, learned, alertMinimum));
    }

    /** Alerts that left and entered with the learned weights, and the three largest rises in rank. */
    static List<Sentence> movement(List<EntityScore> prior, List<EntityScore> learned, double alertMinimum) {
        AlertCut before = AlertCut.of(prior, alertMinimum), after = AlertCut.of(learned, alertMinimum);
        java.util.Set<String> was = new java.util.LinkedHashSet<>(), is = new java.util.LinkedHashSet<>();
        for (EntityScore e : prior.subList(0, before.count(prior))) was.add(e.entityId());
        for (EntityScore e : learned.subList(0, after.count(learned))) is.add(e.entityId());
        List<String> left = was.stream().filter(id -> !is.contains(id)).toList(), entered = is.stream().filter(id -> !was.contains(id)).toList();
        Map<String, Integer> rankBefore = new java.util.HashMap<>();
        for (int i = 0; i < prior.size(); i++) rankBefore.put(prior.get(i).entityId(), i + 1);
        record Rise(String id, int from, int to) {}
        List<Rise> rises = new ArrayList<>();
        for (int i = 0; i < learned.size(); i++) {
            int from = rankBefore.get(learned.get(i).entityId());
            if (from > i + 1) rises.add(new Rise(learned.get(i).entityId(), from, i + 1));
        }
        rises.sort((a, b) -> Integer.compare(b.from() - b.to(), a.from() - a.to()));
        List<Sentence> out = new ArrayList<>();
        out.add(Sentence.of(Wording.MOVED_ALERTS, Sentence.count(was.size()), Sentence.count(is.size()), Sentence.count(left.size()),
                ids(left), Sentence.count(entered.size()), ids(entered)));
        for (Rise r : rises.subList(0, Math.min(3, rises.size()))) {
            out.add(Sentence.of(Wording.MOVED_ROSE, Sentence.count(r.from()), Sentence.count(r.to()), new Sentence.AsWritten(r.id())));
        }
        return out;
    }

    /** Up to ten ids, " (a, b)", or nothing: ids as written, the same in every language. */
    private static Sentence.AsWritten ids(List<String> ids) {
        return new Sentence.AsWritten(ids.isEmpty() ? "" : " (" + String.join(", ", ids.subList(0, Math.min(10, ids.size()))) + ")");
    }

    /** The side rescored: every entity's contributions {@link #weighed}, ranked again. */
    static List<EntityScore> rescore(List<EntityScore> ranked, Map<String, Double> multipliers) {
        EntityScore[] out = new EntityScore[ranked.size()];
        for (int i = 0; i < out.length; i++) {
            EntityScore e = ranked.get(i);
            List<Contribution> sorted = weighed(e.contributions(), multipliers);
            out[i] = new EntityScore(e.entityId(), e.side(), Screener.points(sorted), sorted);
        }
        Screener.rank(out);
        return List.of(out);
    }

    /**
     * An entity's contributions under learned weights: each one's points times its indicator's multiplier (1 when none),
     * its sentence saying so, in the order points are summed. Screening stores contributions before the weights, and
     * readers apply the run's multipliers with this: a ruling that moves every multiplier then stores no explanation.
     */
    public static List<Contribution> weighed(List<Contribution> prior, Map<String, Double> multipliers) {
        Contribution[] cs = new Contribution[prior.size()];
        boolean moved = false;
        for (int j = 0; j < cs.length; j++) {
            Contribution x = prior.get(j);
            double m = multipliers.getOrDefault(x.indicator(), 1.0);
            moved |= m != 1;
            cs[j] = m == 1 ? x : new Contribution(x.indicator(), x.value(), x.points() * m, Sentence.of(Wording.LEARNED_WEIGHT,
                    Sentence.part(x.sentence()), Sentence.decimal(m, 2)), x.evidence());
        }
        if (!moved) return List.copyOf(prior);
        Arrays.sort(cs, Screener.ORDER);
        return List.of(cs);
    }

    /** The indicators of a side, in the order of their first appearance (the "confirmed" marker carries no point). */
    private static List<String> indicators(List<EntityScore> ranked) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (EntityScore e : ranked) for (Contribution x : e.contributions()) if (!x.is(Indicator.CONFIRMED)) out.add(x.indicator());
        List<String> sorted = new ArrayList<>(out);
        sorted.sort(null);
        return sorted;
    }

    private static double[] features(EntityScore e, List<String> indicators) {
        double[] x = new double[indicators.size()];
        for (Contribution c : e.contributions()) {
            int k = indicators.indexOf(c.indicator());
            if (k >= 0) x[k] = c.points();
        }
        return x;
    }

    /**
     * Newton's method on the penalised log-loss; theta = (b, gamma, beta_1..beta_K). Penalty: LAMBDA x sum_k ((beta_k -
     * gamma) x max_k)^2 + LAMBDA_SCALE x (gamma x sum_k max_k)^2, in log-odds at full points.
     */
    static double[] fit(List<double[]> xs, List<Double> ys, double[] max) {
        int K = max.length, P = K + 2;
        double[] theta = new double[P];
        double total = 0;
        for (double m : max) total += m;
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] grad = new double[P];
            double[][] hess = new double[P][P];
            for (int i = 0; i < xs.size(); i++) {
                double[] z = design(xs.get(i));
                double eta = 0;
                for (int a = 0; a < P; a++) if (a != 1) eta += theta[a] * z[a];
                double p = 1 / (1 + Math.exp(-eta)), w = p * (1 - p);
                for (int a = 0; a < P; a++) {
                    if (a == 1) continue;
                    grad[a] += (p - ys.get(i)) * z[a];
                    for (int b = 0; b < P; b++) if (b != 1) hess[a][b] += w * z[a] * z[b];
                }
            }
            for (int k = 0; k < K; k++) {
                double s = LAMBDA * max[k] * max[k], d = theta[2 + k] - theta[1];
                grad[2 + k] += 2 * s * d;
                grad[1] -= 2 * s * d;
                hess[2 + k][2 + k] += 2 * s;
                hess[1][1] += 2 * s;
                hess[1][2 + k] -= 2 * s;
                hess[2 + k][1] -= 2 * s;
            }
            double sc = LAMBDA_SCALE * total * total;
            grad[1] += 2 * sc * theta[1];
            hess[1][1] += 2 * sc;
            for (int a = 0; a < P; a++) hess[a][a] += 1e-9; // an indicator nobody has would leave the matrix singular
            double[] step = solve(hess, grad);
            double norm = 0;
            for (int a = 0; a < P; a++) {
                theta[a] -= step[a];
                norm = Math.max(norm, Math.abs(step[a]));
            }
            if (norm < 1e-10) break;
        }
        return theta;
    }

    /** The design vector: 1 for the intercept, a placeholder for gamma (which enters only the penalty), the points. */
    private static double[] design(double[] x) {
        double[] z = new double[x.length + 2];
        z[0] = 1;
        System.arraycopy(x, 0, z, 2, x.length);
        return z;
    }

    /** Solves A s = g by Gaussian elimination with partial pivoting (A is small and positive definite). */
    static double[] solve(double[][] a, double[] g) {
        int n = g.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOf(a[i], n + 1);
            m[i][n] = g[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) m[r][c] -= f * m[col][c];
            }
        }
        double[] s = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double v = m[r][n];
            for (int c = r + 1; c < n; c++) v -= m[r][c] * s[c];
            s[r] = v / m[r][r];
        }
        return s;
    }
}
