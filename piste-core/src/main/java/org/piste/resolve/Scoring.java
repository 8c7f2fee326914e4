package org.piste.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weights of compared pairs under a model, with two adjustments for how specific an agreeing value is. Names: an exact
 * match on a common name (Santos, Reyes, Martin, Maria) is worth less than on a rare one, because u for that value is
 * the share of records carrying it rather than the average chance agreement. Identifiers: an e-mail, phone, ID number
 * or address carried by several distinct persons (an office e-mail, a family's address) only narrows a record down to
 * one of those people, so its exact agreement is worth log2(persons) bits less.
 */
final class Scoring {
    private final MatchModel model;
    private final Map<String, Integer> surnameCounts = new HashMap<>();
    private final Map<String, Integer> givenCounts = new HashMap<>();
    private final double surnameTotal;
    private final double givenTotal;

    Scoring(MatchModel model, Features[] records) {
        this(model, counts(records, true), counts(records, false));
    }

    /** With the records' name counts already made (surname key and given key -> records carrying it). */
    Scoring(MatchModel model, Map<String, Integer> surnameCounts, Map<String, Integer> givenCounts) {
        this(model, surnameCounts, givenCounts, surnameCounts.values().stream().mapToLong(Integer::intValue).sum(),
                givenCounts.values().stream().mapToLong(Integer::intValue).sum());
    }

    /** With the totals over all records given: the counts may hold only the keys of the records compared. */
    Scoring(MatchModel model, Map<String, Integer> surnameCounts, Map<String, Integer> givenCounts, long surnameTotal,
            long givenTotal) {
        this.model = model;
        this.surnameCounts.putAll(surnameCounts);
        this.givenCounts.putAll(givenCounts);
        this.surnameTotal = surnameTotal;
        this.givenTotal = givenTotal;
    }

    private static Map<String, Integer> counts(Features[] records, boolean surname) {
        Map<String, Integer> counts = new HashMap<>();
        for (Features f : records) {
            String key = surname ? f.surnameKey : f.givenKey;
            if (!key.isEmpty()) counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    MatchModel model() {
        return model;
    }

    /**
     * What of a link's weight may outweigh a contradiction between its two records (dates of birth, given names): the
     * weight less its context (the agency, the counterparty: relatives of one household use one agency and pay one
     * relative, which says "one household", not "one person"); nothing when their identity documents differ too (two
     * contradictions are not one data-entry error: a father and son living together show different documents).
     */
    double overridingWeight(Features a, long pattern, double weight) {
        if (Comparison.level(pattern, Comparison.ID_NUMBER) == Comparison.ID_NUMBER.different()) return Double.NEGATIVE_INFINITY;
        return weight - fieldWeight(a, Comparison.AGENCY, Comparison.level(pattern, Comparison.AGENCY))
                - fieldWeight(a, Comparison.COUNTERPARTY, Comparison.level(pattern, Comparison.COUNTERPARTY));
    }

    double weight(Features a, Features b, long pattern) {
        double w = model.priorWeight();
        for (Comparison c : Comparison.ALL) w += fieldWeight(a, c, Comparison.level(pattern, c));
        return w;
    }

    private double fieldWeight(Features a, Comparison c, int level) {
        if (level == 1 && c == Comparison.SURNAME) return termFrequencyWeight(c, a.surnameKey);
        if (level == 1 && c == Comparison.GIVEN) return termFrequencyWeight(c, a.givenKey);
        if (level == 1 && Comparison.IDENTIFIERS.contains(c)) return model.weight(c, 1) - MatchModel.log2(a.personsCarrying(c));
        return model.weight(c, level);
    }

    /**
     * log2(m / share of records carrying the value). A value's commonness is taken as any name part, so that
     * names read swapped ("Dela Pena Efren") are not rewarded as rare given names.
     */
    private double termFrequencyWeight(Comparison c, String value) {
        double share = Math.max(share(value), 1 / Math.max(Math.max(surnameTotal, givenTotal), 1));
        return MatchModel.log2(model.m[c.ordinal()][1] / share);
    }

    private double share(String value) {
        double asSurname = surnameCounts.getOrDefault(value, 0) / Math.max(surnameTotal, 1);
        double asGiven = givenCounts.getOrDefault(value, 0) / Math.max(givenTotal, 1);
        return Math.max(asSurname, asGiven);
    }

    List<Evidence> evidence(Features a, Features b, long pattern) {
        List<Evidence> out = new ArrayList<>(Comparison.ALL.length + 1);
        out.add(EvidenceParts.prior(model.priorWeight()));
        for (Comparison c : Comparison.ALL) {
            int level = Comparison.level(pattern, c);
            out.add(new Evidence(c.label, Comparison.shown(a, c), Comparison.shown(b, c), Comparison.levelText(pattern, c),
                    fieldWeight(a, c, level)));
        }
        return out;
    }
}
