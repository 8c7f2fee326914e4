package org.piste.resolve;

import java.util.Objects;

/**
 * How one field of two records compared, and what that weighs (log2 of the likelihood ratio:
 * positive for evidence of the same person, negative against, 0 when a value is missing).
 */
public record Evidence(String field, String valueA, String valueB, String level, double weight) {
    public Evidence {
        Objects.requireNonNull(field);
        Objects.requireNonNull(valueA);
        Objects.requireNonNull(valueB);
        Objects.requireNonNull(level);
    }
}
