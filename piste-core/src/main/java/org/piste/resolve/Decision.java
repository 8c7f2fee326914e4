package org.piste.resolve;

import java.util.Objects;

/** An analyst's ruling on two records; always respected, on every run. */
public record Decision(String recordA, String recordB, Kind kind) {
    public Decision {
        Objects.requireNonNull(recordA);
        Objects.requireNonNull(recordB);
        Objects.requireNonNull(kind);
        if (recordA.equals(recordB)) throw new IllegalArgumentException("a decision needs two different records");
    }

    public enum Kind { SAME, NOT_SAME }
}
