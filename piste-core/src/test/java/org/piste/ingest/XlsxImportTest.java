package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.model.Transfer;

/** XLSX exports, written by {@link XlsxFile} in a temporary directory. */
class XlsxImportTest {
    @TempDir Path dir;

    static final String PROFILE = """
            name: test-xlsx
            format: xlsx
            decimalSeparator: ","
            groupingSeparator: "."
            dateFormats: [dd/MM/yyyy]
            dateTimeFormats: ["dd/MM/yyyy HH:mm"]
            timeZone: Europe/Paris
            provider: OPERATEUR-XLSX
            columns:
              reference: Référence
              send_datetime: Envoi
              payout_date: Date paiement?
              sent_amount: Montant
              sent_currency: Devise
              sender_surname: Nom
              purpose: Motif?
            """;

    private final MappingProfile xlsx = ProfilesTest.parse(PROFILE);

    /** Writes a workbook: the header on sheet row 1, then each spec: {sheet row number, cells...}. */
    private Path workbook(Object[]... rows) throws IOException {
        XlsxFile book = new XlsxFile("Transferts")
                .row(1, "Référence", "Envoi", "Date paiement", "Montant", "Devise", "Nom", "Motif");
        for (Object[] spec : rows) book.row((Integer) spec[0], java.util.Arrays.copyOfRange(spec, 1, spec.length));
        return book.write(dir.resolve("export.xlsx"));
    }

    /**
     * piste-core reads XLSX with POI. poi-ooxml is pinned to 5.5.1 but poi itself comes in at 5.4.1 through
     * excel-streaming-reader: mixed POI versions are unsupported (XSSFWorkbook needs org.apache.poi.POIException,
     * which poi 5.4.1 lacks).
     */
    @Test
    void poiCoreAndPoiOoxmlVersionsMatch() {
        String core = org.apache.poi.Version.getVersion();
        String ooxml = org.apache.poi.xssf.usermodel.XSSFWorkbook.class.getPackage().getImplementationVersion();
        assertThat(core).isEqualTo(ooxml);
    }

    @Test
    void rowsMapWithNumbersDatesAndSheetRowNumbers() throws IOException {
        Path path = workbook(
                new Object[] {2, "XL-1", LocalDateTime.of(2024, 1, 15, 23, 30), LocalDateTime.of(2024, 1, 16, 0, 0),
                        1234.56, "EUR", "MARTIN", "Aide familiale"},
                // sheet row 3 left out entirely
                new Object[] {4, 1234567890.0, LocalDateTime.of(2024, 7, 1, 8, 5), null, 1500.0, "EUR", "DELA CRUZ", "Loyer"},
                new Object[] {5, "XL-3", LocalDateTime.of(2024, 7, 1, 8, 5), null, 0.1, "EUR", "Martin", "=1+1"});

        var run = ImportRun.of(xlsx, path, "", Importer.StoredReferences.NONE)
                .assertEveryRecordAccountedFor(List.of(2L, 4L, 5L));

        Transfer first = run.sink().acceptedAt(2);
        assertThat(first.reference()).isEqualTo("XL-1");
        assertThat(first.provider()).isEqualTo("OPERATEUR-XLSX");
        assertThat(first.sent().amount()).isEqualByComparingTo("1234.56");
        assertThat(first.sendInstant()).isEqualTo(Instant.parse("2024-01-15T22:30:00Z"));
        assertThat(first.payoutInstant()).contains(Instant.parse("2024-01-15T23:00:00Z"));
        assertThat(run.sink().acceptedAt(4).reference()).as("a numeric reference cell").isEqualTo("1234567890");
        assertThat(run.sink().acceptedAt(4).sent().amount()).isEqualByComparingTo("1500");
        assertThat(run.sink().acceptedAt(4).sendInstant()).isEqualTo(Instant.parse("2024-07-01T06:05:00Z"));
        assertThat(run.sink().acceptedAt(5).sent().amount()).as("no binary noise").isEqualTo(new BigDecimal("0.1"));
        assertThat(run.sink().acceptedAt(5).purpose()).isEqualTo("=1+1");
    }

    @Test
    void textCellsInTheProfilesNotationAreReadToo() throws IOException {
        Path path = workbook(new Object[] {2, "XL-1", "15/01/2024 23:30", null, "1.234,56", "EUR", "MARTIN", "x"});

        var run = ImportRun.of(xlsx, path).assertEveryRecordAccountedFor(List.of(2L));

        assertThat(run.sink().acceptedAt(2).sent().amount()).isEqualByComparingTo("1234.56");
        assertThat(run.sink().acceptedAt(2).sendInstant()).isEqualTo(Instant.parse("2024-01-15T22:30:00Z"));
    }

