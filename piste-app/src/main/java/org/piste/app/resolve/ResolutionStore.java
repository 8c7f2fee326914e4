package org.piste.app.resolve;

import org.piste.app.store.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.piste.app.store.BulkWrite;
import org.piste.app.store.CopyText;
import org.piste.model.RecordId;
import org.piste.resolve.BlockingReport;
import org.piste.resolve.EvidenceParts;
import org.piste.resolve.Link;
import org.piste.resolve.MatchModel;
import org.piste.resolve.NotCompared;
import org.piste.resolve.Resolution;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Stores resolutions (membership, links with evidence, model, run) and reads them back. All on the caller's connection. */
final class ResolutionStore {
    private static final int FLUSH_CHARS = 1 << 20;

    private ResolutionStore() {}

    /** What a run did, for its resolution_run row. */
    record RunRow(java.time.OffsetDateTime startedAt, ResolutionService.Mode requested, ResolutionService.Mode mode,
            String note, long newRecords, int decisions, long decisionsRead) {}

    static long saveModel(Connection c, MatchModel model) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO match_model (version, prior, m, u, description) VALUES (?, ?, ?::jsonb, ?::jsonb, ?) RETURNING id")) {
            ps.setString(1, StoredModel.VERSION);
            ps.setDouble(2, model.prior());
            ps.setString(3, StoredModel.toJson(model.mTable()));
            ps.setString(4, StoredModel.toJson(model.uTable()));
            ps.setString(5, model.describe());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long saveRun(Connection c, RunRow run, Resolution r, long entities, long modelId) throws SQLException {
        return saveRun(c, run, r, new Totals(r.entityOf().size(), entities, r.multiRecordEntities(), r.links().size()), modelId);
    }

    /** How many records, entities, entities of several records and links the stored resolution holds after a run. */
    record Totals(long records, long entities, long multiRecordEntities, long links) {}

