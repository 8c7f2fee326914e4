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
 * <p>Dropping an index locks its table until the transaction ends: readers wait for a bulk write, so it is kept for
 * writes that rewrite a table or at least double it, in a transaction (autocommit off).
 */
public final class BulkWrite {
    /** Memory for each index build: a trigram index over millions of names builds without spilling much. */
    static final String BUILD_MEMORY = "256MB";

    /**
     * How long dropping an index waits for the table's readers (new readers queue behind it meanwhile). A reader that
     * keeps it longer, or a deadlock with one, makes the write keep its indexes: slower, never lost.
     */
    static final String LOCK_WAIT = "5s";
    private static final String LOCK_NOT_AVAILABLE = "55P03", DEADLOCK = "40P01";

    private BulkWrite() {}

    /**
     * Whether writing {@code bytes} would at least double the table (its size on disk): a first load, a years-long
     * export, worth {@link #setAside}.
     */
    public static boolean doubles(Connection c, String table, long bytes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_table_size(?::regclass)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return bytes >= rs.getLong(1);
            }
        }
    }

    /**
     * Drops the table's secondary indexes, in the caller's transaction (none in autocommit); the statements that build
     * them again. Foreign keys stay: dropping one would
     * lock the table it refers to as well (the transfers, which every page reads).
     */
    public static List<String> setAside(Connection c, String table) throws SQLException {
        List<String> restore = new ArrayList<>(), drop = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
                + "FROM pg_index i WHERE i.indrelid = ?::regclass AND NOT i.indisunique AND NOT i.indisprimary "
                + "AND NOT i.indisexclusion ORDER BY 1")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drop.add("DROP INDEX " + rs.getString(1));
                    restore.add(rs.getString(2));
                }
            }
        }
        if (drop.isEmpty() || c.getAutoCommit()) return List.of(); // outside a transaction a drop would outlive a failure
        Savepoint before = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            String timeout = setting(c, "lock_timeout", LOCK_WAIT);
            for (String statement : drop) s.execute(statement);
            setting(c, "lock_timeout", timeout);
            c.releaseSavepoint(before);
            return restore;
        } catch (SQLException e) {
            if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState()) && !DEADLOCK.equals(e.getSQLState())) throw e;
            c.rollback(before); // readers held the table: write with the indexes in place, as a small write does
            return List.of();
        }
    }

    /** Sets a setting for the rest of the transaction; its value before. */
    private static String setting(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_setting(?), set_config(?, ?, true)")) {
            ps.setString(1, name);
            ps.setString(2, name);
            ps.setString(3, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
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
