package org.piste.app.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.piste.app.StoredRows;
import org.piste.ingest.FrOperatorFile;
import org.piste.ingest.Importer;
import org.piste.model.RowCounts;

/** A file is imported once; a reference is stored once per provider, across files. */
class ImportIdempotencyTest extends ImportTestBase {
    private Path export(String name, String... mtcns) {
        FrOperatorFile export = new FrOperatorFile();
        for (String mtcn : mtcns) export.row(FrOperatorFile.transfer(mtcn, Map.of("Motif", "fichier " + name)));
        return export.write(dir.resolve(name));
    }

    private ImportOutcome importAs(Path file, String provider) {
        return service.importFile(ImportRequest.of(file, "fr-operator").withProvider(provider), Importer.Progress.NONE);
    }

    @Test
    void sameFileTwiceIsAlreadyImportedAndAddsNothing() {
        Path file = export("premier.csv", "7200000001", "7200000002");
        var first = (ImportOutcome.Imported) importAs(file, "OPERATEUR-FICTIF");
        List<Long> after = stored.tableCounts();

        var second = importAs(file, "OPERATEUR-FICTIF");

        var already = assertThat(second).asInstanceOf(type(ImportOutcome.AlreadyImported.class)).actual();
        assertThat(already.existing().id()).isEqualTo(first.source().id());
        assertThat(already.existing().file().sha256()).isEqualTo(StoredRows.sha256(file));
        assertThat(stored.tableCounts()).isEqualTo(after).containsExactly(1L, 2L, 0L);
    }

    @Test
    void sameFileUnderAnotherNameIsStillAlreadyImported() throws Exception {
        Path file = export("premier.csv", "7200000001");
        importAs(file, "OPERATEUR-FICTIF");
        Path copy = java.nio.file.Files.copy(file, dir.resolve("copie-renommee.csv"));

        assertThat(importAs(copy, "OPERATEUR-FICTIF")).isInstanceOf(ImportOutcome.AlreadyImported.class);
        assertThat(stored.tableCounts()).containsExactly(1L, 1L, 0L);
    }

    @Test
    void referencesAlreadyStoredFromAnotherFileAreDuplicatesNotTransfers() {
        importAs(export("premier.csv", "7200000001", "7200000002"), "OPERATEUR-FICTIF");

        var second = (ImportOutcome.Imported) importAs(export("second.csv", "7200000002", "7200000003", "7200000001"),
                "OPERATEUR-FICTIF");

        assertThat(second.result().counts()).isEqualTo(new RowCounts(3, 1, 0, 2));
        long secondId = second.source().id();
        assertThat(stored.query("SELECT reference, line_no FROM transfer WHERE source_id = ?", secondId))
                .containsExactly(Map.of("reference", "7200000003", "line_no", 3L));
        var duplicates = stored.query("SELECT line_no, kind, reason, reference, duplicate_of_line, raw_text "
                + "FROM row_rejection WHERE source_id = ? ORDER BY line_no", secondId);
        assertThat(duplicates).extracting(r -> r.get("line_no")).containsExactly(2L, 4L);
        assertThat(duplicates).extracting(r -> r.get("reference")).containsExactly("7200000002", "7200000001");
        assertThat(duplicates).allSatisfy(r -> {
            assertThat(r.get("kind")).isEqualTo("DUPLICATE");
            assertThat(r.get("reason")).isEqualTo("DUPLICATE_REFERENCE");
            assertThat(r.get("duplicate_of_line")).as("the original is in another file").isNull();
            assertThat((String) r.get("raw_text")).contains("fichier second.csv");
        });
        // Each reference is stored once, from the file that brought it first.
        assertThat(stored.query("SELECT reference, count(*) AS n FROM transfer GROUP BY reference HAVING count(*) > 1"))
                .isEmpty();
        assertThat(stored.count("transfer")).isEqualTo(3);
    }

    @Test
    void theSameReferenceFromAnotherProviderIsNotADuplicate() {
        importAs(export("premier.csv", "7200000001"), "OPERATEUR-FICTIF");

        var other = (ImportOutcome.Imported) importAs(export("autre.csv", "7200000001"), "AUTRE-OPERATEUR-FICTIF");

        assertThat(other.result().counts()).isEqualTo(new RowCounts(1, 1, 0, 0));
        assertThat(stored.query("SELECT provider FROM transfer WHERE reference = '7200000001' ORDER BY provider"))
                .extracting(r -> r.get("provider")).containsExactly("AUTRE-OPERATEUR-FICTIF", "OPERATEUR-FICTIF");
    }
}
