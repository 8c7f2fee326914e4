package org.piste.app.entities;

import org.piste.app.resolve.DecisionStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.piste.app.store.Database;
import org.piste.model.RowRef;

/**
 * Who an entity is: its identity variants (records written the same way, grouped, each with its source rows),
 * why they were merged (the stored links with their field-by-field evidence) and the analysts' same / not-same
 * decisions on its records.
 */
public record EntityProfile(EntityQueries.Entity entity, String name, List<Variant> variants,
        List<DecisionStore.Stored> decisions) {
    /** At most this many member records and links are read. */
    public static final int LIMIT = 1_000;

    public EntityProfile {
        Objects.requireNonNull(entity);
        Objects.requireNonNull(name);
        variants = List.copyOf(variants);
        decisions = List.copyOf(decisions);
    }

    /** Records written alike: the values as written, how many records, which, and their source rows. */
    public record Variant(String name, String birthDate, String idNumber, String phone, String city, List<String> records,
            List<RowRef> sources) {
        public Variant {
            records = List.copyOf(records);
            sources = List.copyOf(sources);
        }
    }

    /** The entity a record or entity id belongs to, described; empty when none. */
    public static Optional<EntityProfile> find(Database database, String recordOrEntityId) {
        return new EntityQueries(database).find(recordOrEntityId, LIMIT).map(e -> {
            Map<List<String>, List<EntityQueries.Member>> alike = new LinkedHashMap<>();
            for (EntityQueries.Member m : e.members()) {
                alike.computeIfAbsent(List.of(m.name(), m.birthDate(), m.idNumber(), m.phone(), m.city()),
                        k -> new ArrayList<>()).add(m);
            }
            List<Variant> variants = new ArrayList<>();
            alike.forEach((k, ms) -> variants.add(new Variant(k.get(0), k.get(1), k.get(2), k.get(3), k.get(4),
                    ms.stream().map(EntityQueries.Member::recordId).toList(),
                    ms.stream().map(EntityQueries.Member::source).toList())));
            variants.sort((a, b) -> Integer.compare(b.records().size(), a.records().size()));
            String name = shownName(database, e.id());
            List<DecisionStore.Stored> decisions = new DecisionStore(database)
                    .touching(e.members().stream().map(EntityQueries.Member::recordId).toList());
            return new EntityProfile(e, name, variants, decisions);
        });
    }

    private static String shownName(Database database, String entityId) {
        try (java.sql.Connection c = database.connect()) {
            return EntityNames.shown(c, List.of(entityId)).getOrDefault(entityId, "");
        } catch (java.sql.SQLException ex) {
            throw new IllegalStateException("cannot read the entity's name: " + ex.getMessage(), ex);
        }
    }
}
