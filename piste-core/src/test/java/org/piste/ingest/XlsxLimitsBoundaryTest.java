package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each limit of {@link XlsxLimits} at its boundary: exactly at the limit is read, one byte (or string) over is
 * refused. The real limits are megabytes; most boundaries are pinned on small limits built for the test, the
 * file size and the text run on the real ones. The zips are written here and need not be workbooks: the check
 * reads any zip.
 */
class XlsxLimitsBoundaryTest {
    @TempDir Path dir;

    private static final long NONE = Long.MAX_VALUE;

    /** Small limits: only the one under test is given, the others never trip. */
    private static XlsxLimits limits(long fileBytes, long sstBytes, long strings, int textBytes,
            double ratio, long grace, long entryBytes) {
        return new XlsxLimits(fileBytes, sstBytes, strings, textBytes, ratio, grace, entryBytes);
    }

    private static XlsxLimits strings(long max) {
        return limits(NONE, NONE, max, Integer.MAX_VALUE, 0, NONE, NONE);
    }

    private static XlsxLimits text(int max) {
        return limits(NONE, NONE, NONE, max, 0, NONE, NONE);
    }

    private record Part(String name, byte[] bytes, boolean stored) {
        static Part of(String name, String text) {
            return new Part(name, text.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    private static byte[] zip(Part... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Part part : parts) {
                ZipEntry entry = new ZipEntry(part.name());
                if (part.stored()) {
                    CRC32 crc = new CRC32();
                    crc.update(part.bytes());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(part.bytes().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(part.bytes());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Path write(String file, Part... parts) throws IOException {
        return Files.write(dir.resolve(file), zip(parts));
    }

    private static String times(String unit, int count) {
        return unit.repeat(count);
    }

    @Test
    void theDefaultsArePistesLimitsAndPoisZipBombSettings() {
        assertThat(XlsxLimits.defaults()).isEqualTo(new XlsxLimits(
                104_857_600L, 67_108_864L, 2_000_000L, 1_048_576, 0.01, 102_400L, 4_294_967_295L));
        assertThat(XlsxLimits.MAX_ROWS).isEqualTo(1_048_576);
        assertThat(XlsxLimits.MAX_CELLS_PER_ROW).isEqualTo(16_384);
    }

    /** A sparse file: a small zip written at its end, after a hole (a zip may start after other data). */
    private Path sparse(String name, long size) throws IOException {
        byte[] zip = zip(Part.of("xl/workbook.xml", "<workbook/>"));
        Path path = dir.resolve(name);
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(size);
            file.seek(size - zip.length);
            file.write(zip);
        }
        return path;
    }

    @Test
    void aFileOfExactly100MbIsReadAndOneByteMoreIsRefused() throws IOException {
        Path atLimit = sparse("at-limit.xlsx", 100L << 20);
        Path over = sparse("over.xlsx", (100L << 20) + 1);

        assertThatCode(() -> XlsxLimits.defaults().check(atLimit)).doesNotThrowAnyException();
        assertThatThrownBy(() -> XlsxLimits.defaults().check(over))
                .isInstanceOf(ImportException.class)
                .hasMessage("the workbook is 100 MB, over the limit of 100 MB; split the export or convert it to CSV");
    }

    @Test
    void theFileSizeLimitHoldsToTheByte() throws IOException {
        Path path = write("small.xlsx", Part.of("xl/workbook.xml", "<workbook/>"));
        long size = Files.size(path);

        assertThatCode(() -> limits(size, NONE, NONE, Integer.MAX_VALUE, 0, NONE, NONE).check(path))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> limits(size - 1, NONE, NONE, Integer.MAX_VALUE, 0, NONE, NONE).check(path))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("over the limit of 0 MB");
    }

    /** Stored, so the part's bytes are the run itself: "<t>", then the run "t>xxx…" up to the next '<'. */
    @Test
    void aRunOfExactly1MbBetweenTwoTagsIsReadAndOneByteMoreIsRefused() throws IOException {
        // The run after '<' is "t>" and the x's: 2 + (1 MiB - 2) bytes.
        String atLimit = "<t>" + times("x", (1 << 20) - 2) + "</t>";
        Path ok = write("run-at-limit.xlsx", new Part("xl/worksheets/sheet1.xml", atLimit.getBytes(StandardCharsets.US_ASCII), true));
        String over = "<t>" + times("x", (1 << 20) - 1) + "</t>";
        Path refused = write("run-over.xlsx", new Part("xl/worksheets/sheet1.xml", over.getBytes(StandardCharsets.US_ASCII), true));

        assertThatCode(() -> XlsxLimits.defaults().check(ok)).doesNotThrowAnyException();
        assertThatThrownBy(() -> XlsxLimits.defaults().check(refused))
                .isInstanceOf(ImportException.class)
                .hasMessage("the workbook holds a text or tag over 1 MB in xl/worksheets/sheet1.xml (Excel holds at most"
                        + " 32,767 characters in a cell); split the export or convert it to CSV");
    }

    @Test
    void theRunIsCountedFromTheLastLessThanSign() throws IOException {
        // Runs: "a>" + 98 y's = 100, then "/a>" = 3.
        Path ok = write("ok.xlsx", Part.of("a.xml", "<a>" + times("y", 98) + "</a>"));
        Path over = write("over.xlsx", Part.of("a.xml", "<a>" + times("y", 99) + "</a>"));
        // Many short runs add up to far more than the limit.
        Path manyShort = write("many.xlsx", Part.of("a.xml", times("<a>" + times("y", 90) + "</a>", 50)));

        assertThatCode(() -> text(100).check(ok)).doesNotThrowAnyException();
        assertThatCode(() -> text(100).check(manyShort)).doesNotThrowAnyException();
        assertThatThrownBy(() -> text(100).check(over)).isInstanceOf(ImportException.class)
                .hasMessageContaining("holds a text or tag over 0 MB in a.xml");
    }

    /** XML parts (.xml, .rels) are scanned for long runs; pictures and other binary parts are not. */
    @Test
    void onlyXmlAndRelsPartsAreScanned() throws IOException {
        String longRun = times("z", 500);
        Path binary = write("binary.xlsx", Part.of("xl/media/image1.png", longRun));
        Path rels = write("rels.xlsx", Part.of("xl/_rels/workbook.xml.rels", longRun));
        Path xml = write("xml.xlsx", Part.of("xl/styles.xml", longRun));

        assertThatCode(() -> text(100).check(binary)).doesNotThrowAnyException();
        assertThatThrownBy(() -> text(100).check(rels)).isInstanceOf(ImportException.class)
                .hasMessageContaining("in xl/_rels/workbook.xml.rels");
        assertThatThrownBy(() -> text(100).check(xml)).isInstanceOf(ImportException.class)
                .hasMessageContaining("in xl/styles.xml");
    }

    @Test
    void aCommentIsRefusedInXmlOnly() throws IOException {
        Path xml = write("comment.xlsx", Part.of("xl/styles.xml", "<a><!-- <b> --></a>"));
        Path binary = write("binary.xlsx", Part.of("xl/media/image1.png", "<a><!-- <b> --></a>"));

        assertThatThrownBy(() -> text(100).check(xml)).isInstanceOf(ImportException.class)
                .hasMessage("the workbook's xl/styles.xml holds a comment, CDATA or DOCTYPE, which spreadsheet programs do not write");
        assertThatCode(() -> text(100).check(binary)).doesNotThrowAnyException();
    }

    private static final String SI = "<si><t>ab</t></si>";

    @Test
    void exactlyTheLimitOfSharedStringsIsReadAndOneMoreIsRefused() throws IOException {
        Path three = write("three.xlsx", Part.of("xl/sharedStrings.xml", "<sst>" + times(SI, 3) + "</sst>"));
        Path four = write("four.xlsx", Part.of("xl/sharedStrings.xml", "<sst>" + times(SI, 4) + "</sst>"));

        assertThatCode(() -> strings(3).check(three)).doesNotThrowAnyException();
        assertThatThrownBy(() -> strings(3).check(four)).isInstanceOf(ImportException.class)
                .hasMessage("the workbook holds more than 3 shared strings; split the export or convert it to CSV");
    }

    /** Only {@code <si>} opening tags count, with or without a namespace prefix, across every part. */
    @Test
    void sharedStringsAreCountedByTheirOpeningTagInEveryPart() throws IOException {
        // 2 + 1 = 3: "<x:si>" counts, "</si>", "<sis>", "<t>" and "<sst>" do not.
        Path three = write("three.xlsx",
                Part.of("xl/sharedStrings.xml", "<?xml version=\"1.0\"?>\n<sst><si><t>a</t></si><x:si>b</x:si><sis/></sst>"),
                Part.of("xl/other.xml", "<sst>\n<si\tn=\"1\"><t>c</t></si></sst>"));
        Path four = write("four.xlsx",
                Part.of("xl/sharedStrings.xml", "<sst><si><t>a</t></si><x:si>b</x:si></sst>"),
                Part.of("xl/other.xml", "<sst><si/><si>c</si></sst>"));

        assertThatCode(() -> strings(3).check(three)).doesNotThrowAnyException();
        assertThatThrownBy(() -> strings(3).check(four)).isInstanceOf(ImportException.class)
                .hasMessageContaining("more than 3 shared strings");
    }

    /** A tag's name is read up to 65 characters: a 62-character prefix still leaves ":si" whole, 63 do not. */
    @Test
    void aTagNameIsReadUpTo65Characters() throws IOException {
        String p62 = times("p", 62);
        String p63 = times("p", 63);
        Path whole = write("whole.xlsx", Part.of("a.xml", "<sst><" + p62 + ":si>a</" + p62 + ":si><" + p62 + ":si>b</" + p62 + ":si></sst>"));
        Path cut = write("cut.xlsx", Part.of("a.xml", "<sst><" + p63 + ":si>a</" + p63 + ":si><" + p63 + ":si>b</" + p63 + ":si></sst>"));

        assertThatThrownBy(() -> strings(1).check(whole)).isInstanceOf(ImportException.class)
                .hasMessageContaining("more than 1 shared strings");
        assertThatCode(() -> strings(1).check(cut)).doesNotThrowAnyException();
    }

    /**
     * A shared-strings part ({@code <sst>} root) of exactly {@code size} bytes. Over 64 KiB: the root is known
     * from the second buffer the part inflates to, which is when its size is checked.
     */
    private static String sst(String root, int size) {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root + ">";
        String tail = "</" + root + ">";
        int room = size - head.length() - tail.length() - "<si><t></t></si>".length();
        String body = times(SI, room / SI.length()) + "<si><t>" + times("c", room % SI.length()) + "</t></si>";
        String xml = head + body + tail;
        assertThat(xml).hasSize(size);
        return xml;
    }

    @Test
    void aSharedStringsPartOfExactlyTheLimitIsReadAndOneByteMoreIsRefused() throws IOException {
        XlsxLimits limits = limits(NONE, 100_000, NONE, Integer.MAX_VALUE, 0, NONE, NONE);
        Path ok = write("ok.xlsx", Part.of("xl/sharedStrings.xml", sst("sst", 100_000)));
        Path over = write("over.xlsx", Part.of("xl/sharedStrings.xml", sst("sst", 100_001)));
        // Only the shared strings are held in memory: a sheet of the same size is not theirs to limit.
        Path sheet = write("sheet.xlsx", Part.of("xl/worksheets/sheet1.xml", sst("worksheet", 100_001)));

        assertThatCode(() -> limits.check(ok)).doesNotThrowAnyException();
        assertThatCode(() -> limits.check(sheet)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limits.check(over)).isInstanceOf(ImportException.class)
                .hasMessage("the workbook holds more than 0 MB of shared strings; split the export or convert it to CSV");
    }

    @Test
    void aPartOfExactlyTheLargestEntrySizeIsReadAndOneByteMoreIsRefused() throws IOException {
        XlsxLimits limits = limits(NONE, NONE, NONE, Integer.MAX_VALUE, 0, NONE, 1 << 20);
        Path ok = write("ok.xlsx", new Part("xl/media/blob.bin", new byte[1 << 20], false));
        Path over = write("over.xlsx", new Part("xl/media/blob.bin", new byte[(1 << 20) + 1], false));

        assertThatCode(() -> limits.check(ok)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limits.check(over)).isInstanceOf(ImportException.class)
                .hasMessage("the workbook part xl/media/blob.bin is over 1 MB once inflated; split the export or convert it to CSV");
    }

    /**
     * A thousand zeros deflate to a few bytes; at exactly their ratio (compressed / inflated) the part is read,
     * a hair above it is a zip bomb, unless the part is within the grace size, which is never checked.
     */
    @Test
    void theZipBombRatioAndGraceSizeHoldAtTheirBoundaries() throws IOException {
        Path path = write("zeros.xlsx", new Part("xl/media/zeros.bin", new byte[1000], false));
        long compressed;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            compressed = zip.getEntry("xl/media/zeros.bin").getCompressedSize();
        }
        assertThat(compressed).isBetween(1L, 100L);
        double ratio = (double) compressed / 1000;
        double above = Math.nextUp(ratio);

        assertThatCode(() -> limits(NONE, NONE, NONE, Integer.MAX_VALUE, ratio, 0, NONE).check(path))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> limits(NONE, NONE, NONE, Integer.MAX_VALUE, above, 0, NONE).check(path))
                .isInstanceOf(ImportException.class)
                .hasMessage("the workbook inflates more than " + Math.round(1000.0 / compressed)
                        + " times its compressed size (a zip bomb?); split the export or convert it to CSV");
        assertThatCode(() -> limits(NONE, NONE, NONE, Integer.MAX_VALUE, above, 1000, NONE).check(path))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> limits(NONE, NONE, NONE, Integer.MAX_VALUE, above, 999, NONE).check(path))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("zip bomb");
    }

    @Test
    void poisRatioIsNamedInTheSentence() {
        assertThat(XlsxLimits.zipBomb()).hasMessage(
                "the workbook inflates more than 100 times its compressed size (a zip bomb?); split the export or convert it to CSV");
    }

    @Test
    void aFileThatIsNotAZipIsOneSentence() throws IOException {
        Path path = Files.writeString(dir.resolve("not.xlsx"), "PK\u0003\u0004 and then nothing of a zip");

        assertThatThrownBy(() -> XlsxLimits.defaults().check(path)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("not a readable XLSX workbook: ");
    }
}
