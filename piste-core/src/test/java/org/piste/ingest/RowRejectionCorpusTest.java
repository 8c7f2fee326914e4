package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.model.Transfer;

/**
 * One bad row between two good ones: the bad row is quarantined with the right reason and its own line,
 * its neighbours are accepted, and the counts reconcile.
 */
class RowRejectionCorpusTest {
    @TempDir Path dir;

    /** Runs a file of good row, changed row, good row; returns the run after checking reconciliation. */
    private ImportRun sandwich(Map<String, String> changes) {
        var file = new FrOperatorFile()
                .row(FrOperatorFile.transfer("1000000001"))
                .row(FrOperatorFile.transfer("1000000002", changes))
                .row(FrOperatorFile.transfer("1000000003"));
        var run = ImportRun.frOperator(file.write(dir.resolve("sandwich.csv")))
                .assertEveryRecordAccountedFor(file.recordLines());
        assertThat(run.sink().acceptedAt(2).reference()).isEqualTo("1000000001");
        assertThat(run.sink().acceptedAt(4).reference()).isEqualTo("1000000003");
        return run;
    }

    private Rejection quarantined(Map<String, String> changes, RejectReason expected) {
        var run = sandwich(changes);
        Rejection r = run.sink().rejectedAt(3);
        assertThat(r.reason()).isEqualTo(expected);
        assertThat(run.counts().quarantined()).isEqualTo(1);
        assertThat(run.result().byReason()).containsExactly(Map.entry(expected, 1L));
        return r;
    }

    @Test
    void unknownStatusCodeIsQuarantined() {
        Rejection r = quarantined(Map.of("Statut", "EGARE"), RejectReason.UNKNOWN_CODE);
        assertThat(r.detail()).contains("EGARE");
        assertThat(r.reference()).isEqualTo("1000000002");
    }

    @Test
    void unknownChannelCodeIsQuarantined() {
        quarantined(Map.of("Canal", "PIGEON VOYAGEUR"), RejectReason.UNKNOWN_CODE);
    }

    @Test
    void missingReferenceIsQuarantined() {
        Rejection r = quarantined(Map.of("MTCN", ""), RejectReason.MISSING_VALUE);
        assertThat(r.reference()).isEmpty();
    }

    @Test
    void missingSendDateIsQuarantined() {
        quarantined(Map.of("Date envoi", "", "Heure envoi", ""), RejectReason.MISSING_VALUE);
    }

    @Test
    void negativeAmountIsQuarantined() {
        quarantined(Map.of("Montant envoyé", "-50,00"), RejectReason.NEGATIVE_AMOUNT);
    }

    @Test
    void negativeFeeInParenthesesIsQuarantined() {
        quarantined(Map.of("Frais", "(4,90)"), RejectReason.NEGATIVE_AMOUNT);
    }

    @Test
    void amountWithADecimalPointIsQuarantinedNotReadAHundredTimesLarger() {
        quarantined(Map.of("Montant envoyé", "50.00"), RejectReason.UNPARSEABLE_AMOUNT);
    }

    @Test
    void unknownCurrencyIsQuarantined() {
        Rejection r = quarantined(Map.of("Devise envoi", "QQQ"), RejectReason.UNKNOWN_CURRENCY);
        assertThat(r.detail()).contains("QQQ");
    }

    @Test
    void paidAmountWithoutPaidCurrencyIsQuarantined() {
        quarantined(Map.of("Devise paiement", ""), RejectReason.MISSING_VALUE);
    }

    @Test
    void impossibleDateIsQuarantined() {
        quarantined(Map.of("Date envoi", "31/02/2024"), RejectReason.UNPARSEABLE_DATE);
    }

    /** Transfers are dated 1970-2100: the first and the last day are in, the days either side are not. */
    @Test
    void sendDatesOutside1970To2100AreQuarantinedButTheLimitsAreNot() {
        for (String limit : new String[] {"01/01/1970", "31/12/2100"}) {
            var run = sandwich(Map.of("Date envoi", limit));
            assertThat(run.sink().acceptedAt(3).reference()).as(limit).isEqualTo("1000000002");
        }
        for (String outside : new String[] {"31/12/1969", "01/01/2101"}) {
            Rejection r = quarantined(Map.of("Date envoi", outside), RejectReason.UNPARSEABLE_DATE);
            assertThat(r.detail()).as(outside).contains("outside 1970-2100");
        }
    }

    @Test
    void localTimeInTheParisSpringGapIsQuarantined() {
        // On 31 March 2024 Paris clocks went from 02:00 to 03:00: 02:30 never happened there.
        Rejection r = quarantined(Map.of("Date envoi", "31/03/2024", "Heure envoi", "02:30"),
                RejectReason.NONEXISTENT_LOCAL_TIME);
        assertThat(r.detail()).contains("Europe/Paris");
    }

    @Test
    void localTimeInTheAutumnOverlapIsAcceptedAtTheEarlierOffset() {
        // On 27 October 2024 Paris clocks went from 03:00 (+02:00) back to 02:00 (+01:00): 02:30 happened twice.
        var run = sandwich(Map.of("Date envoi", "27/10/2024", "Heure envoi", "02:30"));
        Transfer t = run.sink().acceptedAt(3);
        assertThat(t.sendInstant()).isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
    }

    @Test
    void badBirthDateIsKeptAsWrittenAndDoesNotRejectTheTransfer() {
        var run = sandwich(Map.of("Date naissance expéditeur", "31/02/1985"));
        Transfer t = run.sink().acceptedAt(3);
        assertThat(t.sender().birthDate()).isEmpty();
        assertThat(t.sender().birthDateRaw()).isEqualTo("31/02/1985");
    }

    @Test
    void formulaLikeTextIsKeptVerbatimAsPlainText() {
        String hyperlink = "=HYPERLINK(\"http://x\",\"y\")";
        var run = sandwich(Map.of(
                "Motif", hyperlink,
                "Nom expéditeur", "+cmd|' /C calc'!A0",
                "Prénom expéditeur", "@SUM(1+1)*cmd|' /C calc'!A0",
                "Nom bénéficiaire", "-2+3",
                "Ville bénéficiaire", "=1+1"));
        Transfer t = run.sink().acceptedAt(3);
        assertThat(t.purpose()).isEqualTo(hyperlink);
        assertThat(t.sender().surname()).isEqualTo("+cmd|' /C calc'!A0");
        assertThat(t.sender().givenNames()).isEqualTo("@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(t.recipient().surname()).isEqualTo("-2+3");
        assertThat(t.recipient().city()).isEqualTo("=1+1");
    }

    @Test
    void quarantinedRowKeepsItsRawTextSoNothingIsLost() {
        var run = sandwich(Map.of("Statut", "EGARE", "Motif", "loyer; janvier"));
        Rejection r = run.sink().rejectedAt(3);
        assertThat(r.rawText()).startsWith("1000000002;EGARE;AGENCE;15/01/2024;23:30;")
                .contains(";\"loyer; janvier\";");
    }
}
