package org.piste.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.piste.ingest.FrOperatorFile;
import org.piste.ingest.Importer;
import org.piste.model.RowCounts;

/** What is read from a French operator row comes back out of PostgreSQL unchanged (through COPY's text format). */
class StoredValuesTest extends ImportTestBase {
    private static final String FORMULA = "=HYPERLINK(\"http://example.invalid\",\"x\")";

    private Map<String, Object> importOne(Map<String, String> row) {
        FrOperatorFile export = new FrOperatorFile();
        export.row(row);
        var outcome = (ImportOutcome.Imported) service.importFile(
                ImportRequest.of(export.write(dir.resolve("un.csv")), "fr-operator").withProvider("OPERATEUR-FICTIF"),
                Importer.Progress.NONE);
        assertThat(outcome.result().counts()).isEqualTo(new RowCounts(1, 1, 0, 0));
        return stored.query("SELECT *, (send_at AT TIME ZONE 'UTC')::text AS send_utc, "
                + "(payout_at AT TIME ZONE 'UTC')::text AS payout_utc FROM transfer").get(0);
    }

    @Test
    void parisTimesAreStoredAsUtcInstantsWithTheZonesOfBothEnds() {
        var t = importOne(FrOperatorFile.transfer("7300000001"));

        // 15/01/2024 23:30 in Paris (UTC+1) is 22:30 UTC; the payout, written in Paris time, happened in Manila.
        assertThat(t.get("send_utc")).isEqualTo("2024-01-15 22:30:00");
        assertThat(t.get("send_zone")).isEqualTo("Europe/Paris");
        assertThat(t.get("payout_utc")).isEqualTo("2024-01-16 06:00:00");
        assertThat(t.get("payout_zone")).isEqualTo("Asia/Manila");
        assertThat(t.get("payout_country_code")).isEqualTo("PH");
        assertThat(t.get("send_country_code")).isEqualTo("FR");
    }

    @Test
    void summerTimeInParisIsTwoHoursAheadOfUtc() {
        var t = importOne(FrOperatorFile.transfer("7300000002", Map.of("Date envoi", "15/07/2024", "Heure envoi", "23:30:15")));

        assertThat(t.get("send_utc")).isEqualTo("2024-07-15 21:30:15");
    }

    @Test
    void decimalCommaAmountsAreStoredExactly() {
        var t = importOne(FrOperatorFile.transfer("7300000003"));

        assertThat((BigDecimal) t.get("sent_amount")).isEqualByComparingTo("1234.56");
        assertThat(t.get("sent_currency")).isEqualTo("EUR");
        assertThat((BigDecimal) t.get("fee_amount")).isEqualByComparingTo("12.50");
        assertThat(t.get("fee_currency")).as("the fee is in the sent currency").isEqualTo("EUR");
        assertThat((BigDecimal) t.get("rate")).isEqualByComparingTo("61.2345");
        assertThat((BigDecimal) t.get("paid_amount")).isEqualByComparingTo("75597.26");
        assertThat(t.get("paid_currency")).isEqualTo("PHP");
    }

    @Test
    void formulaLikeTextIsStoredVerbatim() {
        var t = importOne(FrOperatorFile.transfer("7300000004", Map.of("Motif", FORMULA)));

        assertThat(t.get("purpose")).isEqualTo(FORMULA);
    }

    @Test
    void tabsBackslashesAndLineBreaksInsideFieldsAreStoredVerbatim() {
        var t = importOne(FrOperatorFile.transfer("7300000005", Map.of(
                "Adresse expéditeur", "Résidence \"Les Pins\"\r\nBât. 2\nEsc. B",
                "Agence envoi", "AG\tLYON\t07",
                "N° pièce expéditeur", "C:\\dossiers\\7300",
                "Agence paiement", "\\N",
                "Ville envoi", "\\t\\n\\\\")));

        assertThat(t.get("sender_address")).isEqualTo("Résidence \"Les Pins\"\r\nBât. 2\nEsc. B");
        assertThat(t.get("send_agency")).isEqualTo("AG\tLYON\t07");
        assertThat(t.get("sender_id_number")).isEqualTo("C:\\dossiers\\7300");
        assertThat(t.get("payout_agency")).as("the two characters \\N, not NULL").isEqualTo("\\N");
        assertThat(t.get("send_city")).isEqualTo("\\t\\n\\\\");
    }

    @Test
    void aNulCharacterWhichPostgresqlTextCannotHoldIsKeptVisiblyAsBackslashZero() {
        var t = importOne(FrOperatorFile.transfer("7300000007", Map.of("Motif", "avant\u0000apres")));

        assertThat(t.get("purpose")).isEqualTo("avant\\0apres");
    }

    @Test
    void quarantinedRowsKeepTabsBackslashesAndLineBreaksVerbatim() {
        FrOperatorFile export = new FrOperatorFile();
        long line = export.row(FrOperatorFile.transfer("7300000006", Map.of(
                "Devise envoi", "EUX",
                "Adresse expéditeur", "Résidence \"Les Pins\"\r\nBât. 2",
                "Agence envoi", "AG\tLYON",
                "N° pièce expéditeur", "C:\\dossiers\\N",
                "Motif", FORMULA))).lastLine();
        service.importFile(ImportRequest.of(export.write(dir.resolve("q.csv")), "fr-operator")
                .withProvider("OPERATEUR-FICTIF"), Importer.Progress.NONE);

        var r = stored.query("SELECT line_no, reason, raw_text FROM row_rejection").get(0);
        assertThat(r.get("line_no")).isEqualTo(line);
        assertThat(r.get("reason")).isEqualTo("UNKNOWN_CURRENCY");
        assertThat(r.get("raw_text")).isEqualTo(export.records().get(line));
    }
}
