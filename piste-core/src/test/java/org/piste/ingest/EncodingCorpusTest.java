package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer refuses to guess an encoding silently. */
class EncodingCorpusTest {
    @TempDir Path dir;

    @Test
    void windows1252FileReadWithAUtf8ProfileIsRefusedMentioningTheEncoding() {
        var file = new FrOperatorFile().row(FrOperatorFile.transfer("1000000001"));
        Path path = file.write(dir.resolve("cp1252.csv"), FrOperatorFile.WINDOWS_1252);
        MappingProfile utf8 = Profiles.load("fr-operator").withEncoding(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ImportRun.of(utf8, path))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("UTF-8")
                .hasMessageContaining("encoding");
    }

    @Test
    void windows1252BytesLateInAUtf8FileAreRefusedNotReplaced() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("reference,send_datetime,sent_amount,sent_currency,sender_surname\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 1; i <= 50; i++) {
            bytes.writeBytes(("C-" + i + ",2024-01-15T10:00:00+01:00,10.00,EUR,Martin\n").getBytes(StandardCharsets.US_ASCII));
        }
        bytes.writeBytes("C-51,2024-01-15T10:00:00+01:00,10.00,EUR,Jos".getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xE9); // 'é' in windows-1252, invalid alone in UTF-8
        bytes.write('\n');
        Path path = Files.write(dir.resolve("mixed.csv"), bytes.toByteArray());

        assertThatThrownBy(() -> ImportRun.of(Profiles.load("canonical"), path))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("encoding");
    }

    @Test
    void utf8FileWithAWindows1252ProfileIsRefusedAsLookingLikeUtf8() {
        var file = new FrOperatorFile().row(FrOperatorFile.transfer("1000000001"));
        Path path = file.write(dir.resolve("utf8.csv"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ImportRun.frOperator(path))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("looks like UTF-8");
    }

    @Test
    void utf8CharacterCutByTheSniffingWindowStillCountsAsUtf8() {
        // 65535 ASCII bytes then 'é' (C3 A9): the 64 KiB sample ends in the middle of the character.
        byte[] data = new byte[65535 + 2 + 10];
        java.util.Arrays.fill(data, (byte) 'a');
        data[65535] = (byte) 0xC3;
        data[65536] = (byte) 0xA9;

        assertThatThrownBy(() -> Decoding.open(new ByteArrayInputStream(data), FrOperatorFile.WINDOWS_1252))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("looks like UTF-8");
    }

    /**
     * A small windows-1252 file whose only accented letter is its very last byte (no final line break) is not
     * UTF-8: a lone 0xE9 at the end of the file is invalid UTF-8. Only a sample cut at 64 KiB may end mid-character.
     */
    @Test
    void windows1252FileEndingInAnAccentedLetterIsNotMistakenForUtf8() throws IOException {
        byte[] data = "Ref;Nom\r\nR-1;Jos\u00e9".getBytes(FrOperatorFile.WINDOWS_1252);

        var decoded = Decoding.open(new ByteArrayInputStream(data), FrOperatorFile.WINDOWS_1252);
        try (Reader r = decoded.reader()) {
            var out = new java.io.StringWriter();
            r.transferTo(out);
            assertThat(out.toString()).endsWith("José");
        }
    }

    @Test
    void replacementCharacterInAFieldStopsTheImport() throws IOException {
        Path path = dir.resolve("replaced.csv");
        Files.writeString(path, "reference,send_datetime,sent_amount,sent_currency,sender_surname\n"
                + "C-1,2024-01-15T10:00:00+01:00,10.00,EUR,Martin\n"
                + "C-2,2024-01-15T10:00:00+01:00,10.00,EUR,Jos\uFFFD\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ImportRun.of(Profiles.load("canonical"), path))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("U+FFFD")
                .hasMessageContaining("line 3");
    }

    @Test
    void replacementCharacterOpeningAFieldStopsTheImportToo() throws IOException {
        Path path = dir.resolve("replaced-first.csv");
        Files.writeString(path, "reference,send_datetime,sent_amount,sent_currency,sender_surname\n"
                + "C-1,2024-01-15T10:00:00+01:00,10.00,EUR,\uFFFDlvarez\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ImportRun.of(Profiles.load("canonical"), path))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void windows1252SpecificCharactersAreDecoded() {
        // '€' is 0x80 and '’' is 0x92 in windows-1252, both absent from ISO-8859-1.
        var file = new FrOperatorFile().row(FrOperatorFile.transfer("1000000001", Map.of(
                "Motif", "Remboursement 50 € d’avance", "Prénom bénéficiaire", "Zoé")));

        var run = ImportRun.frOperator(file.write(dir.resolve("euro.csv")))
                .assertEveryRecordAccountedFor(List.of(2L));

        assertThat(run.sink().acceptedAt(2).purpose()).isEqualTo("Remboursement 50 € d’avance");
        assertThat(run.sink().acceptedAt(2).recipient().givenNames()).isEqualTo("Zoé");
    }
}
