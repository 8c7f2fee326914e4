package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks built to exhaust memory are refused with one sentence naming the limit, never an OutOfMemoryError.
 * The files are generated here: a few hundred kilobytes on disk that inflate to gigabytes.
 */
class XlsxLimitsTest {
    @TempDir Path dir;

    private final MappingProfile xlsx = ProfilesTest.parse(XlsxImportTest.PROFILE);

    private XlsxFile book() {
        return new XlsxFile("Transferts")
                .row(1, "Référence", "Envoi", "Date paiement", "Montant", "Devise", "Nom", "Motif")
                .row(2, "XL-1", LocalDateTime.of(2024, 1, 15, 23, 30), null, 10.0, "EUR", "MARTIN", "a");
    }

    /**
     * Writes {@code count} copies of {@code unit} and, after every 8 KiB of them, 128 random letters between
     * {@code open} and {@code close}: enough noise that the file stays over POI's zip-bomb ratio (1 %), which
     * a real attacker would do too, and still some 60 times smaller than what it inflates to.
     */
    private static void salted(OutputStream out, String unit, long count, String open, String close) throws IOException {
        byte[] one = unit.getBytes(StandardCharsets.UTF_8);
        int perBlock = Math.max(1, 8192 / one.length);
        byte[] block = new byte[one.length * perBlock];
        for (int i = 0; i < perBlock; i++) System.arraycopy(one, 0, block, i * one.length, one.length);
        Random random = new Random(16);
        byte[] noise = new byte[128];
        for (long left = count; left > 0; left -= perBlock) {
            out.write(block, 0, (int) (Math.min(left, perBlock) * one.length));
            for (int i = 0; i < noise.length; i++) noise[i] = (byte) ('a' + random.nextInt(26));
            write(out, open);
            out.write(noise);
            write(out, close);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** More characters than this JVM has memory for, within what one Java string can hold. */
    private static long moreThanTheHeap() {
        return Math.min(Runtime.getRuntime().maxMemory(), Integer.MAX_VALUE - 64L);
    }

    @Test
    void oneEnormousSharedStringIsRefusedWithTheLimitNamed() throws IOException {
        Path path = book().sharedStrings(out -> {
            write(out, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>");
            salted(out, "a", moreThanTheHeap(), "", "");
            write(out, "</t></si></sst>");
        }).write(dir.resolve("long-string.xlsx"));

        assertThatThrownBy(() -> ImportRun.of(xlsx, path))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("32,767")
                .hasMessageContaining("split the export or convert it to CSV");
    }

    @Test
    void tooManySharedStringsAreRefusedWithTheLimitNamed() throws IOException {
        // Each string costs the reader some 50 bytes of heap for 18 bytes of XML.
        long count = Runtime.getRuntime().maxMemory() / 40;
        Path path = book().sharedStrings(out -> {
            write(out, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            salted(out, "<si><t>ab</t></si>", count, "<si><t>", "</t></si>");
            write(out, "</sst>");
        }).write(dir.resolve("many-strings.xlsx"));

        assertThatThrownBy(() -> ImportRun.of(xlsx, path))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("shared strings")
                .hasMessageContaining("split the export or convert it to CSV");
    }

    /** Compressible at first, noise after: POI's running ratio trips, and gives the same kind of sentence. */
    @Test
    void poisOwnZipBombLimitGivesTheSameCleanSentence() throws IOException {
        Path path = book().sharedStrings(out -> {
            write(out, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            for (int i = 0; i < 500_000; i++) write(out, "<si><t>ab</t></si>");
            Random random = new Random(16);
            for (int s = 0; s < 4; s++) {
                write(out, "<si><t>");
                for (int i = 0; i < 300_000; i++) out.write('a' + random.nextInt(26));
                write(out, "</t></si>");
            }
            write(out, "</sst>");
        }).write(dir.resolve("bomb-first.xlsx"));

        assertThatThrownBy(() -> ImportRun.of(xlsx, path))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("zip bomb")
                .hasMessageContaining("split the export or convert it to CSV");
    }

    @Test
    void oneEnormousInlineCellIsRefused() throws IOException {
        Random random = new Random(16);
        char[] text = new char[2 << 20];
        for (int i = 0; i < text.length; i++) text[i] = (char) ('a' + random.nextInt(26));
        Path path = book().row(3, "XL-2", LocalDateTime.of(2024, 1, 15, 23, 30), null, 10.0, "EUR", "MARTIN", new String(text))
                .write(dir.resolve("long-cell.xlsx"));

        assertThatThrownBy(() -> ImportRun.of(xlsx, path))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("32,767");
    }

    /** A sparse file: the size is refused before a byte of it is read. */
    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeReading() throws IOException {
        Path path = book().write(dir.resolve("big.xlsx"));
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(XlsxLimits.MAX_FILE_BYTES + 1);
        }

        assertThatThrownBy(() -> ImportRun.of(xlsx, path))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("MB")
                .hasMessageContaining("split the export or convert it to CSV");
    }

    @Test
    void anOrdinaryWorkbookWithSharedStringsIsStillRead() throws IOException {
        Path path = new XlsxFile("Transferts")
                .row(1, "Référence", "Envoi", "Date paiement", "Montant", "Devise", "Nom", "Motif")
                .row(2, "XL-1", LocalDateTime.of(2024, 1, 15, 23, 30), null, 10.0, "EUR", "MARTIN", "a")
                .sharedStrings(out -> write(out, """
                        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">\
                        <si><t>unused</t></si></sst>"""))
                .write(dir.resolve("ordinary.xlsx"));

        var run = ImportRun.of(xlsx, path).assertEveryRecordAccountedFor(List.of(2L));

        assertThat(run.sink().acceptedAt(2).reference()).isEqualTo("XL-1");
    }
}
