package org.piste.app.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.piste.app.store.AdvisoryLocks;
import org.piste.app.store.Transactions;

/**
 * The append-only, hash-chained audit trail (table audit_event), keyed and anchored outside the database (see
 * {@link AuditAnchor}). Appends are serialised by a transaction-level advisory lock so the chain never forks;
 * {@link #verify()} recomputes it end to end and holds it against the checkpoints.
 */
public final class AuditLog {
    static final String COLUMNS = "seq, at, username, action, object, case_id, detail, prev_hash, hash, scheme";
    private final DataSource dataSource;

    public AuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records what the actor was shown, after the read and before the caller returns it: a read whose line cannot be
     * written is not shown.
     */
    public <T> T shown(Actor actor, String action, String object, String detail, T result) {
        append(AuditEvent.Entry.by(actor, action, object, detail));
        return result;
    }

    public AuditEvent append(AuditEvent.Entry entry) {
        return Transactions.inTransaction(dataSource, "write the audit trail", c -> append(c, entry));
    }

    /** Appends inside the caller's transaction (so a change and its audit line commit or fail together). */
    public static AuditEvent append(Connection c, AuditEvent.Entry entry) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, AdvisoryLocks.AUDIT_CHAIN);
            lock.execute();
        }
        long seq = 1;
        String prev = AuditChain.GENESIS;
        try (PreparedStatement last = c.prepareStatement("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1");
                ResultSet rs = last.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        // PostgreSQL keeps microseconds: hash what is stored.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = AuditChain.hash(AuditAnchor.of(c).key, prev, seq, at, entry.username(), entry.action(), entry.object(),
                entry.caseId(), entry.detail());
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_event (" + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            insert.setLong(1, seq);
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setString(3, entry.username());
            insert.setString(4, entry.action());
            insert.setString(5, entry.object());
            insert.setObject(6, entry.caseId().orElse(null));
            insert.setString(7, entry.detail());
            insert.setString(8, prev);
            insert.setString(9, hash);
            insert.setString(10, AuditChain.Scheme.HMAC_SHA256.stored);
            insert.executeUpdate();
        }
        return new AuditEvent(seq, at, entry.username(), entry.action(), entry.object(), entry.caseId(), entry.detail(),
                prev, hash);
    }

    /** What a search of the trail asks for; empty strings match everything. */
    public record Query(String username, String action, String object, Optional<Long> caseId, long beforeSeq, int limit) {
        public static Query latest(int limit) {
            return new Query("", "", "", Optional.empty(), Long.MAX_VALUE, limit);
        }

        /** What was searched for, as the trail records it. */
        public String describe() {
            return "user=" + username + " action=" + action + " object=" + object + caseId.map(id -> " case=" + id).orElse("");
        }
    }

    /** Events matching the query, newest first; browsing the trail is itself recorded (who looked at whose activity). */
    public List<AuditEvent> search(Actor actor, Query q) {
        return shown(actor, "audit.search", "audit", q.describe(), search(q));
    }

    /** Events matching the query, newest first. */
    public List<AuditEvent> search(Query q) {
        String sql = "SELECT seq, at, username, action, object, case_id, detail, prev_hash, hash FROM audit_event"
                + " WHERE seq < ? AND (? = '' OR username = ?) AND (? = '' OR action = ?) AND (? = '' OR object LIKE ?)"
                + " AND (?::bigint IS NULL OR case_id = ?) ORDER BY seq DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, q.beforeSeq());
            s.setString(2, q.username());
            s.setString(3, q.username());
            s.setString(4, q.action());
            s.setString(5, q.action());
            s.setString(6, q.object());
            s.setString(7, q.object().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            s.setObject(8, q.caseId().orElse(null));
            s.setObject(9, q.caseId().orElse(null));
            s.setInt(10, q.limit());
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) events.add(read(rs));
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    /** How many events the trail holds. */
    public long size() {
        return Transactions.inTransaction(dataSource, "read the audit trail", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM audit_event"); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * The outcome of a verification: events checked up to the first broken link, how many of them carry the unkeyed
     * hash of before V16, the checkpoints read, and every problem found (one line each, the first the earliest).
     */
    public record Verification(long events, String lastHash, long legacyEvents, List<String> checkpoints,
            List<String> problems) {
        public Verification {
            checkpoints = List.copyOf(checkpoints);
            problems = List.copyOf(problems);
        }

        public boolean intact() {
            return problems.isEmpty();
        }

        public Optional<String> firstProblem() {
            return problems.stream().findFirst();
        }
    }

    /** Writes a checkpoint of the trail now (if it changed since the last); says what it anchored. */
    public String checkpoint() {
        try (Connection c = dataSource.getConnection()) {
            return AuditAnchor.of(c).checkpoint().map(p -> "checkpoint written: " + p.events() + " events, last hash "
                    + p.hash()).orElse("no checkpoint needed: the last one already anchors the trail's last event");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    /**
     * Recomputes the whole chain and holds it against the checkpoints outside the database (see
     * {@link AuditVerifier}).
     */
    public Verification verify() {
        try (Connection c = dataSource.getConnection()) {
            return AuditVerifier.verify(c);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    /** An event as stored, with how its hash was made. */
    record Stored(AuditEvent event, AuditChain.Scheme scheme) {}

    /** The row read with {@link #COLUMNS}. */
    static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(read(rs), AuditChain.Scheme.of(rs.getString(10)));
    }

    private static AuditEvent read(ResultSet rs) throws SQLException {
        long caseId = rs.getLong(6);
        Optional<Long> caseRef = rs.wasNull() ? Optional.empty() : Optional.of(caseId);
        return new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), caseRef, rs.getString(7), rs.getString(8), rs.getString(9));
    }
}
