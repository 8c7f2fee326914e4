package org.piste.screen;

import java.util.List;
import java.util.Objects;

/**
 * One indicator's part of a score: the value it measured, the points it adds, a sentence an investigator can
 * check, and the transfers behind it (references, to be found in the operator's records). The indicator is its
 * stable name ({@link Indicator#key()}), as results are stored and read back, and as equal points are ordered by.
 */
public record Contribution(String indicator, double value, double points, String explanation, List<String> evidence) {
    public Contribution {
        Objects.requireNonNull(indicator);
        Objects.requireNonNull(explanation);
        evidence = evidence instanceof Evidence ? evidence : List.copyOf(evidence); // Evidence is immutable already
    }

    public Contribution(Indicator indicator, double value, double points, String explanation, List<String> evidence) {
        this(indicator.key(), value, points, explanation, evidence);
    }

    /** Whether this is that indicator's part. */
    public boolean is(Indicator indicator) {
        return this.indicator.equals(indicator.key());
    }
}
