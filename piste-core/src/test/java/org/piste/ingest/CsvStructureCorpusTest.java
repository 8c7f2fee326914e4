package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.model.Transfer;

/** Files whose structure is damaged or unusual: every record must still be accounted for, or the file refused. */
class CsvStructureCorpusTest {
    @TempDir Path dir;

    @Test
    void truncatedLastLineIsQuarantinedWithItsLineNumber() {
        String whole = FrOperatorFile.join(new ArrayList<>(FrOperatorFile.transfer("1000000003").values()));
        String cut = whole.substring(0, whole.indexOf("Quezon City")); // stops in the middle of the record
        var file = new FrOperatorFile()
                .row(FrOperatorFile.transfer("1000000001"))
                .row(FrOperatorFile.transfer("1000000002"))
                .raw(cut)
                .withoutFinalNewline();

        var run = ImportRun.frOperator(file.write(dir.resolve("truncated.csv")))
                .assertEveryRecordAccountedFor(file.recordLines());

        assertThat(run.counts().accepted()).isEqualTo(2);
        Rejection r = run.sink().rejectedAt(4);
        assertThat(r.reason()).isEqualTo(RejectReason.WRONG_COLUMN_COUNT);
        assertThat(r.reference()).isEqualTo("1000000003");
        assertThat(r.rawText()).isEqualTo(cut);
    }

    @Test
    void unterminatedQuoteOnTheLastLineIsQuarantined() {
        var file = new FrOperatorFile()
                .row(FrOperatorFile.transfer("1000000001"))
                .raw("1000000002;PAYE;\"AGENCE")
                .withoutFinalNewline();

        var run = ImportRun.frOperator(file.write(dir.resolve("open-quote.csv")))
                .assertEveryRecordAccountedFor(file.recordLines());

        assertThat(run.sink().rejectedAt(3).reason()).isEqualTo(RejectReason.WRONG_COLUMN_COUNT);
    }

    @Test
    void quotesAndLineBreaksInsideQuotedFieldsAreKeptAndLaterRowsKeepTheirPhysicalLines() {
        var file = new FrOperatorFile()
                .row(FrOperatorFile.transfer("1000000001", Map.of(
                        "Motif", "Aide familiale\nloyer de janvier\nfrais d'école",
                        "Adresse expéditeur", "12 \"bis\" rue des Lilas; bât. B")))
                .row(FrOperatorFile.transfer("1000000002", Map.of("Motif", "Cadeau\r\nanniversaire")))
                .row(FrOperatorFile.transfer("1000000003"));
        assertThat(file.recordLines()).as("the helper's own arithmetic").containsExactly(2L, 5L, 7L);

        var run = ImportRun.frOperator(file.write(dir.resolve("multiline.csv")))
                .assertEveryRecordAccountedFor(file.recordLines());

        assertThat(run.counts().accepted()).isEqualTo(3);
        Transfer first = run.sink().acceptedAt(2);
        assertThat(first.purpose()).isEqualTo("Aide familiale\nloyer de janvier\nfrais d'école");
        assertThat(first.sender().address()).isEqualTo("12 \"bis\" rue des Lilas; bât. B");
        assertThat(run.sink().acceptedAt(5).purpose()).isEqualTo("Cadeau\r\nanniversaire");
        assertThat(run.sink().acceptedAt(7).reference()).isEqualTo("1000000003");
    }

    @Test
    void blankLineInTheMiddleIsQuarantinedAsEmptyLine() {
        var file = new FrOperatorFile()
                .row(FrOperatorFile.transfer("1000000001"))
                .raw("")
                .row(FrOperatorFile.transfer("1000000002"));

        var run = ImportRun.frOperator(file.write(dir.resolve("blank.csv")))
                .assertEveryRecordAccountedFor(file.recordLines());

        assertThat(run.counts().accepted()).isEqualTo(2);
        assertThat(run.sink().rejectedAt(3).reason()).isEqualTo(RejectReason.EMPTY_LINE);
        assertThat(run.sink().acceptedAt(4).reference()).isEqualTo("1000000002");
    }

    @Test
    void utf8ByteOrderMarkSelectsUtf8AndTheHeaderStillMatches() throws IOException {
        var file = new FrOperatorFile().row(FrOperatorFile.transfer("1000000001", Map.of("Nom bénéficiaire", "DELA CRUZ Ñiño")));
        Path path = dir.resolve("bom.csv");
        byte[] body = file.text().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(path, withBom);

        // The profile says windows-1252; the byte-order mark wins.
        var run = ImportRun.frOperator(path).assertEveryRecordAccountedFor(file.recordLines());

        Transfer t = run.sink().acceptedAt(2);
        assertThat(t.reference()).isEqualTo("1000000001");
        assertThat(t.recipient().surname()).isEqualTo("DELA CRUZ Ñiño");
    }

