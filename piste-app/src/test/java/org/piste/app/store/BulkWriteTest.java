package org.piste.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.app.SimExportParts.query;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.SimExportParts;
import org.piste.app.TestDatabases;
import org.piste.app.resolve.ResolutionService;

/**
 * Secondary indexes set aside for a bulk write come back as the migrations define them; a write that cannot take its
 * table (a reader holds it, or there is no transaction to undo a drop) keeps them.
 */
class BulkWriteTest {
    @TempDir Path dir;

    private static final String INDEXES = "SELECT indrelid::regclass || ' ' || pg_get_indexdef(indexrelid) FROM pg_index "
            + "WHERE indrelid::regclass::text IN ('entity_member', 'entity_link', 'link_record', 'entity_block_key', 'transfer') "
            + "ORDER BY 1";

    @Test
    void aRewriteDropsTheSecondaryIndexesAndBuildsThemAgain() throws SQLException {
        Database db = TestDatabases.fresh();
        List<String> migrated = query(db, INDEXES);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            BulkWrite.SetAside setAside = BulkWrite.setAside(c, "entity_member");
            assertThat(setAside.exclusive()).isTrue();
            assertThat(setAside.indexes()).as("entity, transfer and run indexes; not the key").hasSize(3)
                    .allMatch(d -> d.startsWith("CREATE INDEX entity_member_"));
            assertThat(count(c, "SELECT count(*) FROM pg_index WHERE indrelid = 'entity_member'::regclass")).isEqualTo(1);
            BulkWrite.rebuild(c, List.of(setAside));
            c.commit();
        }
        assertThat(query(db, INDEXES)).isEqualTo(migrated);
    }

    @Test
    void aFullResolutionLeavesEveryIndexAsTheMigrationsDefineIt() throws SQLException, IOException {
        Database db = TestDatabases.fresh();
        List<String> migrated = query(db, INDEXES);
        SimExportParts.importFile(db, SimExportParts.of(dir, 40).first());
        new ResolutionService(db).run(ResolutionService.Mode.FULL).orElseThrow();
        assertThat(query(db, INDEXES)).isEqualTo(migrated);
    }

    @Test
    void aReaderHoldingTheTableMakesTheWriteKeepItsIndexes() throws SQLException {
        Database db = TestDatabases.fresh();
        List<String> migrated = query(db, INDEXES);
        try (Connection reader = db.connect(); Connection writer = db.connect()) {
            reader.setAutoCommit(false);
            count(reader, "SELECT count(*) FROM entity_block_key"); // holds the table until it ends
            writer.setAutoCommit(false);
            count(writer, "SELECT count(*) FROM resolution_run"); // the writer's transaction has begun
            BulkWrite.SetAside kept = BulkWrite.setAside(writer, "entity_block_key");
            assertThat(kept.indexes()).isEmpty();
            assertThat(kept.exclusive()).isFalse();
            assertThat(kept.copyOptions()).as("rows copied into a table not truncated cannot be frozen").isEmpty();
            long file = count(writer, RELFILENODE);
            BulkWrite.truncate(writer, kept);
            assertThat(count(writer, RELFILENODE)).as("deleted, not truncated: the reader keeps its snapshot").isEqualTo(file);
            assertThat(count(writer, "SELECT count(*) FROM pg_index WHERE indrelid = 'entity_block_key'::regclass"))
                    .as("the transaction goes on, its indexes in place").isEqualTo(2);
            assertThat(count(writer, "SELECT count(*) FROM pg_settings WHERE name = 'lock_timeout' AND setting = '0'"))
                    .as("waits as before for what follows").isEqualTo(1);
            writer.commit();
            reader.commit();
        }
        assertThat(query(db, INDEXES)).isEqualTo(migrated);
    }

    @Test
    void outsideATransactionNothingIsDropped() throws SQLException {
        Database db = TestDatabases.fresh();
        List<String> migrated = query(db, INDEXES);
        try (Connection c = db.connect()) {
            BulkWrite.SetAside kept = BulkWrite.setAside(c, "transfer");
            assertThat(kept.indexes()).isEmpty();
            assertThat(kept.exclusive()).isFalse();
        }
        assertThat(query(db, INDEXES)).isEqualTo(migrated);
    }

    private static final String RELFILENODE = "SELECT relfilenode FROM pg_class WHERE oid = 'entity_block_key'::regclass";

    @Test
    void aHeldTableIsTruncatedAndTakesItsRowsFrozen() throws SQLException {
        Database db = TestDatabases.fresh();
        try (Connection c = db.connect(); Connection older = db.connect()) {
            older.setAutoCommit(false);
            older.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            count(older, "SELECT count(*) FROM resolution_run"); // its snapshot is taken before the rows are written
            c.setAutoCommit(false);
            BulkWrite.SetAside held = BulkWrite.setAside(c, "entity_block_key");
            assertThat(held.exclusive()).isTrue();
            long file = count(c, RELFILENODE);
            BulkWrite.truncate(c, held);
            assertThat(count(c, RELFILENODE)).as("a new, empty file: no dead rows").isNotEqualTo(file);
            CopyText.copyIn(c.unwrap(org.postgresql.PGConnection.class).getCopyAPI(),
                    "entity_block_key (key, name, entity_id, records)", new StringBuilder("7\tANA\tS:1\t1\n"),
                    held.copyOptions());
            BulkWrite.rebuild(c, List.of(held));
            c.commit();
            assertThat(count(older, "SELECT count(*) FROM entity_block_key"))
                    .as("frozen: visible even to a snapshot older than the write").isEqualTo(1);
            older.commit();
        }
    }

    /** After a full run, a block is read from the index alone: the entity is in it, and the pages are all visible. */
    @Test
    void aFullResolutionLeavesTheNeighbourhoodReadableFromItsIndexAlone() throws SQLException, IOException {
        Database db = TestDatabases.fresh();
        SimExportParts.importFile(db, SimExportParts.of(dir, 40).first());
        new ResolutionService(db).run(ResolutionService.Mode.FULL).orElseThrow();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            s.execute("SET enable_bitmapscan = off");
            try (var rs = s.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) SELECT key, name, entity_id, records FROM "
                    + "entity_block_key WHERE key = ANY(ARRAY(SELECT key FROM entity_block_key LIMIT 5)) ORDER BY key, name")) {
                rs.next();
                String plan = rs.getString(1);
                assertThat(plan).contains("\"Node Type\": \"Index Only Scan\"").contains("\"Heap Fetches\": 0")
                        .doesNotContain("\"Node Type\": \"Index Scan\"");
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
