package org.piste.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The case report's PDF from a synthetic snapshot (no database: the renderer reads the snapshot alone). */
class ReportPdfTest {
    private static byte[] french;
    private static byte[] english;

    @BeforeAll
    static void render() {
        french = ReportPdf.render(ReportSamples.small(), ReportSamples.SNAPSHOT_SHA, Locale.FRENCH);
        english = ReportPdf.render(ReportSamples.small(), ReportSamples.SNAPSHOT_SHA, Locale.ENGLISH);
    }

    @Test
    void theSameSnapshotGivesTheSameBytesTwiceAndFromAFreshRenderer() {
        assertThat(ReportPdf.render(ReportSamples.small(), ReportSamples.SNAPSHOT_SHA, Locale.FRENCH)).isEqualTo(french);
        assertThat(new ReportPdf().pdf(ReportSamples.small(), ReportSamples.SNAPSHOT_SHA, Locale.FRENCH)).isEqualTo(french);
    }

    @Test
    void aSnapshotOfAnUnknownFormatIsRefused() {
        ReportSnapshot s = ReportSamples.small();
        ReportSnapshot future = new ReportSnapshot(ReportSnapshot.FORMAT + 1, s.header(), s.subjects(), s.sources(),
                s.method(), s.compensation());
        assertThatThrownBy(() -> ReportPdf.render(future, ReportSamples.SNAPSHOT_SHA, Locale.FRENCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 2");
    }

    @Test
    void everyTransferReferenceAndEverySourceHashIsPrinted() throws IOException {
        String text = text(french);
        assertThat(text).contains("MT-0001", "MT-0002", "MT-0003", "MT-0004", ReportSamples.FILE_A,
                ReportSamples.FILE_B, "PARQUET-2025-000123", "Réquisition art. 77-1-1 CPP du 12/03/2025");
        // The rows read as an equation that holds: 1 200 = 1 180 + 12 + 8 (narrow no-break space between thousands).
        assertThat(text).contains("1\u202f200 = 1\u202f180 + 12 + 8", "310 = 305 + 5 + 0");
    }

    @Test
    void aCancelledTransferIsListedButCountedInNoTotalNorInTheNetwork() throws IOException {
        ReportSnapshot s = ReportSamples.small();
        ReportSnapshot.SubjectPart first = s.subjects().getFirst();
        ReportSnapshot.TransferLine t = first.transfers().getFirst();
        ReportSnapshot.TransferLine cancelled = new ReportSnapshot.TransferLine(t.transferId() + 1000, "MT-CANCELLED",
                t.at(), t.zone(), "999.00", "EUR", t.senderName(), t.senderEntity(), "Nora Cancel", "E-R9",
                t.payoutCity(), t.payoutCountry(), t.channel(), "CANCELLED", t.row());
        List<ReportSnapshot.TransferLine> transfers = new java.util.ArrayList<>(first.transfers());
        transfers.add(cancelled);
        ReportSnapshot.SubjectPart withIt = new ReportSnapshot.SubjectPart(first.recordId(), first.entityId(),
                first.kind(), first.label(), first.variants(), transfers, first.screening(), first.decisions(),
                first.network());
        ReportSnapshot changed = new ReportSnapshot(s.format(), s.header(), List.of(withIt), s.sources(), s.method(),
                s.compensation());
        String text = text(ReportPdf.render(changed, ReportSamples.SNAPSHOT_SHA, Locale.FRENCH));
        // Listed, worded, and the EUR total still 10.00 + 20.50 + 5.25 (not 1 034,75); no recipient total for it.
        assertThat(text).contains("MT-CANCELLED", "annulé", "35,75 EUR").doesNotContain("1\u202f034,75",
                "Nora Cancel (E-R9)");
    }

    @Test
    void theReportSaysSoWhenTheResolutionOrScreeningInForceIsLaterThanItsTimestamp() throws IOException {
        // The sample's runs finished on 1 June 2025, before its as-of (30 June): no warning.
        assertThat(text(french)).doesNotContain("Attention : la résolution");
        ReportSnapshot s = ReportSamples.small();
        ReportSnapshot.Method m = s.method();
        ReportSnapshot later = new ReportSnapshot(s.format(), s.header(), s.subjects(), s.sources(),
                new ReportSnapshot.Method(m.resolutionRun(), m.matchModel(), m.screeningRun(), m.ruleSetVersion(),
                        m.indicators(), m.resolvedAt(), s.header().asOf().plusSeconds(60)), s.compensation());
        assertThat(text(ReportPdf.render(later, ReportSamples.SNAPSHOT_SHA, Locale.FRENCH)))
                .contains("Attention : la résolution (terminée le 01/06/2025 à 10:00 (heure de Paris))");
    }

    @Test
    void eachCurrencyHasItsOwnMonthChart() throws IOException {
        // The sample's buyer sent EUR and PHP: two charts, each titled with its currency (titles are drawn as shapes,
        // so the test counts the chart blocks in the template's output instead of reading the text).
        ReportView view = ReportView.of(ReportSamples.small(), ReportSamples.SNAPSHOT_SHA, Locale.FRENCH,
                new ReportPdf().messages());
        assertThat(view.subjects().getFirst().monthCharts()).hasSize(2);
        assertThat(view.subjects().getFirst().monthCharts().get(0)).isNotEqualTo(view.subjects().getFirst()
                .monthCharts().get(1));
    }

    @Test
    void totalsPerCurrencyAreExactAndKeptApart() throws IOException {
        // 10.00 + 20.50 + 5.25 EUR; the 1 500.00 PHP is not added to them.
        assertThat(text(french)).contains("35,75 EUR", "1\u202f500,00 PHP").doesNotContain("1\u202f535,75");
        assertThat(text(english)).contains("35.75 EUR", "1,500.00 PHP");
    }

    @Test
    void monthAndCityTotalsArePrinted() throws IOException {
        // February: 20.50 (sent 1 February 00:30 in Paris, 31 January in UTC) + 5.25; January: 10.00 alone.
        // Cebu: 10.00 + 5.25. Were months taken in UTC, January would be 30,50 EUR.
        assertThat(text(french)).contains("2025-02 2 25,75 EUR", "2025-01 1 10,00 EUR", "Cebu, PH 2 15,25 EUR",
                "Manila, PH 1 20,50 EUR", "Manila, PH 1 1\u202f500,00 PHP").doesNotContain("30,50 EUR");
    }

    @Test
    void storedCodesAreWordedInTheReadersLanguage() throws IOException {
        assertThat(text(french)).contains("Qualité : acheteur", "versé", "alerte confirmée (expéditeur)",
                "côté expéditeur : score 8,8").doesNotContain("BUYER", "PAID", "CONFIRMED", "SENDER", "RECIPIENT");
        assertThat(text(english)).contains("buyer", "paid", "confirmed (sender)").doesNotContain("BUYER", "PAID");
    }

    @Test
    void theCompensationScheduleIsPrintedWithOutstandingAwardedLessPaid() throws IOException {
        // 800.00 awarded - 450.55 paid = 349.45 outstanding (hand-computed in ReportSamples).
        assertThat(text(french)).contains("Indemnisation des victimes", "PNP-WCPC-2025-0007",
                "1\u202f000,00 EUR 800,00 EUR 450,55 EUR 349,45 EUR");
        assertThat(text(english)).contains("Victims' compensation", "1,000.00 EUR 800.00 EUR 450.55 EUR 349.45 EUR");
    }

    @Test
    void aTimeSentFromManilaIsShownInManilaWithItsZoneNamed() throws IOException {
        // 2025-03-01 01:00 UTC is 09:00 in Manila (UTC+8).
        assertThat(text(french)).contains("01/03/2025 à 09:00 (Asia/Manila)");
        assertThat(text(english)).contains("2025-03-01 09:00 (Asia/Manila)");
    }

    @Test
    void everyPageFooterHasItsNumberAndTheSnapshotHash() throws IOException {
        try (PDDocument doc = Loader.loadPDF(french)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(3);
            for (int p = 1; p <= pages; p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(doc).replaceAll("\\s+", " ");
                assertThat(page).contains("page " + p + " / " + pages, "Instantané " + ReportSamples.SNAPSHOT_SHA,
                        "Confidentiel — besoin d'en connaître");
            }
        }
    }

    @Test
    void everyFontIsEmbeddedAndTheXmpSaysPdfA2b() throws Exception {
        try (PDDocument doc = Loader.loadPDF(french)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) fonts(page.getResources(), fonts);
            assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
            XMPMetadata xmp = new DomXmpParser().parse(doc.getDocumentCatalog().getMetadata().toByteArray());
            PDFAIdentificationSchema pdfa = xmp.getPDFAIdentificationSchema();
            assertThat(pdfa.getPart()).isEqualTo(2);
            assertThat(pdfa.getConformance()).isEqualTo("B");
            // PDF/A needs the colours' meaning: an sRGB output intent.
            assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(ReportSamples.AS_OF);
        }
    }

    private static void fonts(PDResources resources, List<PDFont> into) throws IOException {
        if (resources == null) return;
        for (COSName name : resources.getFontNames()) into.add(resources.getFont(name));
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form) fonts(form.getResources(), into);
        }
    }

    /** The document's text, runs of spaces and line ends made one space (cells wrap). */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[ \\t\\r\\n]+", " ");
        }
    }
}
