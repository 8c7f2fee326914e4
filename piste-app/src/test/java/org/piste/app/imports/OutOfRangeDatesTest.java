package org.piste.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.piste.ingest.FrOperatorFile;
import org.piste.ingest.Importer;
import org.piste.model.RowCounts;

/**
 * Dates that Java reads but PostgreSQL cannot store (year 0000, a common "unknown" placeholder in exports)
 * must cost at most their row, never the whole file.
 */
class OutOfRangeDatesTest extends ImportTestBase {
    /** A good row on line 2, then the given row on line 3. */
    private ImportOutcome importWithSecondRow(Map<String, String> changes) {
        FrOperatorFile export = new FrOperatorFile();
        export.row(FrOperatorFile.transfer("7600000001"));
        export.row(FrOperatorFile.transfer("7600000002", changes));
        return service.importFile(ImportRequest.of(export.write(dir.resolve("dates.csv")), "fr-operator")
                .withProvider("OPERATEUR-FICTIF"), Importer.Progress.NONE);
    }

    @Test
    void birthDateInYearZeroIsKeptAsWrittenWithoutFailingTheImport() {
        var outcome = importWithSecondRow(Map.of("Date naissance expéditeur", "01/01/0000"));

        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(((ImportOutcome.Imported) outcome).result().counts()).isEqualTo(new RowCounts(2, 2, 0, 0));
        var t = stored.query("SELECT sender_birth_date, sender_birth_date_raw FROM transfer WHERE line_no = 3").get(0);
        assertThat(t.get("sender_birth_date")).isNull();
        assertThat(t.get("sender_birth_date_raw")).isEqualTo("01/01/0000");
    }

    @Test
    void sendDateInYearZeroQuarantinesItsRowWithoutFailingTheImport() {
        var outcome = importWithSecondRow(Map.of("Date envoi", "15/01/0000"));

        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(((ImportOutcome.Imported) outcome).result().counts()).isEqualTo(new RowCounts(2, 1, 1, 0));
        assertThat(stored.query("SELECT line_no, kind, reason FROM row_rejection"))
                .containsExactly(Map.of("line_no", 3L, "kind", "QUARANTINED", "reason", "UNPARSEABLE_DATE"));
    }
}
