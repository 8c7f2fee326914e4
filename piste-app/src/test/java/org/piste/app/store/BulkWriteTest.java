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
            List<String> setAside = BulkWrite.setAside(c, "entity_member");
            assertThat(setAside).as("entity, transfer and run indexes; not the key").hasSize(3)
                    .allMatch(d -> d.startsWith("CREATE INDEX entity_member_"));
            assertThat(count(c, "SELECT count(*) FROM pg_index WHERE indrelid = 'entity_member'::regclass")).isEqualTo(1);
            BulkWrite.rebuild(c, setAside);
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
            assertThat(BulkWrite.setAside(writer, "entity_block_key")).isEmpty();
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
            assertThat(BulkWrite.setAside(c, "transfer")).isEmpty();
        }
        assertThat(query(db, INDEXES)).isEqualTo(migrated);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
