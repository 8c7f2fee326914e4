package org.piste.resolve;

import java.util.Map;

/**
 * What blocking produced: candidate pairs against all possible pairs (reduction ratio), and the blocks
 * left out because they exceeded the size cap (a hub key such as a shared agency phone), by key kind.
 */
public record BlockingReport(long records, long candidatePairs, double reductionRatio, int blockCap,
        Map<String, Long> oversizedBlocksByKind) {
    public BlockingReport {
        oversizedBlocksByKind = Map.copyOf(oversizedBlocksByKind);
    }
}
