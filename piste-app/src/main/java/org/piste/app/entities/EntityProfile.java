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

    /** One identity field's value as written: how many of the records read wrote it, the first of them and its row. */
    public record Value(String value, int records, String firstRecord, RowRef firstSource) {}

    /** One identity field (a Variant component's name: name, birthDate, idNumber, phone, city) and its values. */
    public record FieldValues(String field, List<Value> values) {}

    private static final List<String> FIELDS = List.of("name", "birthDate", "idNumber", "phone", "city");

    /** Each identity field's distinct values as written (blank ones left out), the most written first. */
    public List<FieldValues> values() {
        List<FieldValues> out = new ArrayList<>();
        for (int f = 0; f < FIELDS.size(); f++) {
            Map<String, Value> seen = new LinkedHashMap<>();
            for (Variant v : variants) {
                String value = List.of(v.name(), v.birthDate(), v.idNumber(), v.phone(), v.city()).get(f);
                if (value.isBlank()) continue;
                Value had = seen.get(value);
                seen.put(value, had == null ? new Value(value, v.records().size(), v.records().get(0), v.sources().get(0))
                        : new Value(value, had.records() + v.records().size(), had.firstRecord(), had.firstSource()));
            }
            List<Value> values = new ArrayList<>(seen.values());
            values.sort((a, b) -> Integer.compare(b.records(), a.records()));
            out.add(new FieldValues(FIELDS.get(f), values));
        }
        return out;
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
