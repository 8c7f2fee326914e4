package org.piste.app.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.app.SimExportParts.importFile;
import static org.piste.app.SimExportParts.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.SimExportParts;
import org.piste.app.TestDatabases;
import org.piste.app.imports.ImportOutcome;
import org.piste.app.imports.ImportRequest;
import org.piste.app.imports.ImportService;
import org.piste.app.pipeline.Refresh;
import org.piste.app.resolve.ResolutionService.Mode;
import org.piste.app.screen.ScreeningService;
import org.piste.app.store.Database;
import org.piste.ingest.Importer;

/**
 * An incremental run reads only the transfers above the mark its predecessor left, so the mark must never pass a
 * transfer that was not read: an import still storing when a run reads has taken ids below those of an import
 * committed after it. Then the run leaves no mark, and the next one looks for unresolved transfers among all.
 */
class ResolvedThroughTest {
    @TempDir static Path dir;

    @Test
    void anImportStillStoringWhenARunReadsIsResolvedByTheNextRun() throws Exception {
        SimExportParts parts = SimExportParts.of(dir, 150);
        List<String> lines = Files.readAllLines(parts.third(), StandardCharsets.ISO_8859_1);
        int half = lines.size() / 2;
        Path early = write("early.csv", lines.get(0), lines.subList(1, half)), late = write("late.csv", lines.get(0),
                lines.subList(half, lines.size()));
        Database db = TestDatabases.fresh();
        importFile(db, parts.first());
        new ResolutionService(db).run(Mode.FULL).orElseThrow();
        assertThat(mark(db)).as("a full run leaves no mark").containsExactly((String) null);
        importFile(db, parts.second());
        assertThat(new ResolutionService(db).run(Mode.INCREMENTAL).orElseThrow().note()).contains("around them");
        assertThat(mark(db)).as("every transfer read: marked through the highest").isEqualTo(query(db, "SELECT max(id) FROM transfer"));

        // The early import takes its ids, then waits before committing; the late one commits with higher ids meanwhile.
        CountDownLatch stored = new CountDownLatch(1), release = new CountDownLatch(1);
        CompletableFuture<ImportOutcome> slow = CompletableFuture.supplyAsync(() -> new ImportService(db).importFile(
                ImportRequest.of(early, "fr-operator").withProvider("MTO-FICTIF"), Importer.Progress.NONE, (c, id, sha, r) -> {
                    stored.countDown();
                    await(release);
                }));
        assertThat(stored.await(60, TimeUnit.SECONDS)).isTrue();
        importFile(db, late);
        new ResolutionService(db).run(Mode.INCREMENTAL).orElseThrow();
        assertThat(mark(db)).as("an import was half-stored as the run read: no mark").containsExactly((String) null);
        release.countDown();
        assertThat(slow.get(60, TimeUnit.SECONDS)).isInstanceOf(ImportOutcome.Imported.class);

        new ResolutionService(db).run(Mode.INCREMENTAL).orElseThrow();
        assertThat(unresolved(db)).as("the early import's transfers are resolved").containsExactly("0");
        assertThat(mark(db)).isEqualTo(query(db, "SELECT max(id) FROM transfer"));
    }

    /** The screening kept in memory meets transfers resolved below those it holds: it reads everything again. */
    @Test
    void transfersResolvedOutOfStoredOrderAreScreenedFromEverythingReadAgain() throws Exception {
        SimExportParts parts = SimExportParts.of(dir.resolve("order"), 150);
        Database db = TestDatabases.fresh();
        importFile(db, parts.first());
        assertThat(Refresh.afterChange(db).screening()).isPresent();
        CountDownLatch stored = new CountDownLatch(1), release = new CountDownLatch(1);
        CompletableFuture<ImportOutcome> slow = CompletableFuture.supplyAsync(() -> new ImportService(db).importFile(
                ImportRequest.of(parts.second(), "fr-operator").withProvider("MTO-FICTIF"), Importer.Progress.NONE,
                (c, id, sha, r) -> {
                    stored.countDown();
                    await(release);
                }));
        assertThat(stored.await(60, TimeUnit.SECONDS)).isTrue();
        importFile(db, parts.third());
        assertThat(Refresh.afterChange(db).screening().orElseThrow().transfersRead()).contains("newly resolved");
        release.countDown();
        slow.get(60, TimeUnit.SECONDS);
        ScreeningService.Run run = Refresh.afterChange(db).screening().orElseThrow();
        assertThat(run.transfersRead()).startsWith("every transfer read");
        assertThat(run.transfers()).isEqualTo(Long.parseLong(query(db, "SELECT count(*) FROM transfer").get(0)));
    }

    /** A mark another run left (an older version moves only the index's run), or one below resolved transfers, is not trusted. */
    @Test
    void aMarkNotLeftByTheIndexedRunOrBelowResolvedTransfersIsNotTrusted() throws Exception {
        SimExportParts parts = SimExportParts.of(dir.resolve("stale"), 150);
        Database db = TestDatabases.fresh();
        importFile(db, parts.first());
        new ResolutionService(db).run(Mode.FULL).orElseThrow();
        importFile(db, parts.second());
        new ResolutionService(db).run(Mode.INCREMENTAL).orElseThrow();
        execute(db, "UPDATE resolution_index SET resolved_through = 1000000000, resolved_through_run = -1");
        importFile(db, parts.third());
        new ResolutionService(db).run(Mode.INCREMENTAL).orElseThrow();
        assertThat(unresolved(db)).as("another run's mark ignored").containsExactly("0");

        execute(db, "UPDATE resolution_index SET resolved_through = 1"); // as a tool storing transfers without the lock
        long before = Long.parseLong(query(db, "SELECT count(*) FROM transfer").get(0));
        importFile(db, SimExportParts.of(dir.resolve("more"), 100, 8).third()); // another seed: other references
        long more = Long.parseLong(query(db, "SELECT count(*) FROM transfer").get(0)) - before;
        assertThat(new ResolutionService(db).run(Mode.INCREMENTAL).orElseThrow().newRecords()).as("only the new ones are new")
                .isEqualTo(2 * more).isPositive();
        assertThat(unresolved(db)).containsExactly("0");
    }

    private static List<String> unresolved(Database db) throws SQLException {
        return query(db, "SELECT count(*) FROM transfer t WHERE NOT EXISTS (SELECT 1 FROM entity_member m "
                + "WHERE m.transfer_id = t.id)");
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> mark(Database db) throws SQLException {
        return query(db, "SELECT resolved_through FROM resolution_index");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path write(String name, String header, List<String> rows) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.ISO_8859_1);
        return file;
    }
}
