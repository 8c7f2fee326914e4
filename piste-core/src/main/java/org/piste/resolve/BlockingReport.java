package org.piste.resolve;

import java.util.Map;

/**
 * What blocking produced: candidate pairs against all possible pairs (reduction ratio), and the blocks that
 * exceeded the size cap (a prolific sender's document, a shared agency phone) and were only paired with
 * neighbours, by key kind.
 */
public record BlockingReport(long records, long candidatePairs, double reductionRatio, int blockCap,
        Map<String, Long> oversizedBlocksByKind) {
    public BlockingReport {
        oversizedBlocksByKind = Map.copyOf(oversizedBlocksByKind);
    }
}
