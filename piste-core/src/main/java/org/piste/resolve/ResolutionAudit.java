package org.piste.resolve;

import java.util.List;

/**
 * For evaluation harnesses (bench/): the resolver's candidate pairs and the evidence for any pair, so that
 * blocking recall and missed links can be measured and explained. Not used by the resolver itself.
 */
public final class ResolutionAudit {
    private ResolutionAudit() {}

    /** The candidate pairs blocking produces for these records, as indexes into the list packed {@code i << 32 | j}, i < j, sorted. */
    public static long[] candidatePairs(List<PersonRecord> records, int blockCap) {
        return Blocking.candidates(features(records), blockCap, null).pairs();
    }

    /**
     * What the model says about records i and j of the list, as the resolver would score them in a run over the
     * whole list (term frequencies from the whole list): the prior and each field's evidence; weights add up.
     */
    public static List<Evidence> evidence(List<PersonRecord> records, MatchModel model, int i, int j) {
        Features[] f = features(records);
        int pattern = Comparison.pattern(f[i], f[j]);
        return new Scoring(model, f).evidence(f[i], f[j], pattern);
    }

    private static Features[] features(List<PersonRecord> records) {
        return records.parallelStream().map(Features::new).toArray(Features[]::new);
    }
}
