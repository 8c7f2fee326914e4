package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.piste.model.Side;

/**
 * Weights learned from rulings. Entities made of two indicators: "night" (10 points) and "round_amounts" (10 points),
 * scored by the rule set as their sum.
 */
class LearnedWeightsTest {
    private static EntityScore entity(String id, double night, double round) {
        List<Contribution> cs = new ArrayList<>(List.of(new Contribution("night", night / 10, night, "night " + night, List.of("T-" + id + "-n")),
                new Contribution("round_amounts", round / 10, round, "round " + round, List.of("T-" + id + "-r"))));
        cs.sort(Screener.ORDER);
        return new EntityScore(id, Side.SENDER, night + round, cs);
    }

    /**
     * 6 buyers at night (10 night points, 0-5 round: 10 to 15), 6 others with round amounts (0-2 night, 6-8 round: 6 to 10),
     * 2 unlabelled: the rule set ranks the buyers first, but round amounts mean little.
     */
    private static List<EntityScore> world() {
        List<EntityScore> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) out.add(entity("buyer" + i, 10, i));
        for (int i = 0; i < 6; i++) out.add(entity("other" + i, 0.4 * i, 6 + 0.4 * i));
        out.add(entity("quietBuyer", 8, 0));   // prior score 8
        out.add(entity("roundOther", 0, 9));   // prior score 9: above quietBuyer before learning
        EntityScore[] ranked = out.toArray(new EntityScore[0]);
        Screener.rank(ranked);
        return List.of(ranked);
    }

    private static Set<String> ids(String prefix, int n) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (int i = 0; i < n; i++) out.add(prefix + i);
        return out;
    }

    @Test
    void rulingsThatFollowOneIndicatorRaiseItsWeightAndReorderTheUnlabelled() {
        List<EntityScore> prior = world();
        assertThat(prior.indexOf(find(prior, "roundOther"))).isLessThan(prior.indexOf(find(prior, "quietBuyer")));
        LearnedWeights.Outcome o = LearnedWeights.learn(prior, ids("buyer", 6), ids("other", 6), 0);
        LearnedWeights.Model m = o.model();
        assertThat(m.learned()).isTrue();
        assertThat(m.multipliers().get("night")).isGreaterThan(1);
        assertThat(m.multipliers().get("round_amounts")).isLessThan(1);
        assertThat(m.positives()).hasSize(6);
        assertThat(m.negatives()).hasSize(6);
        assertThat(m.unlabelled()).isZero();
        assertThat(m.version()).startsWith("learned night=").contains(" round_amounts=");
        // The unlabelled buyer now ranks above the unlabelled round-amount sender.
        List<EntityScore> learned = o.ranked();
        assertThat(learned.indexOf(find(learned, "quietBuyer"))).isLessThan(learned.indexOf(find(learned, "roundOther")));
        assertThat(o.movement()).anyMatch(line -> line.startsWith("rose from #") && line.endsWith(": quietBuyer"));
        assertThat(o.movement().getFirst()).startsWith("alerts: 10 before, 10 with the learned weights;");
        // Every score is still the sum of its contributions, each its prior points times its multiplier, with its evidence.
        EntityScore q = find(learned, "quietBuyer");
        Contribution night = q.contributions().stream().filter(c -> c.indicator().equals("night")).findFirst().orElseThrow();
        assertThat(night.points()).isCloseTo(8 * m.multipliers().get("night"), within(1e-12));
        assertThat(night.evidence()).containsExactly("T-quietBuyer-n");
        assertThat(night.explanation()).startsWith("night 8.0 (weight learned from rulings: x");
        assertThat(q.score()).isCloseTo(q.contributions().stream().mapToDouble(Contribution::points).sum(), within(1e-12));
    }

    @Test
    void fewerThanFivePositivesKeepTheRuleSet() {
        List<EntityScore> prior = world();
        LearnedWeights.Outcome o = LearnedWeights.learn(prior, ids("buyer", 4), ids("other", 6), 0);
        assertThat(o.model().learned()).isFalse();
        assertThat(o.model().version()).isEqualTo("prior");
        assertThat(o.model().multipliers()).containsExactlyInAnyOrderEntriesOf(Map.of("night", 1.0, "round_amounts", 1.0));
        assertThat(o.ranked()).isSameAs(prior);
        assertThat(o.model().notes()).containsExactly("4 confirmed entities, fewer than 5: the rule set's weights are kept");
    }

    @Test
    void withoutDismissalsTheUnlabelledStandInForNegatives() {
        List<EntityScore> prior = world();
        LearnedWeights.Outcome o = LearnedWeights.learn(prior, ids("buyer", 6), Set.of(), 0);
        // 8 unlabelled entities (6 others and 2), fewer than 20 per positive: all of them.
        assertThat(o.model().unlabelled()).isEqualTo(8);
        assertThat(o.model().notes().getFirst()).isEqualTo("0 dismissed entities, fewer than 5: 8 unlabelled entities stand in for "
                + "negatives (positive-unlabelled learning)");
        assertThat(o.model().multipliers().get("night")).isGreaterThan(o.model().multipliers().get("round_amounts"));
    }

    @Test
    void rulingsAgainstTheRuleSetAreReportedAndTheRuleSetKept() {
        // Confirmed entities with no point at all, dismissed ones with many: the labels contradict the rules.
        List<EntityScore> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) all.add(entity("buyer" + i, 0, 0));
        for (int i = 0; i < 6; i++) all.add(entity("other" + i, 10, 10));
        EntityScore[] ranked = all.toArray(new EntityScore[0]);
        Screener.rank(ranked);
        LearnedWeights.Outcome o = LearnedWeights.learn(List.of(ranked), ids("buyer", 6), ids("other", 6), 0);
        assertThat(o.model().learned()).isFalse();
        assertThat(o.model().notes()).anyMatch(n -> n.startsWith("WARNING: the labels do not follow the rule set"));
    }

    @Test
    void rescoringMultipliesEachIndicatorsPoints() {
        List<EntityScore> r = LearnedWeights.rescore(List.of(entity("a", 4, 6)), Map.of("night", 2.0, "round_amounts", 0.5));
        // 4 x 2 + 6 x 0.5 = 11; night (8) now first.
        assertThat(r.getFirst().score()).isEqualTo(11);
        assertThat(r.getFirst().contributions()).extracting(Contribution::indicator).containsExactly("night", "round_amounts");
    }

    @Test
    void weighedContributionsSayTheirWeightAndAreSummedInOrder() {
        List<Contribution> prior = entity("a", 4, 6).contributions(); // round_amounts (6) before night (4)
        List<Contribution> w = LearnedWeights.weighed(prior, Map.of("night", 2.0, "round_amounts", 0.5));
        // 4 x 2 = 8 now before 6 x 0.5 = 3; evidence and values kept.
        assertThat(w).extracting(Contribution::indicator).containsExactly("night", "round_amounts");
        assertThat(w).extracting(Contribution::points).containsExactly(8.0, 3.0);
        assertThat(w).extracting(Contribution::value).containsExactly(0.4, 0.6);
        assertThat(w.getFirst().evidence()).containsExactly("T-a-n");
        assertThat(w.getFirst().explanation()).isEqualTo("night 4.0 (weight learned from rulings: x2.00)");
        assertThat(w.getFirst().sentence().wording()).isEqualTo(Wording.LEARNED_WEIGHT);
        // A multiplier of 1, or none, leaves a contribution as it was, sentence and all.
        List<Contribution> kept = LearnedWeights.weighed(prior, Map.of("night", 1.0));
        assertThat(kept).isEqualTo(prior);
        List<Contribution> one = LearnedWeights.weighed(prior, Map.of("night", 3.0));
        assertThat(one).extracting(Contribution::points).containsExactly(12.0, 6.0);
        assertThat(one.get(1)).isSameAs(prior.getFirst());
    }

    @Test
    void solveByHand() {
        // 2x + y = 5, x + 3y = 10: x = 1, y = 3.
        double[] s = LearnedWeights.solve(new double[][] {{2, 1}, {1, 3}}, new double[] {5, 10});
        assertThat(s[0]).isCloseTo(1, within(1e-12));
        assertThat(s[1]).isCloseTo(3, within(1e-12));
        // A pivot is needed: 0x + y = 2, x + y = 3.
        double[] t = LearnedWeights.solve(new double[][] {{0, 1}, {1, 1}}, new double[] {2, 3});
        assertThat(t).containsExactly(new double[] {1, 2}, within(1e-12));
    }

    /**
     * The fit is the penalised maximum likelihood: at the theta returned, the gradient of the loss, written here again from
     * its definition (log-loss + 1 x sum_k ((beta_k - gamma) max_k)^2 + 0.01 x (gamma x sum_k max_k)^2), is zero, and
     * any small step away raises the loss.
     */
    @Test
    void theFitIsTheMinimumOfThePenalisedLoss() {
        List<double[]> xs = List.of(new double[] {10, 0}, new double[] {10, 2}, new double[] {8, 5}, new double[] {0, 6},
                new double[] {2, 8}, new double[] {1, 7}, new double[] {6, 6});
        List<Double> ys = List.of(1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0);
        double[] max = {10, 8};
        double[] theta = LearnedWeights.fit(xs, ys, max);
        double h = 1e-6;
        for (int a = 0; a < theta.length; a++) {
            double[] up = theta.clone(), down = theta.clone();
            up[a] += h;
            down[a] -= h;
            double gradient = (loss(up, xs, ys, max) - loss(down, xs, ys, max)) / (2 * h);
            assertThat(gradient).as("d loss / d theta[%d]", a).isCloseTo(0, within(1e-5));
            double[] away = theta.clone();
            away[a] += 0.05;
            assertThat(loss(away, xs, ys, max)).isGreaterThan(loss(theta, xs, ys, max));
        }
        // The night-like first indicator separates better: its weight is above the common scale, the second's below.
        assertThat(theta[2]).isGreaterThan(theta[1]);
        assertThat(theta[3]).isLessThan(theta[1]);
    }

    private static double loss(double[] t, List<double[]> xs, List<Double> ys, double[] max) {
        double l = 0;
        for (int i = 0; i < xs.size(); i++) {
            double eta = t[0] + t[2] * xs.get(i)[0] + t[3] * xs.get(i)[1];
            double p = 1 / (1 + Math.exp(-eta));
            l -= ys.get(i) * Math.log(p) + (1 - ys.get(i)) * Math.log(1 - p);
        }
        for (int k = 0; k < 2; k++) l += Math.pow((t[2 + k] - t[1]) * max[k], 2);
        return l + 0.01 * Math.pow(t[1] * (max[0] + max[1]), 2);
    }

    private static EntityScore find(List<EntityScore> ranked, String id) {
        return ranked.stream().filter(e -> e.entityId().equals(id)).findFirst().orElseThrow();
    }
}
