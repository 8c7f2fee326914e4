package org.piste.app.resolve;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.piste.resolve.MatchModel;
import tools.jackson.databind.json.JsonMapper;

/**
 * A match model as stored: m and u tables, prior, a readable description, and the storage format version.
 *
 * @param id the match_model row
 */
public record StoredModel(long id, String version, double prior, double[][] m, double[][] u, String description) {
    /** The storage format of models; change it when what is stored changes. */
    public static final String VERSION = "fellegi-sunter/tables-2";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public StoredModel {
        Objects.requireNonNull(version);
        Objects.requireNonNull(m);
        Objects.requireNonNull(u);
        Objects.requireNonNull(description);
    }

    /** Rebuilds the resolver's model from a stored one, for incremental runs. */
    @FunctionalInterface
    public interface Restorer {
        Optional<MatchModel> restore(StoredModel stored);

        /** Rebuilds models of the current format; any other (or an invalid one) means a full run. */
        Restorer TABLES = stored -> {
            if (!VERSION.equals(stored.version())) return Optional.empty();
            try {
                return Optional.of(MatchModel.of(stored.m(), stored.u(), stored.prior()));
            } catch (IllegalArgumentException changedShape) {
                return Optional.empty();
            }
        };

        /** Never rebuilds: every run is full (tests of the fallback). */
        Restorer NONE = stored -> Optional.empty();
    }

    static String toJson(double[][] table) {
        return Arrays.stream(table)
                .map(row -> Arrays.stream(row).mapToObj(Double::toString).collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(",", "[", "]"));
    }

    static double[][] fromJson(String json) {
        return JSON.readValue(json, double[][].class);
    }
}
