package org.piste.app.resolve;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.piste.app.store.AdvisoryLocks;
import org.piste.app.store.BulkWrite;
import org.piste.app.store.CopyText;
import org.piste.app.store.Cursors;
import org.piste.model.RecordId;
import org.piste.resolve.BlockingReport;
import org.piste.resolve.Decision;
import org.piste.resolve.EvidenceParts;
import org.piste.resolve.MatchModel;
import org.piste.resolve.Neighbourhood;
import org.piste.resolve.PersonRecord;
import org.piste.resolve.Resolution;
import org.piste.resolve.Resolver;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The store's side of an incremental resolution that reads only what new records can touch ({@link Neighbourhood}):
 * the index of each entity's blocking keys and of the name counts, the loading of the entities around the new records,
 * and the delta written back. Kept in step with every run (rebuilt after a run that replaces everything).
 */
final class Neighbourhoods {
    private static final int FLUSH_CHARS = 1 << 20;

    private Neighbourhoods() {}

    /** Whether the index describes the latest run. */
    static boolean current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM resolution_index "
                + "WHERE run_id = (SELECT max(id) FROM resolution_run))")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The index of a full run, computed before its write locks anything: each entity's keys and the name counts. */
    record Rebuilt(Map<String, Map<KeyName, Integer>> keysOf, Map<String, Long> surnames, Map<String, Long> givens) {}

    /** Computes the index from every stored record and the run's membership ({@code entityOf}); reads only. */
    static Rebuilt rebuilt(Connection c, Map<String, String> entityOf) throws SQLException {
        Map<String, Map<KeyName, Integer>> keysOf = new HashMap<>();
        Map<String, Long> surnames = new HashMap<>(), givens = new HashMap<>();
        PartyRecords.streamed(c, records -> {
            List<PersonRecord> batch = new ArrayList<>(200_000);
            while (records.hasNext()) {
                PersonRecord r = records.next();
                // A transfer imported after the run read the records is new to the next run, not indexed here.
                if (entityOf.containsKey(r.id())) batch.add(r);
                if (batch.size() == 200_000 || (!records.hasNext() && !batch.isEmpty())) {
                    add(batch, keys(batch), entityOf, keysOf, surnames, givens);
                    batch.clear();
                }
            }
            return null;
        });
        return new Rebuilt(keysOf, surnames, givens);
    }

    /** Replaces the index with {@code index}, on the caller's transaction. */
    static void replace(Connection c, Rebuilt index, long runId) throws SQLException {
        // Only the resolution reads this table, one run at a time: it may be truncated (and its rows copied in frozen).
        BulkWrite.SetAside keys = BulkWrite.setAside(c, "entity_block_key");
        BulkWrite.truncate(c, keys);
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM name_count");
        }
        writeKeys(c, index.keysOf(), keys.copyOptions());
        BulkWrite.rebuild(c, List.of(keys));
        writeNames(c, index.surnames(), index.givens());
        mark(c, runId, Optional.empty()); // a full run does not know which transfers committed late: the next run scans
    }

    private static Neighbourhood.Keys[] keys(List<PersonRecord> records) {
        return Neighbourhood.keys(records);
    }

    /** A key as an entity's records carry it: with the name they sort by in an oversized block. */
    private record KeyName(long key, String name) {}

    private static void add(List<PersonRecord> records, Neighbourhood.Keys[] keys, Map<String, String> entityOf,
            Map<String, Map<KeyName, Integer>> keysOf, Map<String, Long> surnames, Map<String, Long> givens) {
        for (int i = 0; i < keys.length; i++) {
            String entity = entityOf.getOrDefault(records.get(i).id(), records.get(i).id());
            Map<KeyName, Integer> of = keysOf.computeIfAbsent(entity, k -> new HashMap<>());
            for (long key : keys[i].blocking()) of.merge(new KeyName(key, keys[i].sortName()), 1, Integer::sum);
            if (!keys[i].surnameKey().isEmpty()) surnames.merge(keys[i].surnameKey(), 1L, Long::sum);
            if (!keys[i].givenKey().isEmpty()) givens.merge(keys[i].givenKey(), 1L, Long::sum);
        }
    }

    private static void writeKeys(Connection c, Map<String, Map<KeyName, Integer>> keysOf, String copyOptions)
            throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder rows = new StringBuilder();
        CopyText row = new CopyText();
        for (Map.Entry<String, Map<KeyName, Integer>> e : keysOf.entrySet()) {
            for (Map.Entry<KeyName, Integer> k : e.getValue().entrySet()) {
                row.number(k.getKey().key()).text(k.getKey().name()).text(e.getKey()).number(k.getValue()).endRowTo(rows);
                if (rows.length() >= FLUSH_CHARS) CopyText.copyIn(copy, KEY_COLUMNS, rows, copyOptions);
            }
        }
        CopyText.copyIn(copy, KEY_COLUMNS, rows, copyOptions);
    }

    private static final String KEY_COLUMNS = "entity_block_key (key, name, entity_id, records)";

    /** Adds to the stored name counts. */
    private static void writeNames(Connection c, Map<String, Long> surnames, Map<String, Long> givens) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO name_count (kind, name, records) SELECT k, n, r FROM "
                + "unnest(?::char[], ?::text[], ?::bigint[]) AS x(k, n, r) ON CONFLICT (kind, name) "
                + "DO UPDATE SET records = name_count.records + excluded.records")) {
            List<String> kinds = new ArrayList<>(), names = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            surnames.forEach((n, r) -> { kinds.add("S"); names.add(n); counts.add(r); });
            givens.forEach((n, r) -> { kinds.add("G"); names.add(n); counts.add(r); });
            ps.setArray(1, c.createArrayOf("bpchar", kinds.toArray()));
            ps.setArray(2, c.createArrayOf("text", names.toArray()));
            ps.setArray(3, c.createArrayOf("bigint", counts.toArray()));
            ps.executeUpdate();
        }
    }

    private static void mark(Connection c, long runId, Optional<Long> resolvedThrough) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO resolution_index (one, run_id, resolved_through, "
                + "resolved_through_run) VALUES (true, ?, ?, ?) ON CONFLICT (one) DO UPDATE SET run_id = excluded.run_id, "
                + "resolved_through = excluded.resolved_through, resolved_through_run = excluded.resolved_through_run")) {
            ps.setLong(1, runId);
            ps.setObject(2, resolvedThrough.orElse(null), java.sql.Types.BIGINT);
            ps.setObject(3, resolvedThrough.isPresent() ? runId : null, java.sql.Types.BIGINT);
            ps.executeUpdate();
        }
    }

    /**
     * An extension computed on the neighbourhood: the resolution of the loaded and new records (its links are the new
     * ones: the stored links of kept entities stay stored), the entities loaded, the records whose entity changed (the new
     * ones among them), the stored records compared again (an analyst decision's: their links are replaced), the entities
     * whose index rows change (before and after) and those rows.
     */
    record Delta(Resolution resolution, int loadedRecords, Set<String> loadedEntities, int added, int windowed,
            List<String> changed, List<String> rescored, Set<String> reindexed, Map<String, Map<KeyName, Integer>> keysOf,
            Map<String, Long> addedSurnames, Map<String, Long> addedGivens, Optional<Long> resolvedThrough) {}

    /** The records not resolved yet, and the transfer id up to which every transfer is resolved once they are. */
    private record Added(List<PersonRecord> records, Optional<Long> resolvedThrough) {}

    /**
     * The party records of the transfers not resolved yet: above the stored mark when there is one (an index range),
     * else every transfer without a member (a scan of both tables). The mark moves to the highest transfer read only when
     * no import was half-stored as they were read ({@link AdvisoryLocks#IMPORTS}): an import's ids are taken as it
     * stores, so one committing later could hold ids below the highest read.
     */
    private static Added added(Connection c) throws SQLException {
        Optional<Long> through = resolvedThrough(c);
        boolean quiet, autoCommit = c.getAutoCommit();
        List<PersonRecord> records;
        c.setAutoCommit(false); // the lock is the transaction's: its end releases it, whatever happens
        try {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_try_advisory_xact_lock(" + AdvisoryLocks.IMPORTS + ")")) {
                rs.next();
                quiet = rs.getBoolean(1);
            }
            records = through.isPresent()
                    ? PartyRecords.streamed(c, "t.id > ?", List.of(through.get()), Neighbourhoods::list)
                    : PartyRecords.streamed(c, "NOT EXISTS (SELECT 1 FROM entity_member m WHERE m.transfer_id = t.id)", List.of(),
                            Neighbourhoods::list);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        if (!quiet) return new Added(records, Optional.empty());
        long highest = records.stream().mapToLong(r -> RecordId.parse(r.id()).orElseThrow().transferId()).max().orElse(0);
        return new Added(records, Optional.of(Math.max(highest, highestResolved(c))));
    }

    private static long highestResolved(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(transfer_id) FROM entity_member")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The mark, when the run that left it is the one the index describes (an older version's run leaves it as it was)
     * and no resolved transfer lies above it (transfers stored without the import's lock, by a tool).
     */
    private static Optional<Long> resolvedThrough(Connection c) throws SQLException {
        long through;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT resolved_through FROM resolution_index "
                + "WHERE resolved_through_run = run_id")) {
            if (!rs.next()) return Optional.empty();
            through = rs.getLong(1);
            if (rs.wasNull()) return Optional.empty();
        }
        return highestResolved(c) <= through ? Optional.of(through) : Optional.empty();
    }

    /**
     * Resolves the records not resolved before against the entities around them, with {@code model}; empty when the
     * entities around them hold, with the new records, more than {@code maxRecords} (more than the heap holds: a large
     * export among entities with long histories reaches most of the store, and is resolved again streamed instead).
     */
    static Optional<Delta> extend(Connection c, Resolver resolver, MatchModel model, List<Decision> decisions,
            long maxRecords) throws SQLException {
        Added news = added(c);
        List<PersonRecord> added = news.records();
        Neighbourhood.Keys[] addedKeys = keys(added);
        Set<String> decided = new HashSet<>();
        decisions.forEach(d -> {
            decided.add(d.recordA());
            decided.add(d.recordB());
        });
        Map<String, String> previous = members(c, "record_id = ANY(?)", decided);
        // Entities an analyst decision touches are compared again whole: their records' keys are looked up as a new
        // record's are (in a block over the cap, the window around each of their names).
        Set<String> touched = new HashSet<>(previous.values());
        Set<String> entities = new LinkedHashSet<>(touched);
        List<PersonRecord> decidedRecords = entities.isEmpty() ? List.of()
                : recordsOf(c, entities, members(c, "entity_id = ANY(?)", entities));
        Neighbourhood.Keys[] decidedKeys = keys(decidedRecords);
        Set<Long> oversized = new HashSet<>();
        entities.addAll(entitiesAround(c, addedKeys, decidedKeys, resolver.settings().blockCap(), oversized));
        entities.addAll(sameCounterparty(c, decidedRecords));
        long room = maxRecords - added.size() - previous.size();
        Map<String, String> aroundMembers = members(c, "entity_id = ANY(?)", entities, Math.max(0, room) + 1);
        if (aroundMembers.size() > room) return Optional.empty();
        previous.putAll(aroundMembers);
        List<PersonRecord> existing = recordsOf(c, entities, previous);
        Neighbourhood.Keys[] existingKeys = keys(existing);

        Map<String, Long> addedSurnames = new HashMap<>(), addedGivens = new HashMap<>();
        Map<String, Map<KeyName, Integer>> keysOf = new HashMap<>();
        add(added, addedKeys, Map.of(), new HashMap<>(), addedSurnames, addedGivens);
        Neighbourhood.Around around = around(c, existing, existingKeys, added, addedKeys, previous, addedSurnames, addedGivens,
                oversized);
        // No stored link is read: a kept entity's links stay stored as they are; only new links come back.
        Resolution loaded = new Resolution(previous, List.of(), model, new BlockingReport(existing.size(), 0, 0,
                Resolver.Settings.defaults().blockCap(), Map.of()));
        Resolution r = resolver.extend(loaded, existing, added, decisions, around);
        Map<String, String> after = r.entityOf();
        List<String> changed = new ArrayList<>(), rescored = new ArrayList<>();
        Set<String> reindexed = new HashSet<>();
        for (PersonRecord p : existing) {
            String before = previous.get(p.id()), now = after.get(p.id());
            if (touched.contains(before)) rescored.add(p.id());
            if (before.equals(now)) continue;
            changed.add(p.id());
            reindexed.add(before);
            reindexed.add(now);
        }
        for (PersonRecord p : added) {
            changed.add(p.id());
            reindexed.add(after.get(p.id()));
        }
        reindexed.addAll(touched);
        List<PersonRecord> again = new ArrayList<>();
        List<Neighbourhood.Keys> againKeys = new ArrayList<>();
        for (int i = 0; i < existing.size(); i++) {
            if (!reindexed.contains(after.get(existing.get(i).id()))) continue;
            again.add(existing.get(i));
            againKeys.add(existingKeys[i]);
        }
        add(again, againKeys.toArray(Neighbourhood.Keys[]::new), after, keysOf, new HashMap<>(), new HashMap<>());
        add(added, addedKeys, after, keysOf, new HashMap<>(), new HashMap<>());
        return Optional.of(new Delta(r, existing.size(), entities, added.size(), oversized.size(), changed, rescored, reindexed,
                keysOf, addedSurnames, addedGivens, news.resolvedThrough()));
    }

    private static List<PersonRecord> list(java.util.Iterator<PersonRecord> records) {
        List<PersonRecord> out = new ArrayList<>();
        records.forEachRemaining(out::add);
        return out;
    }

    /** Record id -> entity id of the stored members {@code where} selects (one text[] parameter). */
    private static Map<String, String> members(Connection c, String where, Set<String> values) throws SQLException {
        return members(c, where, values, Long.MAX_VALUE);
    }

    /**
     * As {@link #members(Connection, String, Set)}, streamed, stopping after {@code limit} of them (no LIMIT in the
     * query: the plan stays the one the whole read gets).
     */
    private static Map<String, String> members(Connection c, String where, Set<String> values, long limit) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (values.isEmpty()) return out;
        return Cursors.streaming(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT record_id, entity_id FROM entity_member WHERE " + where)) {
                ps.setFetchSize(50_000);
                ps.setArray(1, c.createArrayOf("text", values.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (out.size() < limit && rs.next()) out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** The records of these entities, in the order a full load gives them. */
    private static List<PersonRecord> recordsOf(Connection c, Set<String> entities, Map<String, String> members)
            throws SQLException {
        if (entities.isEmpty()) return List.of();
        Array array = c.createArrayOf("text", entities.toArray());
        List<PersonRecord> both = PartyRecords.streamed(c, "t.id IN (SELECT transfer_id FROM entity_member WHERE entity_id = ANY(?))",
                List.of(array), Neighbourhoods::list);
        return both.stream().filter(r -> entities.contains(members.get(r.id()))).toList();
    }

    /**
     * The entities a new record could link to: every entity carrying one of its keys, but in a block larger than the cap
     * (stored and new records together) of a key that is no identifier's, only those with records sorting within the
     * window around it, whose keys go into {@code oversized}. The records of entities a decision touches ({@code decided},
     * stored already) are looked up the same way: a full run pairs them within the same windows.
     */
    private static Set<String> entitiesAround(Connection c, Neighbourhood.Keys[] added, Neighbourhood.Keys[] decided, int cap,
            Set<Long> oversized) throws SQLException {
        Map<Long, Integer> newCarrying = new HashMap<>();
        for (Neighbourhood.Keys k : added) for (long key : k.blocking()) newCarrying.merge(key, 1, Integer::sum);
        Set<Long> carried = new HashSet<>(), windowable = new HashSet<>();
        for (Neighbourhood.Keys[] ks : List.of(added, decided)) {
            for (Neighbourhood.Keys k : ks) {
                long[] keys = k.blocking();
                boolean[] identifier = k.identifier();
                for (int i = 0; i < keys.length; i++) {
                    carried.add(keys[i]);
                    if (!identifier[i]) windowable.add(keys[i]);
                }
            }
        }
        Map<Long, Long> stored = new HashMap<>(), rows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, sum(records), count(*) FROM entity_block_key WHERE key = ANY(?) GROUP BY key")) {
            ps.setArray(1, c.createArrayOf("bigint", windowable.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getLong(1), rs.getLong(2));
                    rows.put(rs.getLong(1), rs.getLong(3));
                }
            }
        }
        for (long key : windowable) if (stored.getOrDefault(key, 0L) + newCarrying.getOrDefault(key, 0) > cap) oversized.add(key);
        Set<Long> all = new HashSet<>(carried);
        all.removeAll(oversized);
        Set<String> out = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT entity_id FROM entity_block_key WHERE key = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", all.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        if (oversized.isEmpty()) return out;
        Map<Long, SortedSet<String>> names = new HashMap<>();
        for (Neighbourhood.Keys[] ks : List.of(added, decided)) {
            for (Neighbourhood.Keys k : ks) {
                for (long key : k.blocking()) {
                    if (oversized.contains(key)) names.computeIfAbsent(key, x -> BlockWindows.sortedNames()).add(k.sortName());
                }
            }
        }
        BlockWindows.entities(c, names, rows, BlockWindows.ROWS_PER_LOOK_UP, out);
        return out;
    }

    /**
     * The entities that dealt with the counterparty entity of a ruled record and carry its name beginnings. A full run
     * also pairs records paid by (or paying) the same entity whose names begin alike ({@code Blocking.byCounterparty}),
     * wherever they sort in a block over the cap: outside the windows, they would be missed. A new record needs no such
     * read: its counterpart is new too, and pays no one else.
     */
    private static Set<String> sameCounterparty(Connection c, List<PersonRecord> decided) throws SQLException {
        Set<String> counterparts = new HashSet<>();
        for (PersonRecord r : decided) if (!r.counterpart().isEmpty()) counterparts.add(r.counterpart());
        Set<String> counterparties = new HashSet<>(members(c, "record_id = ANY(?)", counterparts).values());
        Set<String> out = new HashSet<>();
        if (counterparties.isEmpty()) return out;
        // A block's records share both name keys of each other (given's and surname's beginnings): pairs of them, once
        // each (a buyer's hundreds of records mostly carry the same pair), tried once per partner entity.
        Set<List<Long>> pairs = new LinkedHashSet<>();
        for (PersonRecord r : decided) {
            long[] keys = Neighbourhood.nameKeys(r);
            if (keys.length >= 2) pairs.add(List.of(keys[0], keys[1]));
        }
        if (pairs.isEmpty()) return out;
        try (PreparedStatement ps = c.prepareStatement("SELECT p.entity_id FROM (SELECT DISTINCT m.entity_id FROM entity_member o "
                + "JOIN entity_member m ON m.transfer_id = o.transfer_id AND m.side <> o.side WHERE o.entity_id = ANY(?)) p "
                + "WHERE EXISTS (SELECT 1 FROM unnest(?::bigint[], ?::bigint[]) AS k(a, b) JOIN entity_block_key ka ON ka.key = k.a "
                + "AND ka.entity_id = p.entity_id JOIN entity_block_key kb ON kb.key = k.b AND kb.entity_id = p.entity_id)")) {
            ps.setArray(1, c.createArrayOf("text", counterparties.toArray()));
            ps.setArray(2, c.createArrayOf("bigint", pairs.stream().map(k -> k.get(0)).toArray()));
            ps.setArray(3, c.createArrayOf("bigint", pairs.stream().map(k -> k.get(1)).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** What lies around the loaded records: name counts over all records, counterparts not loaded, partners. */
    private static Neighbourhood.Around around(Connection c, List<PersonRecord> existing, Neighbourhood.Keys[] existingKeys,
            List<PersonRecord> added, Neighbourhood.Keys[] addedKeys, Map<String, String> previous,
            Map<String, Long> addedSurnames, Map<String, Long> addedGivens, Set<Long> oversized) throws SQLException {
        // A name's commonness is taken as any name part: both counts of every name key are read.
        Set<String> nameKeys = new HashSet<>();
        for (Neighbourhood.Keys[] ks : List.of(existingKeys, addedKeys)) {
            for (Neighbourhood.Keys k : ks) {
                nameKeys.add(k.surnameKey());
                nameKeys.add(k.givenKey());
            }
        }
        Map<String, Integer> surnames = new HashMap<>(), givens = new HashMap<>();
        long[] totals = new long[2];
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, name, records FROM name_count WHERE name = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", nameKeys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) (rs.getString(1).equals("S") ? surnames : givens).put(rs.getString(2), rs.getInt(3));
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT coalesce(sum(records) FILTER (WHERE kind = 'S'), 0), coalesce(sum(records) FILTER (WHERE kind = 'G'), 0) FROM name_count")) {
            rs.next();
            totals[0] = rs.getLong(1);
            totals[1] = rs.getLong(2);
        }
        addedSurnames.forEach((n, k) -> surnames.merge(n, k.intValue(), Integer::sum));
        addedGivens.forEach((n, k) -> givens.merge(n, k.intValue(), Integer::sum));
        totals[0] += addedSurnames.values().stream().mapToLong(Long::longValue).sum();
        totals[1] += addedGivens.values().stream().mapToLong(Long::longValue).sum();

        Set<String> loaded = new HashSet<>();
        existing.forEach(r -> loaded.add(r.id()));
        added.forEach(r -> loaded.add(r.id()));
        Set<String> outside = new HashSet<>();
        for (List<PersonRecord> rs : List.of(existing, added)) {
            for (PersonRecord r : rs) if (!r.counterpart().isEmpty() && !loaded.contains(r.counterpart())) outside.add(r.counterpart());
        }
        Map<String, String> counterpartEntities = members(c, "record_id = ANY(?)", outside);
        // Counterparty entities whose partners are compared: the stored ones are read; a new record stands for itself.
        Set<String> counterparties = new HashSet<>(counterpartEntities.values());
        Map<String, Set<String>> partners = new HashMap<>();
        for (List<PersonRecord> rs : List.of(existing, added)) {
            for (PersonRecord r : rs) {
                if (!loaded.contains(r.counterpart())) continue;
                String cp = previous.getOrDefault(r.counterpart(), r.counterpart());
                if (previous.containsKey(r.counterpart())) counterparties.add(cp);
                else partners.computeIfAbsent(cp, k -> new HashSet<>()).add(previous.getOrDefault(r.id(), r.id()));
            }
        }
        if (!counterparties.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT m.entity_id, o.entity_id FROM entity_member m "
                    + "JOIN entity_member o ON o.transfer_id = m.transfer_id AND o.side <> m.side WHERE m.entity_id = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("text", counterparties.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) partners.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        Map<String, String> shown = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT record_id, shown[" + (EvidenceParts.COUNTERPARTY + 1)
                + "] FROM link_record WHERE record_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", existing.stream().map(PersonRecord::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) shown.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
            }
        }
        return new Neighbourhood.Around(new Neighbourhood.NameCounts(surnames, givens, totals[0], totals[1]),
                counterpartEntities, partners, oversized, shown);
    }

    /** Writes the delta's index entries: the loaded entities' keys replaced by the result's, the new names counted. */
    static void store(Connection c, Delta d, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM entity_block_key WHERE entity_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", d.reindexed().toArray()));
            ps.executeUpdate();
        }
        writeKeys(c, d.keysOf(), "");
        writeNames(c, d.addedSurnames(), d.addedGivens());
        mark(c, runId, d.resolvedThrough());
    }
}
