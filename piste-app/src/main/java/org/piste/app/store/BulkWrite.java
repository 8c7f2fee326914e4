package org.piste.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writing many rows into a table without its secondary indexes, built again once before the transaction commits, as a
 * restore does: building an index once costs far less than updating it row by row (at 1M transfers the search indexes
 * took half the import). Unique indexes and keys stay (they decide what is a duplicate). The definitions are read from
 * the catalogue, so they stay the migrations'.
 *
 * <p>Dropping an index locks its table until the transaction ends: readers wait for a bulk write, so it is kept for a
 * full resolution's rewrite and an import asked to be a bulk load, in a transaction (autocommit off).
 */
public final class BulkWrite {
    /** Memory for each index build: a trigram index over millions of names builds without spilling much. */
    static final String BUILD_MEMORY = "256MB";

    /**
     * The table is taken without waiting (a writer that never waits for a lock is in no deadlock), tried this many times
     * {@link #PAUSE_MILLIS} apart; when readers keep it, the write keeps its indexes: slower, never lost.
     */
    static final int ATTEMPTS = 25;
    static final long PAUSE_MILLIS = 200;
    /** The table held by a reader, or the role not its owner (an external server): the write keeps the indexes. */
    private static final java.util.Set<String> KEEP_INDEXES = java.util.Set.of("55P03", "42501");

    private BulkWrite() {}

    /**
     * Drops the table's secondary indexes, in the caller's transaction (none in autocommit); the statements that build
     * them again. Foreign keys stay: dropping one would lock the table it refers to as well (the transfers, which every
     * page reads).
     */
    public static List<String> setAside(Connection c, String table) throws SQLException {
        List<String> restore = new ArrayList<>(), drop = new ArrayList<>();
        String name = table;
        try (PreparedStatement ps = c.prepareStatement("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), "
                + "i.indrelid::regclass::text "
                + "FROM pg_index i WHERE i.indrelid = ?::regclass AND NOT i.indisunique AND NOT i.indisprimary "
                + "AND NOT i.indisexclusion ORDER BY 1")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drop.add("DROP INDEX " + rs.getString(1));
                    restore.add(rs.getString(2));
                    name = rs.getString(3);
                }
            }
        }
        if (drop.isEmpty() || c.getAutoCommit()) return List.of(); // outside a transaction a drop would outlive a failure
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Savepoint before = c.setSavepoint();
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE " + name + " IN ACCESS EXCLUSIVE MODE NOWAIT");
                for (String statement : drop) s.execute(statement);
                c.releaseSavepoint(before);
                return restore;
            } catch (SQLException e) {
                if (!KEEP_INDEXES.contains(e.getSQLState())) throw e;
                c.rollback(before);
                if (!"55P03".equals(e.getSQLState())) return List.of();
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.of();
    }

    /** Builds the indexes set aside, in the caller's transaction. */
    public static void rebuild(Connection c, List<String> definitions) throws SQLException {
        if (definitions.isEmpty()) return;
        try (PreparedStatement memory = c.prepareStatement("SELECT set_config('maintenance_work_mem', ?, true)")) {
            memory.setString(1, BUILD_MEMORY);
            memory.execute();
        }
        try (Statement s = c.createStatement()) {
            for (String statement : definitions) s.execute(statement);
        }
    }
}