    /** The totals of the latest run, or empty. */
    static Optional<Totals> latestTotals(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT records, entities, "
                + "coalesce(multi_record_entities, 0), links FROM resolution_run ORDER BY id DESC LIMIT 1")) {
            if (!rs.next()) return Optional.empty();
            return Optional.of(new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        }
    }

    static long saveRun(Connection c, RunRow run, Resolution r, Totals totals, long modelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO resolution_run (started_at, finished_at, requested, "
                + "mode, note, records, new_records, entities, candidate_pairs, reduction_ratio, block_cap, "
                + "oversized_blocks, links, decisions, model_id, decisions_read, multi_record_entities, not_compared) VALUES (?, "
                + "now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb) RETURNING id")) {
            int i = 1;
            ps.setObject(i++, run.startedAt());
            ps.setString(i++, run.requested().name());
            ps.setString(i++, run.mode().name());
            ps.setString(i++, run.note());
            ps.setLong(i++, totals.records());
            ps.setLong(i++, run.newRecords());
            ps.setLong(i++, totals.entities());
            ps.setLong(i++, r.blocking().candidatePairs());
            ps.setDouble(i++, r.blocking().reductionRatio());
            ps.setInt(i++, r.blocking().blockCap());
            ps.setString(i++, Json.counts(r.blocking().oversizedBlocksByKind()));
            ps.setLong(i++, totals.links());
            ps.setInt(i++, run.decisions());
            ps.setLong(i++, modelId);
            ps.setLong(i++, run.decisionsRead());
            ps.setLong(i++, totals.multiRecordEntities());
            Map<String, Long> notCompared = new java.util.TreeMap<>();
            r.notCompared().forEach((kind, n) -> notCompared.put(kind.name(), n));
            ps.setString(i, Json.counts(notCompared));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The latest run as the summary of an incremental run that keeps it, when it resolved these records with the
     * {@code decisionsRead} analyst decisions stored now; empty otherwise (also for runs stored before they recorded
     * how many decisions they read).
     */
    static Optional<ResolutionService.Summary> current(Connection c, long records, long decisionsRead, Duration took)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, records, entities, multi_record_entities, candidate_pairs, "
                + "reduction_ratio, block_cap, links, decisions, ARRAY(SELECT key FROM jsonb_each_text(oversized_blocks) ORDER BY key), "
                + "ARRAY(SELECT value::bigint FROM jsonb_each_text(oversized_blocks) ORDER BY key), "
                + "(SELECT description FROM match_model m WHERE m.id = r.model_id), not_compared::text FROM resolution_run r "
                + "WHERE id = (SELECT max(id) FROM resolution_run) AND records = ? AND decisions_read = ? "
                + "AND multi_record_entities IS NOT NULL")) {
            ps.setLong(1, records);
            ps.setLong(2, decisionsRead);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                long id = rs.getLong(1);
                String[] kinds = (String[]) rs.getArray(10).getArray();
                Long[] counts = (Long[]) rs.getArray(11).getArray();
                Map<String, Long> oversized = new HashMap<>();
                for (int k = 0; k < kinds.length; k++) oversized.put(kinds[k], counts[k]);
                return Optional.of(new ResolutionService.Summary(id, ResolutionService.Mode.INCREMENTAL,
                        ResolutionService.Mode.INCREMENTAL, "nothing added or decided since run #" + id + ": its entities are kept",
                        rs.getLong(2), 0, rs.getLong(3), rs.getLong(4), new BlockingReport(rs.getLong(2), rs.getLong(5),
                        rs.getDouble(6), rs.getInt(7), oversized), rs.getLong(8), rs.getInt(9), took, rs.getString(12),
                        notCompared(rs.getString(13))));
            }
        }
    }

    private static final String LINK_COLUMNS = "entity_link (record_a, record_b, weight, probability, origin, levels, weights, run_id)";
    private static final String RECORD_COLUMNS = "link_record (record_id, shown, run_id)";

    /** A run's not_compared column read back (kinds this version no longer knows are left out). */
    private static Map<NotCompared, Long> notCompared(String json) {
        Map<NotCompared, Long> out = new java.util.EnumMap<>(NotCompared.class);
        tools.jackson.databind.json.JsonMapper.builder().build().readTree(json).properties().forEach(e -> {
            for (NotCompared n : NotCompared.values()) if (n.name().equals(e.getKey())) out.put(n, e.getValue().asLong());
        });
        return out;
    }

    /** Replaces the current membership and links with the resolution's; the tables' indexes are built after ({@link BulkWrite}). */
    static void replace(Connection c, Resolution r, long runId) throws SQLException {
        List<BulkWrite.SetAside> setAside = new ArrayList<>();
        for (String table : List.of("entity_link", "link_record", "entity_member")) setAside.add(BulkWrite.setAside(c, table));
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM entity_link");
            s.execute("DELETE FROM link_record");
            s.execute("DELETE FROM entity_member");
        }
        write(c, r, runId);
        BulkWrite.rebuild(c, setAside);
    }

    /**
     * Applies an incremental run: the membership of the {@code changed} records (new ones, or whose entity changed)
     * replaced by the resolution's, the links of the {@code rescored} records (compared again after an analyst decision)
     * removed, the resolution's links (all new) added with the values of records not shown yet. Returns how many stored
     * links it removed.
     */
    static int applyDelta(Connection c, Resolution r, List<String> changed, List<String> rescored, long runId)
            throws SQLException {
        int removed;
        java.sql.Array changedIds = c.createArrayOf("text", changed.toArray());
        java.sql.Array rescoredIds = c.createArrayOf("text", rescored.toArray());
        try (PreparedStatement links = c.prepareStatement("DELETE FROM entity_link WHERE record_a = ANY(?) OR record_b = ANY(?)");
             PreparedStatement members = c.prepareStatement("DELETE FROM entity_member WHERE record_id = ANY(?)");
             Statement s = c.createStatement()) {
            links.setArray(1, rescoredIds);
            links.setArray(2, rescoredIds);
            removed = links.executeUpdate();
            members.setArray(1, changedIds);
            members.executeUpdate();
            s.execute("CREATE TEMP TABLE new_link_record (record_id text, shown text[], run_id bigint) ON COMMIT DROP");
        }
        Map<String, String> entityOf = r.entityOf();
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        CopyText row = new CopyText();
        StringBuilder rows = new StringBuilder();
        for (String id : changed) {
            RecordId parsed = RecordId.parse(id).orElseThrow(() -> new IllegalStateException("not a party record id: " + id));
            row.text(id).text(entityOf.get(id)).text(String.valueOf(parsed.side().letter())).number(parsed.transferId())
                    .number(runId).endRowTo(rows);
            if (rows.length() >= FLUSH_CHARS) CopyText.copyIn(copy, MEMBER_COLUMNS, rows);
        }
        CopyText.copyIn(copy, MEMBER_COLUMNS, rows);
        writeLinks(c, r, runId, "new_link_record (record_id, shown, run_id)");
        try (Statement s = c.createStatement()) {
            // A record shows one set of values in all its links: one already stored must show the same values again.
            try (ResultSet rs = s.executeQuery("SELECT n.record_id, l.shown::text, n.shown::text FROM new_link_record n "
                    + "JOIN link_record l USING (record_id) WHERE l.shown <> n.shown LIMIT 1")) {
                if (rs.next()) throw new StoredValuesDiffer(rs.getString(1), rs.getString(2), rs.getString(3));
            }
            s.execute("INSERT INTO link_record (record_id, shown, run_id) SELECT record_id, shown, run_id FROM new_link_record "
                    + "ON CONFLICT (record_id) DO NOTHING");
            s.execute("DROP TABLE new_link_record");
        }
        // A record compared again and left without a link shows nothing any more (read afresh when it is linked again).
        try (PreparedStatement orphans = c.prepareStatement("DELETE FROM link_record r WHERE r.record_id = ANY(?) AND NOT "
                + "EXISTS (SELECT 1 FROM entity_link l WHERE l.record_a = r.record_id OR l.record_b = r.record_id)")) {
            orphans.setArray(1, rescoredIds);
            orphans.executeUpdate();
        }
        return removed;
    }

    /** New links show other values for a record than its stored links: those were compared by another version. */
    static final class StoredValuesDiffer extends IllegalStateException {
        StoredValuesDiffer(String record, String stored, String now) {
            super("record " + record + " shows " + stored + " in its stored links and " + now + " in a new one");
        }
    }

    private static final String MEMBER_COLUMNS = "entity_member (record_id, entity_id, side, transfer_id, run_id)";

    private static void write(Connection c, Resolution r, long runId) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        CopyText row = new CopyText();
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, String> e : r.entityOf().entrySet()) {
            RecordId id = RecordId.parse(e.getKey())
                    .orElseThrow(() -> new IllegalStateException("not a party record id: " + e.getKey()));
            row.text(e.getKey()).text(e.getValue()).text(String.valueOf(id.side().letter())).number(id.transferId()).number(runId)
                    .endRowTo(rows);
            if (rows.length() >= FLUSH_CHARS) CopyText.copyIn(copy, MEMBER_COLUMNS, rows);
        }
        CopyText.copyIn(copy, MEMBER_COLUMNS, rows);
        writeLinks(c, r, runId, RECORD_COLUMNS);
    }

    /** The resolution's links, and each linked record's values into {@code recordColumns} (link_record or a stand-in). */
    private static void writeLinks(Connection c, Resolution r, long runId, String recordColumns) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder rows = new StringBuilder();
        for (Link l : r.links()) {
            linkRow(rows, l.recordA(), l.recordB(), l.weight(), l.probability(), l.origin().name(),
                    EvidenceParts.levels(l.evidence()), EvidenceParts.weights(l.evidence()), runId);
            if (rows.length() >= FLUSH_CHARS) CopyText.copyIn(copy, LINK_COLUMNS, rows);
        }
        CopyText.copyIn(copy, LINK_COLUMNS, rows);
        SQLException[] failed = new SQLException[1];
        r.forEachLinkedRecord((id, values) -> {
            if (failed[0] != null) return;
            recordRow(rows, id, values, runId);
            if (rows.length() < FLUSH_CHARS) return;
            try {
                CopyText.copyIn(copy, recordColumns, rows);
            } catch (SQLException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) throw failed[0];
        CopyText.copyIn(copy, recordColumns, rows);
    }

    /** Appends an entity_link row (COPY text) to {@code rows}. */
    static void linkRow(StringBuilder rows, String a, String b, double weight, double probability, String origin, long levels,
            double[] weights, long runId) {
        StringBuilder array = new StringBuilder(weights.length * 20).append('{');
        for (int i = 0; i < weights.length; i++) array.append(i == 0 ? "" : ",").append(weights[i]);
        new CopyText().text(a).text(b).text(Double.toString(weight)).text(Double.toString(probability)).text(origin)
                .number(levels).text(array.append('}').toString()).number(runId).endRowTo(rows);
    }

    /** Appends a link_record row (COPY text) to {@code rows}. */
    static void recordRow(StringBuilder rows, String id, String[] values, long runId) {
        StringBuilder array = new StringBuilder(160).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) array.append(',');
            array.append('"');
            for (char ch : values[i].toCharArray()) {
                if (ch == '"' || ch == '\\') array.append('\\');
                array.append(ch);
            }
            array.append('"');
        }
        new CopyText().text(id).text(array.append('}').toString()).number(runId).endRowTo(rows);
    }

    /** The stored membership: record id -> entity id. */
    static Map<String, String> membership(Connection c) throws SQLException {
        Map<String, String> entityOf = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT record_id, entity_id FROM entity_member")) {
            while (rs.next()) entityOf.put(rs.getString(1), rs.getString(2));
        }
        return entityOf;
    }

    /** The model of the latest run, when there is one. */
    static Optional<StoredModel> latestModel(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT m.id, m.version, m.prior, "
                + "m.m::text, m.u::text, m.description FROM resolution_run r JOIN match_model m ON m.id = r.model_id "
                + "ORDER BY r.id DESC LIMIT 1")) {
            if (!rs.next()) return Optional.empty();
            return Optional.of(new StoredModel(rs.getLong(1), rs.getString(2), rs.getDouble(3),
                    StoredModel.fromJson(rs.getString(4)), StoredModel.fromJson(rs.getString(5)), rs.getString(6)));
        }
    }
}
