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
import org.piste.app.resolve.ResolutionService.Mode;
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
        assertThat(query(db, "SELECT count(*) FROM transfer t WHERE NOT EXISTS (SELECT 1 FROM entity_member m "
                + "WHERE m.transfer_id = t.id)")).as("the early import's transfers are resolved").containsExactly("0");
        assertThat(mark(db)).isEqualTo(query(db, "SELECT max(id) FROM transfer"));
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
