package org.piste.app.referrals;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One reason for a match: a field of the subject compared with a stored record (the resolver's evidence, weight =
 * log2 likelihood ratio), or a cited transfer reference found in a source row (field "transfer_reference",
 * stored value "sha256:line", no weight: certain).
 */
public record MatchEvidence(String field, String referralValue, String storedValue, String level, OptionalDouble weight) {
    public static final String TRANSFER_REFERENCE = "transfer_reference";

    public MatchEvidence {
        Objects.requireNonNull(field);
        Objects.requireNonNull(referralValue);
        Objects.requireNonNull(storedValue);
        Objects.requireNonNull(level);
        Objects.requireNonNull(weight);
    }

    /** How strongly this line speaks for or against (certain evidence first). */
    double strength() {
        return weight.isPresent() ? Math.abs(weight.getAsDouble()) : Double.POSITIVE_INFINITY;
    }

    /** One readable line. */
    public String line() {
        if (field.equals(TRANSFER_REFERENCE)) {
            return "transfer reference " + referralValue + " is in source " + storedValue;
        }
        String values = referralValue.isEmpty() && storedValue.isEmpty() ? ""
                : "   '" + referralValue + "' | '" + storedValue + "'";
        return String.format("%-15s %-24s %+7.2f%s", field, level, weight.orElse(0), values);
    }
}
