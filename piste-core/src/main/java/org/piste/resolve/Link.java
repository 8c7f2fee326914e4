package org.piste.resolve;

import java.util.List;
import java.util.Objects;

/**
 * Why two records are in one entity.
 *
 * @param weight      total match weight (sum of the evidence weights plus the prior's log-odds)
 * @param probability posterior probability that the two are the same person
 * @param origin      SCORED by the model or decided by an ANALYST
 */
public record Link(String recordA, String recordB, double weight, double probability, List<Evidence> evidence, Origin origin) {
    public Link {
        Objects.requireNonNull(recordA);
        Objects.requireNonNull(recordB);
        evidence = List.copyOf(evidence); // no copy when already unmodifiable: shared lists stay shared
        Objects.requireNonNull(origin);
    }

    public enum Origin { SCORED, ANALYST }
}
