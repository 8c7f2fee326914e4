package org.piste.resolve;

import java.util.ArrayList;
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
     * What the model says about each pair (indexes into the list packed {@code i << 32 | j}), as the resolver
     * would score it in a run over the whole list (term frequencies of names and identifiers from the whole list; the
     * counterparty, which needs a first resolution, left out): the prior and each field's evidence, whose weights add
     * up to the pair's match weight.
     */
    public static List<List<Evidence>> evidence(List<PersonRecord> records, MatchModel model, long[] pairs) {
        Features[] f = features(records);
        Blocking.candidates(f, Resolver.Settings.defaults().blockCap(), null); // counts the persons carrying each identifier
        Scoring scoring = new Scoring(model, f);
        List<List<Evidence>> out = new ArrayList<>(pairs.length);
        for (long pair : pairs) {
            Features a = f[(int) (pair >>> 32)], b = f[(int) pair];
            out.add(scoring.evidence(a, b, Comparison.pattern(a, b)));
        }
        return out;
    }

    private static Features[] features(List<PersonRecord> records) {
        return records.parallelStream().map(Features::new).toArray(Features[]::new);
    }
}
