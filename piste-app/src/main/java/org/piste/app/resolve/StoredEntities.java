package org.piste.app.resolve;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.piste.app.store.Database;
import org.piste.resolve.BlockingReport;
import org.piste.resolve.PersonRecord;
import org.piste.resolve.Resolution;
import org.piste.resolve.Resolver;

/**
 * Resolves records from outside the transfers (referral subjects) against the stored entities with the stored
 * model, and stores nothing: which entity would each join, through which links.
 */
public final class StoredEntities {
    private final Database database;
    private final Resolver resolver = new Resolver(Resolver.Settings.defaults());

    public StoredEntities(Database database) {
        this.database = database;
    }

    /**
     * A probe's outcome.
     *
     * @param entityOf   the stored membership: party record id -> entity id
     * @param resolution the stored records and the probed ones, resolved together (only links involving a
     *                   probed record are new)
     */
    public record Probe(Map<String, String> entityOf, Resolution resolution) {
        public Probe {
            Objects.requireNonNull(entityOf);
            Objects.requireNonNull(resolution);
        }
    }

    /**
     * The probed records resolved against the stored entities (analyst decisions are already in those
     * entities). Empty when nothing is resolved yet or the stored model cannot be rebuilt.
     */
    public Optional<Probe> probe(List<PersonRecord> probed) {
        try (Connection c = database.connect()) {
            Map<String, String> entityOf = ResolutionStore.membership(c);
            if (entityOf.isEmpty()) return Optional.empty();
            Optional<org.piste.resolve.MatchModel> model = ResolutionStore.latestModel(c)
                    .flatMap(StoredModel.Restorer.TABLES::restore);
            if (model.isEmpty()) return Optional.empty();
            List<PersonRecord> existing = new ArrayList<>();
            for (PersonRecord r : PartyRecords.all(c)) if (entityOf.containsKey(r.id())) existing.add(r);
            Resolution previous = new Resolution(entityOf, List.of(), model.get(), new BlockingReport(existing.size(), 0,
                    0, Resolver.Settings.defaults().blockCap(), Map.of()));
            return Optional.of(new Probe(entityOf, resolver.extend(previous, existing, probed, List.of())));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored entities: " + e.getMessage(), e);
        }
    }

    /** How many party records of stored transfers no resolution run has placed yet. */
    public long unresolved() {
        try (Connection c = database.connect(); var s = c.createStatement(); var rs = s.executeQuery(
                "SELECT 2 * count(*) - (SELECT count(*) FROM entity_member) FROM transfer")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count unresolved records: " + e.getMessage(), e);
        }
    }
}
