package org.piste.screen;

import java.util.List;
import java.util.Objects;

/**
 * One indicator's part of a score: the value it measured, the points it adds, a sentence an investigator can
 * check, and the transfers behind it (references, to be found in the operator's records).
 */
public record Contribution(String indicator, double value, double points, String explanation, List<String> evidence) {
    public Contribution {
        Objects.requireNonNull(indicator);
        Objects.requireNonNull(explanation);
        evidence = evidence instanceof Evidence ? evidence : List.copyOf(evidence); // Evidence is immutable already
    }
}
