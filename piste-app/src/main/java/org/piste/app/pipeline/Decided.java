package org.piste.app.pipeline;

import java.util.Objects;

/** A stored change and what the refresh after it did, as a page or an API answer shows them. */
public record Decided<T>(T decision, RefreshSummary refresh) {
    public Decided {
        Objects.requireNonNull(decision);
        Objects.requireNonNull(refresh);
    }
}
