package org.piste.screen;

import java.util.List;
import java.util.Objects;
import org.piste.model.Side;

/**
 * A sender's or recipient's score: the sum of its contributions (indicators, then network reinforcement),
 * so every point is explained.
 */
public record EntityScore(String entityId, Side side, double score, List<Contribution> contributions) {
    public EntityScore {
        Objects.requireNonNull(entityId);
        Objects.requireNonNull(side);
        contributions = List.copyOf(contributions);
    }
}
