package org.piste.app.screen;

import java.lang.ref.SoftReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.piste.app.resolve.CurrentEntities;
import org.piste.app.store.Database;
import org.piste.screen.Columns;

/**
 * The stored transfers of the whole period as screening reads them, kept in memory between refreshes: after an import
 * or a decision, only what the resolution runs since the last read changed is read again (each membership row carries
 * the run that wrote it; transfers are never changed once stored), so a refresh costs its change, not the whole store.
 * What it builds is what reading every transfer afresh builds ({@code ResidentTransfersTest}). It reads everything again
 * when it cannot be sure: first use, a run it did not see the start of (another database behind the same object), a
 * transfer resolved out of the stored order, or a change touching most rows (a full resolution). About 100 bytes a
 * transfer, plus its reference. When nothing changed (an alert decision, a referral's match: new seeds, the same
 * transfers), the columns built last are given again instead of being built anew (held softly: a build allocates
 * about 0.2 GB at 1M, which a server short of heap may drop); a screening of them holds this object's lock
 * ({@link #screen}), as columns are screened one screening at a time.
 */
final class ResidentTransfers {
    private static final Map<Database, ResidentTransfers> OF = Collections.synchronizedMap(new WeakHashMap<>());
    private static final int LAST = TransferFacts.COLUMNS + 1;

    private Columns.Builder builder;
    // From the builder as it is (cleared when it changes); soft: a server short of heap drops it and builds again.
    private SoftReference<Columns> built = new SoftReference<>(null);
    private long[] transferIds = new long[0];
    private int size;
    private Optional<Stamp> stamp = Optional.empty();
    private String lastRead = "";

    /** The run whose membership the rows carry, with its start (telling it from a run of a database made again). */
    private record Stamp(long run, OffsetDateTime started) {}

    static ResidentTransfers of(Database database) {
        return OF.computeIfAbsent(database, d -> {
            d.beforeClose(() -> OF.remove(d)); // the open databases are held until closed: so is their copy
            return new ResidentTransfers();
        });
    }

    /** Columns, and how they were read: everything, or the change only (for the run's log). */
    record Read(Columns columns, String how) {}

    /** The columns of every resolved transfer, as {@link TransferFacts#read} would give them for the whole period. */
    synchronized Read read(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot for the stamp and the rows
        try {
            Optional<Stamp> latest = latest(c);
            boolean changeOnly = builder != null && stamp.isPresent() && latest.isPresent() && seen(c, stamp.get())
                    && latest.get().run() >= stamp.get().run() && change(c, stamp.get().run());
            if (!changeOnly) everything(c);
            stamp = latest;
            Columns columns = built.get();
            if (columns == null) built = new SoftReference<>(columns = builder.build());
            return new Read(columns, lastRead);
        } catch (Throwable e) { // an error too (out of memory): a half-applied builder would build wrong columns
            builder = null; // half-applied: read everything next time
            built.clear();
            throw e;
        } finally {
            c.commit();
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    private static Optional<Stamp> latest(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, started_at FROM resolution_run ORDER BY id DESC LIMIT 1")) {
            return rs.next() ? Optional.of(new Stamp(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))) : Optional.empty();
        }
    }

    /** Whether the run the rows were read at is still stored as it was (not a database made again). */
    private static boolean seen(Connection c, Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT started_at FROM resolution_run WHERE id = ?")) {
            ps.setLong(1, stamp.run());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getObject(1, OffsetDateTime.class).isEqual(stamp.started());
            }
        }
    }

    /** Reads the columns and screens them while no other screening of this database's columns runs in this process. */
    synchronized <T> T screen(Connection c, Function<Read, T> screening) throws SQLException {
        return screening.apply(read(c));
    }

    private void everything(Connection c) throws SQLException {
        builder = new Columns.Builder();
        built.clear();
        size = 0;
        TransferFacts.streamWhere(c, "", new Object[0], this::append);
        lastRead = "every transfer read (" + size + ")";
    }

    /**
     * Applies the membership written since {@code run}: transfers already held get their entities again, newly resolved
     * ones are appended. False (read everything) when a new one would not come last in stored order, or when most rows
     * changed.
     */
    private boolean change(Connection c, long run) throws SQLException {
        String since = " WHERE t.id IN (SELECT m.transfer_id FROM entity_member m WHERE m.run_id > ?)";
        if (rewritten(c, run, size + 1L)) return false; // two rows a transfer: most of them moved (a full run)
        int moved = 0, added = 0;
        long last = size == 0 ? Long.MIN_VALUE : transferIds[size - 1];
        try (PreparedStatement ps = c.prepareStatement("SELECT t.id, s.entity_id, r.entity_id FROM transfer t"
                + CurrentEntities.joinParties("t", "s", "r", true) + since + " ORDER BY t.id")) {
            ps.setFetchSize(10_000);
            ps.setLong(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (id > last) {
                        added++;
                        continue;
                    }
                    int row = Arrays.binarySearch(transferIds, 0, size, id);
                    if (row < 0) return false; // resolved after transfers stored later than it: read in order again
                    built.clear();
                    builder.reassign(row, rs.getString(2), rs.getString(3));
                    if (++moved > size / 2) return false;
                }
            }
        }
        if (added > 0) {
            built.clear();
            TransferFacts.streamWhere(c, since + " AND t.id > ?", new Object[] {run, last}, this::append);
        }
        lastRead = moved + " transfers with entities changed, " + added + " newly resolved (of " + size + ")";
        return true;
    }

    /** Whether more than {@code limit} membership rows were written since {@code run}, counted no further (an index). */
    private static boolean rewritten(Connection c, long run, long limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM entity_member WHERE run_id > ? "
                + "LIMIT ?) x")) {
            ps.setLong(1, run);
            ps.setLong(2, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > limit;
            }
        }
    }

    private void append(ResultSet rs) throws SQLException {
        TransferFacts.add(builder, rs);
        if (size == transferIds.length) transferIds = Arrays.copyOf(transferIds, Math.max(1024, size * 2));
        transferIds[size++] = rs.getLong(LAST);
    }
}
