package org.piste.app.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.piste.app.StoredRows;
import org.piste.ingest.FrOperatorFile;
import org.piste.ingest.Importer;
import org.piste.ingest.RejectReason;
import org.piste.model.RowCounts;

/** A file with good rows, bad rows of every kind and an in-file duplicate, imported into a real PostgreSQL. */
class ImportServiceTest extends ImportTestBase {
    /** Expected reason by line for every record that is not accepted. */
    private final Map<Long, RejectReason> expectedRejections = new TreeMap<>();
    /** Expected reference by line for every accepted record. */
    private final Map<Long, String> expectedTransfers = new TreeMap<>();
    private long duplicatedLine;
    private long duplicateLine;
    private FrOperatorFile export;
    private Path file;

    @BeforeEach
    void setUp() {
        export = new FrOperatorFile();
        duplicatedLine = good("7100000001", Map.of());
        bad(RejectReason.UNPARSEABLE_DATE, FrOperatorFile.transfer("7100000002", Map.of("Date envoi", "31/02/2024")));
        good("7100000003", Map.of());
        bad(RejectReason.NEGATIVE_AMOUNT, FrOperatorFile.transfer("7100000004", Map.of("Montant envoyé", "-25,00")));
        bad(RejectReason.UNKNOWN_CURRENCY, FrOperatorFile.transfer("7100000005", Map.of("Devise envoi", "EUX")));
        List<String> truncated = FrOperatorFile.HEADER.subList(0, 12).stream()
                .map(FrOperatorFile.transfer("7100000006")::get).toList();
        expectedRejections.put(export.raw(FrOperatorFile.join(truncated)).lastLine(), RejectReason.WRONG_COLUMN_COUNT);
        expectedRejections.put(export.raw("").lastLine(), RejectReason.EMPTY_LINE);
        good("7100000008", Map.of("Adresse expéditeur", "Bâtiment B\nEscalier 4")); // spans two lines
        bad(RejectReason.UNKNOWN_CODE, FrOperatorFile.transfer("7100000010", Map.of("Statut", "EGARE")));
        bad(RejectReason.MISSING_VALUE, FrOperatorFile.transfer("", Map.of()));
        bad(RejectReason.NONEXISTENT_LOCAL_TIME,
                FrOperatorFile.transfer("7100000012", Map.of("Date envoi", "31/03/2024", "Heure envoi", "02:30")));
        duplicateLine = export.row(FrOperatorFile.transfer("7100000001", Map.of("Montant envoyé", "99,00"))).lastLine();
        expectedRejections.put(duplicateLine, RejectReason.DUPLICATE_REFERENCE);
        good("7100000014", Map.of());
        file = export.write(dir.resolve("export-janvier.csv"));
    }

    private long good(String mtcn, Map<String, String> changes) {
        long line = export.row(FrOperatorFile.transfer(mtcn, changes)).lastLine();
        expectedTransfers.put(line, mtcn);
        return line;
    }

    private void bad(RejectReason reason, Map<String, String> row) {
        expectedRejections.put(export.row(row).lastLine(), reason);
    }

    private ImportRequest request() {
        return new ImportRequest(file, "fr-operator", "OPERATEUR-FICTIF", "REQ-2024-0042",
                Optional.of(LocalDate.of(2024, 2, 1)), Optional.empty(), false);
    }

    @Test
    void storedCountsReconcileWithTheRowsOfTheFile() {
        var outcome = service.importFile(request(), Importer.Progress.NONE);

        var imported = assertThat(outcome).asInstanceOf(type(ImportOutcome.Imported.class)).actual();
        RowCounts expected = new RowCounts(13, 4, 8, 1);
        assertThat(imported.result().counts()).isEqualTo(expected);
        assertThat(imported.source().file().counts()).isEqualTo(expected);

        var source = stored.query("SELECT * FROM source_file").get(0);
        assertThat(source).containsEntry("rows_read", 13L).containsEntry("rows_accepted", 4L)
                .containsEntry("rows_quarantined", 8L).containsEntry("rows_duplicate", 1L)
                .containsEntry("sha256", StoredRows.sha256(file)).containsEntry("original_name", "export-janvier.csv")
                .containsEntry("provider", "OPERATEUR-FICTIF").containsEntry("legal_reference", "REQ-2024-0042")
                .containsEntry("profile", "fr-operator");
        assertThat(source.get("received_on").toString()).isEqualTo("2024-02-01");
        assertThat(stored.count("transfer")).isEqualTo(4);
        assertThat(stored.count("row_rejection")).isEqualTo(9);
    }