    @Test
    void utf8ByteOrderMarkBeforeACanonicalHeader() throws IOException {
        Path path = dir.resolve("bom-canonical.csv");
        Files.writeString(path, "\uFEFFreference,send_datetime,sent_amount,sent_currency\n"
                + "C-1,2024-01-15T23:30:00+01:00,10.00,EUR\n", StandardCharsets.UTF_8);

        var run = ImportRun.of(Profiles.load("canonical"), path).assertEveryRecordAccountedFor(List.of(2L));

        assertThat(run.sink().acceptedAt(2).reference()).isEqualTo("C-1");
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path path = Files.write(dir.resolve("empty.csv"), new byte[0]);

        assertThatThrownBy(() -> ImportRun.frOperator(path))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void headerOnlyReadsNoRowsAndReconciles() {
        var file = new FrOperatorFile();

        var run = ImportRun.frOperator(file.write(dir.resolve("header-only.csv")))
                .assertEveryRecordAccountedFor(List.of());

        assertThat(run.counts().read()).isZero();
        assertThat(run.result().byReason()).isEmpty();
    }

    @Test
    void tenMegabyteFieldIsQuarantinedAndTheFollowingRowsAreStillRead() {
        String huge = "x".repeat(10 * 1024 * 1024);
        var file = new FrOperatorFile()
                .row(FrOperatorFile.transfer("1000000001"))
                .row(FrOperatorFile.transfer("1000000002", Map.of("Motif", huge)))
                .row(FrOperatorFile.transfer("1000000003"))
                .row(FrOperatorFile.transfer("1000000004"));

        var run = ImportRun.frOperator(file.write(dir.resolve("huge-field.csv")))
                .assertEveryRecordAccountedFor(file.recordLines());

        Rejection r = run.sink().rejectedAt(3);
        assertThat(r.reason()).isEqualTo(RejectReason.FIELD_TOO_LONG);
        assertThat(r.rawText()).as("kept whole, not truncated").contains(huge);
        assertThat(run.counts().accepted()).isEqualTo(3);
        assertThat(run.sink().acceptedAt(5).reference()).isEqualTo("1000000004");
    }

    @Test
    void fieldAtTheLimitIsAcceptedAndOneCharacterMoreIsNot() {
        var file = new FrOperatorFile()
                .row(FrOperatorFile.transfer("1000000001", Map.of("Motif", "m".repeat(RowMapper.MAX_FIELD_CHARS))))
                .row(FrOperatorFile.transfer("1000000002", Map.of("Motif", "m".repeat(RowMapper.MAX_FIELD_CHARS + 1))));

        var run = ImportRun.frOperator(file.write(dir.resolve("limit.csv")))
                .assertEveryRecordAccountedFor(file.recordLines());

        assertThat(run.sink().acceptedAt(2).purpose()).hasSize(RowMapper.MAX_FIELD_CHARS);
        assertThat(run.sink().rejectedAt(3).reason()).isEqualTo(RejectReason.FIELD_TOO_LONG);
        int motifColumn = FrOperatorFile.HEADER.indexOf("Motif") + 1; // columns are counted from 1 for users
        assertThat(run.sink().rejectedAt(3).detail())
                .isEqualTo("column " + motifColumn + " is 4097 characters long (limit 4096)");
    }

    @Test
    void extraColumnsAreQuarantinedButATrailingSeparatorIsHarmless() {
        var trailing = FrOperatorFile.join(new ArrayList<>(FrOperatorFile.transfer("1000000001").values())) + ";";
        var extra = FrOperatorFile.join(new ArrayList<>(FrOperatorFile.transfer("1000000002").values())) + ";surplus";
        var file = new FrOperatorFile().raw(trailing).raw(extra);

        var run = ImportRun.frOperator(file.write(dir.resolve("extra.csv")))
                .assertEveryRecordAccountedFor(file.recordLines());

        assertThat(run.sink().acceptedAt(2).reference()).isEqualTo("1000000001");
        assertThat(run.sink().rejectedAt(3).reason()).isEqualTo(RejectReason.WRONG_COLUMN_COUNT);
    }

    @Test
    void headerMissingARequiredColumnIsRefusedNamingItAndTheClosestHeader() {
        List<String> header = new ArrayList<>(FrOperatorFile.HEADER);
        header.set(header.indexOf("Montant envoyé"), "Montant envoi");
        var file = new FrOperatorFile(header);

        assertThatThrownBy(() -> ImportRun.frOperator(file.write(dir.resolve("bad-header.csv"))))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("'Montant envoyé'")
                .hasMessageContaining("closest: 'Montant envoi'");
    }

    /** All the required columns but one missing: named in alphabetical order, whatever the profile's order. */
    @Test
    void missingColumnsAreListedInAlphabeticalOrder() {
        MappingProfile profile = Profiles.load("fr-operator");
        List<String> expected = profile.columns().values().stream().flatMap(List::stream)
                .filter(c -> !c.optional()).map(MappingProfile.Column::header)
                .filter(h -> !h.equals("MTCN")).sorted().toList();

        HeaderMatch match = HeaderMatch.of(profile, List.of("MTCN"));

        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(match.missing()).containsExactlyElementsOf(expected);
    }

    @Test
    void headerMatchIgnoresCaseAccentsAndSpacing() {
        List<String> header = FrOperatorFile.HEADER.stream()
                .map(h -> "  " + h.toUpperCase().replace('É', 'E').replace(" ", "  ") + " ").toList();
        var file = new FrOperatorFile(header);
        List<String> fields = new ArrayList<>(FrOperatorFile.transfer("1000000001").values());
        file.raw(FrOperatorFile.join(fields));

        var run = ImportRun.frOperator(file.write(dir.resolve("shouting-header.csv")))
                .assertEveryRecordAccountedFor(file.recordLines());

        assertThat(run.sink().acceptedAt(2).sent().amount()).isEqualByComparingTo("1234.56");
    }

    @Test
    void optionalColumnsMayBeAbsentFromTheHeader() {
        List<String> header = new ArrayList<>(FrOperatorFile.HEADER);
        header.removeAll(List.of("Email expéditeur", "Second prénom bénéficiaire", "Date naissance bénéficiaire"));
        var file = new FrOperatorFile(header);
        Map<String, String> row = FrOperatorFile.transfer("1000000001");
        row.keySet().retainAll(header);
        file.row(row);

        var run = ImportRun.frOperator(file.write(dir.resolve("no-optional.csv")))
                .assertEveryRecordAccountedFor(file.recordLines());

        assertThat(run.sink().acceptedAt(2).sender().email()).isEmpty();
    }
}
