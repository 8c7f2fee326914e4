package org.piste.app.entities;

import org.piste.app.resolve.DecisionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    /**
     * The entity a record or entity id belongs to, described; empty when none. Read inside the caller's transaction:
     * members, links, name and decisions agree only when it sees one snapshot
     * ({@link org.piste.app.store.Transactions#inSnapshot}).
     */
    public static Optional<EntityProfile> find(Connection c, String recordOrEntityId) throws SQLException {
        Optional<EntityQueries.Entity> found = EntityQueries.find(c, recordOrEntityId, LIMIT);
        if (found.isEmpty()) return Optional.empty();
        EntityQueries.Entity e = found.get();
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
        String name = EntityNames.shown(c, List.of(e.id())).getOrDefault(e.id(), "");
        List<DecisionStore.Stored> decisions = DecisionStore.touching(c,
                e.members().stream().map(EntityQueries.Member::recordId).toList());
        return Optional.of(new EntityProfile(e, name, variants, decisions));
    }
}
