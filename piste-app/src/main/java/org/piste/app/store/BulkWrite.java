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
     * A table taken for a bulk write: the index definitions to build again, and whether the table is held exclusively
     * (then {@link #truncate} truncates it, and rows copied in after may be frozen: {@link #copyOptions}).
     */
    public record SetAside(String table, boolean exclusive, List<String> indexes) {
        public SetAside {
            indexes = List.copyOf(indexes);
        }

        static SetAside kept(String table) {
            return new SetAside(table, false, List.of());
        }

        /**
         * For the COPYs after {@link #truncate}: a table truncated in this transaction takes its rows frozen, visible to
         * all at once (index-only reads without waiting for a vacuum, and no later pass to freeze them).
         */
        public String copyOptions() {
            return exclusive ? " WITH (FREEZE)" : "";
        }
    }

    /**
     * Removes every row: a truncation when the table is held (no dead rows left in it or in the indexes built after), a
     * delete otherwise. Only for a table no other transaction reads under an older snapshot: a truncation is not
     * MVCC-safe (such a reader would find the table empty, or the frozen rows of the new run), so the membership and
     * the links, which pages read under one snapshot, are deleted instead.
     */
    public static void truncate(Connection c, SetAside table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute((table.exclusive() ? "TRUNCATE " : "DELETE FROM ") + table.table());
        }
    }

    /**
     * Drops the table's secondary indexes, in the caller's transaction (none in autocommit); the statements that build
     * them again. Foreign keys stay: dropping one would lock the table it refers to as well (the transfers, which every
     * page reads).
     */
    public static SetAside setAside(Connection c, String table) throws SQLException {
        List<String> restore = new ArrayList<>(), drop = new ArrayList<>();
        String name;
        try (PreparedStatement ps = c.prepareStatement("SELECT ?::regclass::text")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                name = rs.getString(1);
            }
        }
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
        if (c.getAutoCommit()) return SetAside.kept(name); // outside a transaction a drop would outlive a failure
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Savepoint before = c.setSavepoint();
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE " + name + " IN ACCESS EXCLUSIVE MODE NOWAIT");
                for (String statement : drop) s.execute(statement);
                c.releaseSavepoint(before);
                return new SetAside(name, mayTruncate(c, name), restore);
            } catch (SQLException e) {
                if (!KEEP_INDEXES.contains(e.getSQLState())) throw e;
                c.rollback(before);
                if (!"55P03".equals(e.getSQLState())) return SetAside.kept(name);
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return SetAside.kept(name);
    }

    /** Dropping an index proved ownership; a table without one may still not be the role's to truncate. */
    private static boolean mayTruncate(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT has_table_privilege(?, 'TRUNCATE')")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Builds the indexes set aside, in the caller's transaction. */
    public static void rebuild(Connection c, List<SetAside> tables) throws SQLException {
        List<String> definitions = tables.stream().flatMap(t -> t.indexes().stream()).toList();
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
