package org.piste.app.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.piste.ingest.ImportException;
import org.piste.ingest.Importer;
import org.piste.model.RowCounts;

/**
 * A file that turns out to be unreadable midway stores nothing, although thousands of its rows had already
 * been streamed to PostgreSQL with COPY; once fixed, it imports normally.
 */
class ImportAtomicityTest extends ImportTestBase {
    private static final int ROWS_BEFORE_PROBLEM = 6_000;
    private static final int ROWS_AFTER_PROBLEM = 50;
    private static final int BAD_CURRENCY_EVERY = 500;

    /** A canonical (UTF-8) record; every BAD_CURRENCY_EVERY-th is quarantined, so rejections are pending too. */
    private static String row(int i) {
        String currency = i % BAD_CURRENCY_EVERY == 0 ? "ZZZ" : "EUR";
        return "R-%06d,2024-01-15T23:30:00+01:00,12.50,%s,Oriane FICTIVAL,Lorna TESTADO,Aide familiale é\n"
                .formatted(i, currency);
    }

    /** Thousands of good rows, then {@code problem} (bytes) as one more record, then more good rows. */
    private Path canonicalFile(String name, byte[] problem) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("reference,send_datetime,sent_amount,sent_currency,sender_full_name,recipient_full_name,purpose\n"
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i <= ROWS_BEFORE_PROBLEM; i++) out.writeBytes(row(i).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(problem);
        for (int i = ROWS_BEFORE_PROBLEM + 2; i <= ROWS_BEFORE_PROBLEM + 1 + ROWS_AFTER_PROBLEM; i++) {
            out.writeBytes(row(i).getBytes(StandardCharsets.UTF_8));
        }
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private static byte[] recordWithPurpose(byte[] purpose) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("R-BAD,2024-01-15T23:30:00+01:00,12.50,EUR,Oriane FICTIVAL,Lorna TESTADO,".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(purpose);
        out.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private ImportRequest request(Path file) {
        return ImportRequest.of(file, "canonical").withProvider("OPERATEUR-FICTIF").withLegalReference("REQ-ATOM-1");
    }

    /** Watches, from another connection, how many rows the importing COPY had sent when progress was reported. */
    private final class CopyWatcher implements Importer.Progress {
        final AtomicLong rowsReadAtFirstReport = new AtomicLong(-1);
        final AtomicLong rowsCopiedAtFirstReport = new AtomicLong(-1);

        @Override
        public void update(long bytesRead, long totalBytes, long rowsRead) {
            if (rowsReadAtFirstReport.get() >= 0 || bytesRead >= totalBytes) return;
            rowsReadAtFirstReport.set(rowsRead);
            // The importer waits here while the server works through what was already sent: on a loaded machine
            // the server lags the client, so look again for a while before taking the count.
            long deadline = System.nanoTime() + 10_000_000_000L;
            long copied;
            do {
                var progress = stored.query("SELECT coalesce(sum(tuples_processed), 0) AS n FROM pg_stat_progress_copy "
                        + "WHERE relid = 'transfer'::regclass");
                copied = ((Number) progress.get(0).get("n")).longValue();
            } while (copied <= 1_000 && System.nanoTime() < deadline && pause());
            rowsCopiedAtFirstReport.set(copied);
        }

        private static boolean pause() {
            try {
                Thread.sleep(50);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void assertFailsAndStoresNothing(Path file, String messagePart) {
        CopyWatcher watcher = new CopyWatcher();

        assertThatThrownBy(() -> service.importFile(request(file), watcher))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining(messagePart);

        assertThat(watcher.rowsReadAtFirstReport.get()).as("rows read before the failure").isGreaterThanOrEqualTo(4_000);
        assertThat(watcher.rowsCopiedAtFirstReport.get()).as("rows already streamed by COPY before the failure")
                .isGreaterThan(1_000);
        assertThat(stored.tableCounts()).as("source_file, transfer, row_rejection").containsExactly(0L, 0L, 0L);
    }

    private void assertFixedFileImports(Path fixed) {
        var outcome = service.importFile(request(fixed), Importer.Progress.NONE);

        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
        long read = ROWS_BEFORE_PROBLEM + 1 + ROWS_AFTER_PROBLEM;
        long quarantined = read / BAD_CURRENCY_EVERY;
        assertThat(((ImportOutcome.Imported) outcome).result().counts())
                .isEqualTo(new RowCounts(read, read - quarantined, quarantined, 0));
        assertThat(stored.tableCounts()).containsExactly(1L, read - quarantined, quarantined);
    }

    @Test
    void invalidUtf8MidwayRollsEverythingBack() throws IOException {
        Path broken = canonicalFile("broken.csv", recordWithPurpose(new byte[] {'A', (byte) 0xC3, (byte) 0x28, 'B'}));

        assertFailsAndStoresNothing(broken, "not valid UTF-8");

        assertFixedFileImports(canonicalFile("fixed.csv", recordWithPurpose("A\u00e9B".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void replacementCharacterMidwayRollsEverythingBack() throws IOException {
        Path broken = canonicalFile("converted.csv", recordWithPurpose("A\uFFFDB".getBytes(StandardCharsets.UTF_8)));

        assertFailsAndStoresNothing(broken, "U+FFFD");

        assertFixedFileImports(canonicalFile("original.csv", recordWithPurpose("A\u00e9B".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void fileThatFailedCanBeImportedOnceFixedUnderTheSameName() throws IOException {
        Path file = canonicalFile("export.csv", recordWithPurpose("A\uFFFDB".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> service.importFile(request(file), Importer.Progress.NONE))
                .isInstanceOf(ImportException.class);

        assertFixedFileImports(canonicalFile("export.csv", recordWithPurpose("AeB".getBytes(StandardCharsets.UTF_8))));
    }
}