    @Test
    void badRowIsQuarantinedUnderItsSheetRowNumber() throws IOException {
        Path path = workbook(
                new Object[] {2, "XL-1", LocalDateTime.of(2024, 1, 15, 23, 30), null, 10.0, "EUR", "MARTIN", "a"},
                new Object[] {7, "XL-2", LocalDateTime.of(2024, 1, 15, 23, 30), null, -10.5, "EUR", "MARTIN", "b"});

        var run = ImportRun.of(xlsx, path).assertEveryRecordAccountedFor(List.of(2L, 7L));

        assertThat(run.sink().rejectedAt(7).reason()).isEqualTo(RejectReason.NEGATIVE_AMOUNT);
        // Kept as the cells' text joined by tabs: the date-time cell in ISO, the missing payout date empty,
        // the number in the profile's decimal comma.
        assertThat(run.sink().rejectedAt(7).rawText()).isEqualTo("XL-2\t2024-01-15T23:30\t\t-10,5\tEUR\tMARTIN\tb");
    }

    /** Spreadsheets do not store empty cells: an empty last column must not make the row look short. */
    @Test
    void rowWhoseLastCellsAreEmptyIsAccepted() throws IOException {
        Path path = workbook(new Object[] {2, "XL-1", LocalDateTime.of(2024, 1, 15, 23, 30), null, 10.0, "EUR", "MARTIN", null});

        var run = ImportRun.of(xlsx, path).assertEveryRecordAccountedFor(List.of(2L));

        assertThat(run.sink().acceptedAt(2).purpose()).isEmpty();
    }

    @Test
    void rowWithoutCellsIsAnEmptyLine() throws IOException {
        Path path = new XlsxFile("Transferts")
                .row(1, "Référence", "Envoi", "Date paiement", "Montant", "Devise", "Nom", "Motif")
                .row(2)
                .row(3, "XL-1", LocalDateTime.of(2024, 1, 15, 23, 30), null, 10.0, "EUR", "MARTIN", "a")
                .write(dir.resolve("blank-row.xlsx"));

        var run = ImportRun.of(xlsx, path).assertEveryRecordAccountedFor(List.of(2L, 3L));

        assertThat(run.sink().rejectedAt(2).reason()).isEqualTo(RejectReason.EMPTY_LINE);
        assertThat(run.sink().acceptedAt(3).reference()).isEqualTo("XL-1");
    }

    @Test
    void rowWiderThanTheHeaderIsQuarantined() throws IOException {
        Path path = workbook(new Object[] {2, "XL-1", LocalDateTime.of(2024, 1, 15, 23, 30), null, 10.0, "EUR", "MARTIN", "a", "surplus"});

        var run = ImportRun.of(xlsx, path).assertEveryRecordAccountedFor(List.of(2L));

        assertThat(run.sink().rejectedAt(2).reason()).isEqualTo(RejectReason.WRONG_COLUMN_COUNT);
    }

    /** The streaming reader copies the whole workbook as it opens it: progress shows the file read by then. */
    @Test
    void workbookIsReadWholeWhenOpened() throws IOException {
        Path path = workbook(new Object[] {2, "XL-1", LocalDateTime.of(2024, 1, 15, 23, 30), null, 10.0, "EUR", "MARTIN", "a"});

        try (RowSource source = RowSources.open(path, xlsx)) {
            assertThat(source.bytesRead()).isEqualTo(Files.size(path));
        }
    }

    @Test
    void csvGivenToAnXlsxProfileIsRefused() {
        Path csv = new FrOperatorFile().row(FrOperatorFile.transfer("1000000001")).write(dir.resolve("export.csv"));

        assertThatThrownBy(() -> ImportRun.of(xlsx, csv))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("not an XLSX workbook");
    }

    @Test
    void xlsxGivenToACsvProfileIsRefused() throws IOException {
        Path path = workbook(new Object[] {2, "XL-1", LocalDateTime.of(2024, 1, 15, 23, 30), null, 10.0, "EUR", "MARTIN", "a"});

        assertThatThrownBy(() -> ImportRun.frOperator(path))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("xlsx");
    }

    @Test
    void namedSheetThatDoesNotExistIsRefused() throws IOException {
        Path path = workbook();
        MappingProfile other = ProfilesTest.parse(PROFILE + "sheet: Feuil1\n");

        assertThatThrownBy(() -> ImportRun.of(other, path))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Feuil1");
    }
}
