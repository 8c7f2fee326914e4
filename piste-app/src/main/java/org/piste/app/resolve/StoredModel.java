package org.piste.app.resolve;

import java.util.Objects;
import java.util.Optional;
import org.piste.resolve.MatchModel;

/**
 * A match model as stored: its version, prior and description (m and u per field and level, rounded).
 *
 * @param id the match_model row
 */
public record StoredModel(long id, String version, double prior, String description) {
    /** The storage format of models; change it when what is stored changes. */
    public static final String VERSION = "fellegi-sunter/description-1";

    public StoredModel {
        Objects.requireNonNull(version);
        Objects.requireNonNull(description);
    }

    /** Rebuilds the resolver's model from a stored one, for incremental runs. */
    @FunctionalInterface
    public interface Restorer {
        Optional<MatchModel> restore(StoredModel stored);

        /**
         * piste-core's MatchModel has no public factory, and its description is rounded: no stored model can be
         * rebuilt yet, so incremental runs fall back to full runs (and say so).
         */
        Restorer NONE = stored -> Optional.empty();
    }
}