    @Test
    void everyTransferCitesTheFilesSha256AndTheLineItCameFrom() {
        service.importFile(request(), Importer.Progress.NONE);

        var rows = stored.query("SELECT s.sha256, t.line_no, t.reference, t.provider FROM transfer t "
                + "JOIN source_file s ON s.id = t.source_id ORDER BY t.line_no");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("sha256")).isEqualTo(StoredRows.sha256(file));
            assertThat(r.get("provider")).isEqualTo("OPERATEUR-FICTIF");
        });
        Map<Long, String> byLine = rows.stream().collect(Collectors.toMap(r -> (Long) r.get("line_no"),
                r -> (String) r.get("reference"), (a, b) -> a, TreeMap::new));
        assertThat(byLine).isEqualTo(expectedTransfers);
        assertThat(byLine).containsEntry(duplicatedLine, "7100000001").doesNotContainKey(duplicateLine);
    }

    @Test
    void everyOtherRecordIsKeptWithItsReasonAndRawText() {
        service.importFile(request(), Importer.Progress.NONE);

        var rows = stored.query("SELECT line_no, kind, reason, detail, reference, duplicate_of_line, raw_text "
                + "FROM row_rejection ORDER BY line_no");
        Map<Long, RejectReason> reasons = new TreeMap<>();
        for (var r : rows) reasons.put((Long) r.get("line_no"), RejectReason.valueOf((String) r.get("reason")));
        assertThat(reasons).isEqualTo(expectedRejections);

        Map<Long, String> written = export.records();
        assertThat(rows).allSatisfy(r -> {
            long line = (Long) r.get("line_no");
            boolean duplicate = line == duplicateLine;
            assertThat(r.get("kind")).isEqualTo(duplicate ? "DUPLICATE" : "QUARANTINED");
            assertThat((String) r.get("detail")).as("detail of line %d", line).isNotBlank();
            assertThat(r.get("duplicate_of_line")).isEqualTo(duplicate ? duplicatedLine : null);
            assertThat(r.get("raw_text")).as("raw text of line %d", line).isEqualTo(written.get(line));
        });
        var duplicate = rows.stream().filter(r -> r.get("line_no").equals(duplicateLine)).findFirst().orElseThrow();
        assertThat(duplicate.get("reference")).isEqualTo("7100000001");
        assertThat((String) duplicate.get("detail")).contains("line " + duplicatedLine);
        var badDate = rows.stream().filter(r -> "UNPARSEABLE_DATE".equals(r.get("reason"))).findFirst().orElseThrow();
        assertThat(badDate.get("reference")).isEqualTo("7100000002");
        assertThat((String) badDate.get("detail")).contains("31/02/2024");
    }

    @Test
    void everyRecordLineIsStoredExactlyOnceAcrossTransfersAndRejections() {
        service.importFile(request(), Importer.Progress.NONE);

        List<Long> lines = stored.query("SELECT line_no FROM transfer UNION ALL SELECT line_no FROM row_rejection "
                + "ORDER BY 1").stream().map(r -> (Long) r.get("line_no")).toList();
        assertThat(lines).isEqualTo(export.records().keySet().stream().sorted().toList());
    }

    @Test
    void dryRunCountsWhatTheImportStoresAndStoresNothing() {
        var dry = service.importFile(request().asDryRun(), Importer.Progress.NONE);

        var dryRun = assertThat(dry).asInstanceOf(type(ImportOutcome.DryRun.class)).actual();
        assertThat(dryRun.sha256()).isEqualTo(StoredRows.sha256(file));
        assertThat(stored.tableCounts()).containsExactly(0L, 0L, 0L);

        var real = (ImportOutcome.Imported) service.importFile(request(), Importer.Progress.NONE);
        assertThat(dryRun.result().counts()).isEqualTo(real.result().counts()).isEqualTo(new RowCounts(13, 4, 8, 1));
        assertThat(dryRun.result().byReason()).isEqualTo(real.result().byReason());
        Map<RejectReason, Long> byReason = new HashMap<>();
        expectedRejections.values().forEach(r -> byReason.merge(r, 1L, Long::sum));
        assertThat(real.result().byReason()).isEqualTo(byReason);
    }
}
