package org.piste.app.resolve;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.piste.app.store.Database;
import org.piste.app.store.Transactions;
import org.piste.model.RecordId;
import org.piste.resolve.Decision;

/** Analyst decisions: stored with who, when and why; every resolution run receives them. */
public final class DecisionStore {
    private final Database database;

    public DecisionStore(Database database) {
        this.database = database;
    }

    /** "same" or "not-same" (any case, with - or _) as a decision kind. */
    public static Decision.Kind kind(String s) {
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
            case "same" -> Decision.Kind.SAME;
            case "not-same" -> Decision.Kind.NOT_SAME;
            default -> throw new IllegalArgumentException("the decision must be 'same' or 'not-same', was '" + s + "'");
        };
    }

    /** A stored decision. */
    public record Stored(long id, Decision decision, String decidedBy, OffsetDateTime decidedAt, String note) {
        public Stored {
            Objects.requireNonNull(decision);
            Objects.requireNonNull(decidedBy);
            Objects.requireNonNull(decidedAt);
            Objects.requireNonNull(note);
        }
    }

    /**
     * Stores a decision on two party records of stored transfers, in a transaction of its own, without an audit line
     * or a refresh: for this package's tests only. Everything else decides through {@code pipeline.Changes}.
     *
     * @throws IllegalArgumentException when a record id is malformed or names no stored transfer
     */
    Stored add(String recordA, String recordB, Decision.Kind kind, String decidedBy, String note) {
        return Transactions.inTransaction(database.dataSource(), "store the decision",
                c -> add(c, recordA, recordB, kind, decidedBy, note));
    }

    /** Stores the decision inside the caller's transaction (so the change and its audit line commit together). */
    public static Stored add(Connection c, String recordA, String recordB, Decision.Kind kind, String decidedBy,
            String note) throws SQLException {
        String a = existing(c, recordA), b = existing(c, recordB);
        Decision decision = new Decision(a, b, kind);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO analyst_decision (record_a, record_b, kind, "
                + "decided_by, note) VALUES (?, ?, ?, ?, ?) RETURNING id, decided_at")) {
            ps.setString(1, a);
            ps.setString(2, b);
            ps.setString(3, kind.name());
            ps.setString(4, decidedBy);
            ps.setString(5, note);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Stored(rs.getLong(1), decision, decidedBy, rs.getObject(2, OffsetDateTime.class), note);
            }
        }
    }

    private static String existing(Connection c, String recordId) throws SQLException {
        RecordId id = RecordId.parse(recordId).orElseThrow(() -> new IllegalArgumentException(
                "'" + recordId + "' is not a party record id (TRANSFER_ID:S for a sender, TRANSFER_ID:R for a recipient)"));
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM transfer WHERE id = ?")) {
            ps.setLong(1, id.transferId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("no stored transfer " + id.transferId() + " (record " + recordId + ")");
            }
        }
        return id.toString();
    }

    /**
     * The decisions a run receives (per pair of records, the latest) and how many stored decisions they come from:
     * decisions are never deleted, so the same count later means the same decisions.
     */
    record Effective(List<Decision> decisions, long read) {
        Effective {
            decisions = List.copyOf(decisions);
        }
    }

    static Effective effective(Connection c) throws SQLException {
        Map<String, Decision> latest = new LinkedHashMap<>();
        List<Stored> all = all(c);
        for (Stored s : all) {
            Decision d = s.decision();
            String key = d.recordA().compareTo(d.recordB()) < 0 ? d.recordA() + "|" + d.recordB() : d.recordB() + "|" + d.recordA();
            latest.remove(key);
            latest.put(key, d);
        }
        return new Effective(List.copyOf(latest.values()), all.size());
    }

    static List<Stored> all(Connection c) throws SQLException {
        List<Stored> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, record_a, record_b, kind, decided_by, decided_at, note "
                + "FROM analyst_decision ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                all.add(new Stored(rs.getLong(1), new Decision(rs.getString(2), rs.getString(3),
                        Decision.Kind.valueOf(rs.getString(4))), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
                        rs.getString(7)));
            }
        }
        return all;
    }

    /** Decisions touching any of these records, oldest first. */
    public List<Stored> touching(java.util.Collection<String> recordIds) {
        try (Connection c = database.connect()) {
            return touching(c, recordIds);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read decisions: " + e.getMessage(), e);
        }
    }

    /** {@link #touching(java.util.Collection)} inside the caller's transaction. */
    public static List<Stored> touching(Connection c, java.util.Collection<String> recordIds) throws SQLException {
        return all(c).stream().filter(s -> recordIds.contains(s.decision().recordA())
                || recordIds.contains(s.decision().recordB())).toList();
    }
}
