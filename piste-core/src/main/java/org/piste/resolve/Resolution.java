package org.piste.resolve;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of entity resolution.
 *
 * @param entityOf record id -> entity id (its first record id, shorter ids first: stable and readable)
 * @param links    the links that hold each entity together (scored or decided by an analyst), with their evidence
 * @param model    the match model used (learned, or carried over by an incremental run)
 * @param blocking what blocking produced
 */
public record Resolution(Map<String, String> entityOf, List<Link> links, MatchModel model, BlockingReport blocking) {
    public Resolution {
        entityOf = Map.copyOf(entityOf);
        links = List.copyOf(links);
        Objects.requireNonNull(model);
        Objects.requireNonNull(blocking);
    }
}
