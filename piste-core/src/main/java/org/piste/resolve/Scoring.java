package org.piste.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weights of compared pairs under a model, with a term-frequency adjustment: an exact match on a common
 * name (Santos, Reyes, Martin, Maria) is worth less than on a rare one, because u for that value is the
 * share of records carrying it rather than the average chance agreement.
 */
final class Scoring {
    private final MatchModel model;
    private final Map<String, Integer> surnameCounts = new HashMap<>();
    private final Map<String, Integer> givenCounts = new HashMap<>();
    private final double surnameTotal;
    private final double givenTotal;

    Scoring(MatchModel model, Features[] records) {
        this.model = model;
        for (Features f : records) {
            if (!f.surnameKey.isEmpty()) surnameCounts.merge(f.surnameKey, 1, Integer::sum);
            if (!f.givenKey.isEmpty()) givenCounts.merge(f.givenKey, 1, Integer::sum);
        }
        this.surnameTotal = surnameCounts.values().stream().mapToInt(Integer::intValue).sum();
        this.givenTotal = givenCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    double weight(Features a, Features b, int pattern) {
        double w = model.priorWeight();
        for (Comparison c : Comparison.ALL) w += fieldWeight(a, c, Comparison.level(pattern, c));
        return w;
    }

    private double fieldWeight(Features a, Comparison c, int level) {
        if (level == 1 && c == Comparison.SURNAME) return termFrequencyWeight(c, surnameCounts, surnameTotal, a.surnameKey);
        if (level == 1 && c == Comparison.GIVEN) return termFrequencyWeight(c, givenCounts, givenTotal, a.givenKey);
        return model.weight(c, level);
    }

    private double termFrequencyWeight(Comparison c, Map<String, Integer> counts, double total, String value) {
        int count = counts.getOrDefault(value, 1);
        double share = Math.max(count, 1) / Math.max(total, 1);
        // Never below the plain exact-agreement u's floor of evidence, never an absurd bonus for a unique value.
        double u = Math.max(share, 1 / Math.max(total, 1));
        return MatchModel.log2(model.m[c.ordinal()][1] / Math.max(u, 1e-7));
    }

    List<Evidence> evidence(Features a, Features b, int pattern) {
        List<Evidence> out = new ArrayList<>(Comparison.ALL.length + 1);
        out.add(new Evidence("prior", "", "", "prior odds of a candidate pair", model.priorWeight()));
        for (Comparison c : Comparison.ALL) {
            int level = Comparison.level(pattern, c);
            out.add(new Evidence(c.label, Comparison.shown(a, c), Comparison.shown(b, c), c.levels[level],
                    fieldWeight(a, c, level)));
        }
        return out;
    }
}
