package org.piste.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.app.SimExportParts.importFile;
import static org.piste.app.SimExportParts.query;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.SimExportParts;
import org.piste.app.TestDatabases;
import org.piste.app.alerts.AlertDecisions;
import org.piste.app.pipeline.Refresh;
import org.piste.app.resolve.DecisionStore;
import org.piste.app.resolve.ResolutionService;
import org.piste.app.store.Database;
import org.piste.model.Side;
import org.piste.resolve.Decision;
import org.piste.screen.Columns;
import org.piste.screen.RuleSet;
import org.piste.screen.Screener;
import org.piste.screen.ScreeningResult;

/**
 * The transfers kept in memory between refreshes must screen exactly as reading every stored transfer again does,
 * after an import (newly resolved transfers appended), after a decision (entities merged and split: rows given other
 * entities) and after a full resolution (everything read again); and the refresh must really have read only the change.
 */
class ResidentTransfersTest {
    @TempDir static Path dir;
    static SimExportParts parts;

    @BeforeAll
    static void exports() throws IOException {
        parts = SimExportParts.of(dir, 200);
    }

    @Test
    void keptTransfersScreenAsEveryTransferReadAgain() throws SQLException {
        Database db = TestDatabases.fresh();
        importFile(db, parts.first());
        assertThat(refresh(db)).startsWith("every transfer read");
        assertSameAsReadAgain(db);

        importFile(db, parts.second());
        assertThat(refresh(db)).as("only the new export was read").matches("\\d+ transfers with entities changed, "
                + "[1-9]\\d* newly resolved \\(of \\d+\\)");
        assertSameAsReadAgain(db);

        // Two multi-record entities ruled one person, and one record of the second ruled another: rows change entities.
        List<String> multi = query(db, "SELECT entity_id FROM entity_member GROUP BY entity_id HAVING count(*) > 3 "
                + "ORDER BY entity_id LIMIT 2");
        List<String> split = query(db, "SELECT record_id FROM entity_member WHERE entity_id = '" + multi.get(1)
                + "' AND record_id <> entity_id ORDER BY record_id LIMIT 1");
        try (Connection c = db.connect()) {
            DecisionStore.add(c, multi.get(0), multi.get(1), Decision.Kind.SAME, "test", "");
            DecisionStore.add(c, multi.get(1), split.get(0), Decision.Kind.NOT_SAME, "test", "");
        }
        importFile(db, parts.third());
        assertThat(refresh(db)).matches("[1-9]\\d* transfers with entities changed, [1-9]\\d* newly resolved.*");
        assertSameAsReadAgain(db);

        new ResolutionService(db).run(ResolutionService.Mode.FULL).orElseThrow();
        assertThat(Refresh.screen(db, Optional.empty(), Optional.empty(), RuleSet.builtIn()).transfersRead()).as("a full run rewrote every row: read again").startsWith("every transfer read");
        assertSameAsReadAgain(db);
    }

    /**
     * An alert decision changes the seeds, not the transfers: its refresh screens the columns built last, and they must
     * screen as a fresh read does after a screening with other seeds; any change of entities or new transfer builds them
     * again.
     */
    @Test
    void columnsAreBuiltAgainOnlyWhenTheTransfersChanged() throws SQLException {
        Database db = TestDatabases.fresh();
        importFile(db, parts.first());
        refresh(db);
        Columns first = kept(db);
        assertThat(kept(db)).as("nothing changed: the same columns").isSameAs(first);

        String top = query(db, "SELECT entity_id FROM score_row WHERE side = 'SENDER' ORDER BY run_id DESC, position LIMIT 1")
                .get(0);
        try (Connection c = db.connect()) {
            AlertDecisions.add(c, top, Side.SENDER, AlertDecisions.Kind.CONFIRM, "", "test");
        }
        assertThat(refresh(db)).isEqualTo("0 transfers with entities changed, 0 newly resolved (of " + first.transfers() + ")");
        assertThat(kept(db)).as("screened again with a seed, the same columns").isSameAs(first);
        assertSameAsReadAgain(db);

        List<String> multi = query(db, "SELECT entity_id FROM entity_member GROUP BY entity_id HAVING count(*) > 3 "
                + "ORDER BY entity_id LIMIT 2");
        try (Connection c = db.connect()) {
            DecisionStore.add(c, multi.get(0), multi.get(1), Decision.Kind.SAME, "test", "");
        }
        assertThat(refresh(db)).as("a ruling, no import").matches("[1-9]\\d* transfers with entities changed, 0 newly resolved.*");
        Columns ruled = kept(db);
        assertThat(ruled).isNotSameAs(first);
        assertSameAsReadAgain(db);

        importFile(db, parts.second());
        refresh(db);
        assertThat(kept(db)).isNotSameAs(ruled);
        assertSameAsReadAgain(db);
    }

    private static Columns kept(Database db) throws SQLException {
        try (Connection c = db.connect()) {
            return ResidentTransfers.of(db).read(c).columns();
        }
    }

    /** The same database seen through another object (a copy restored, a test's fresh database) is read whole. */
    @Test
    void aRunNotSeenBeforeIsReadWhole() throws SQLException {
        Database db = TestDatabases.fresh();
        importFile(db, parts.first());
        refresh(db);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE resolution_run SET started_at = started_at - interval '1 day'"); // as another database's run
        }
        importFile(db, parts.second());
        assertThat(refresh(db)).startsWith("every transfer read");
        assertSameAsReadAgain(db);
    }

    private static void assertSameAsReadAgain(Database db) throws SQLException {
        Screener screener = new Screener(RuleSet.builtIn());
        try (Connection c = db.connect()) {
            Columns kept = ResidentTransfers.of(db).read(c).columns(), again = TransferFacts.read(c, Optional.empty(), Optional.empty());
            assertThat(kept.transfers()).isEqualTo(again.transfers()).isPositive();
            ScreeningResult a = screener.screen(kept, Set.of()), b = screener.screen(again, Set.of());
            assertThat(a.senders()).isEqualTo(b.senders());
            assertThat(a.recipients()).isEqualTo(b.recipients());
        }
    }

    /** How the refresh's screening read the transfers. */
    private static String refresh(Database db) {
        Refresh.Outcome o = Refresh.afterChange(db);
        assertThat(o.warning()).isEmpty();
        return o.screening().orElseThrow().transfersRead();
    }
}
