package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The UTF-8 sniffing and byte-order marks, on byte arrays built here. */
class DecodingTest {
    /** The sniffing window of Decoding: 64 KiB. */
    private static final int WINDOW = 1 << 16;

    /** A full window: 'é' (C3 A9) then ASCII 'a', ending with {@code tail}. */
    private static byte[] window(int... tail) {
        byte[] sample = new byte[WINDOW];
        Arrays.fill(sample, (byte) 'a');
        sample[0] = (byte) 0xC3;
        sample[1] = (byte) 0xA9;
        for (int i = 0; i < tail.length; i++) sample[WINDOW - tail.length + i] = (byte) tail[i];
        return sample;
    }

    @Test
    void asciiAloneIsNotEvidenceOfUtf8() {
        assertThat(Decoding.looksLikeUtf8("Ref;Nom\r\nR-1;Jose".getBytes(StandardCharsets.US_ASCII))).isFalse();
        byte[] asciiWindow = new byte[WINDOW];
        Arrays.fill(asciiWindow, (byte) 'a');
        assertThat(Decoding.looksLikeUtf8(asciiWindow)).isFalse();
        assertThat(Decoding.looksLikeUtf8("Ref;Nom\r\nR-1;José".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    /** é is C3 A9, € is E2 82 AC, U+1F600 is F0 9F 98 80: a window may end after any of their first bytes. */
    @Test
    void windowCutInsideACharacterIsForgiven() {
        int[][] cuts = {{0xC3}, {0xE2}, {0xE2, 0x82}, {0xF0}, {0xF0, 0x9F}, {0xF0, 0x9F, 0x98}};
        for (int[] cut : cuts) {
            assertThat(Decoding.looksLikeUtf8(window(cut))).as(Arrays.toString(cut)).isTrue();
        }
    }

    @Test
    void windowEndingOnACompleteCharacterOrAsciiIsUtf8() {
        assertThat(Decoding.looksLikeUtf8(window(0xC3, 0xA9))).isTrue();
        assertThat(Decoding.looksLikeUtf8(window(0xF0, 0x9F, 0x98, 0x80))).isTrue();
        assertThat(Decoding.looksLikeUtf8(window(0xC3, 0xA9, 'a'))).isTrue();
    }

    /** Continuation bytes after ASCII begin no character: not a cut, invalid UTF-8. */
    @Test
    void strayContinuationBytesAtTheEndOfAWindowAreNotForgiven() {
        for (int stray = 1; stray <= 4; stray++) {
            int[] tail = new int[stray + 1];
            tail[0] = 'a';
            Arrays.fill(tail, 1, tail.length, 0x80);
            assertThat(Decoding.looksLikeUtf8(window(tail))).as(stray + " stray bytes").isFalse();
        }
    }

    /** A sample shorter than the window is the whole file: its last character must be whole. */
    @Test
    void wholeFileEndingInsideACharacterIsNotUtf8() {
        // One byte short of the window, ending in E2: a € cut after its first byte.
        byte[] cut = Arrays.copyOf(window(0xE2, 0x82), WINDOW - 1);
        assertThat(Decoding.looksLikeUtf8(cut)).isFalse();
        assertThat(Decoding.looksLikeUtf8(new byte[] {'J', 'o', 's', (byte) 0xC3})).isFalse();
    }

    private static String read(Decoding.Decoded decoded) throws IOException {
        try (Reader r = decoded.reader()) {
            StringWriter out = new StringWriter();
            r.transferTo(out);
            return out.toString();
        }
    }

    /** A byte-order mark wins over the profile's encoding and is not part of the text, even in a file of just the mark. */
    @Test
    void byteOrderMarksSelectTheirEncoding() throws IOException {
        var utf8 = Decoding.open(new ByteArrayInputStream(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
                FrOperatorFile.WINDOWS_1252);
        assertThat(utf8.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(read(utf8)).isEmpty();

        var utf16le = Decoding.open(new ByteArrayInputStream(new byte[] {(byte) 0xFF, (byte) 0xFE, 'A', 0}),
                FrOperatorFile.WINDOWS_1252);
        assertThat(utf16le.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(read(utf16le)).isEqualTo("A");

        var utf16be = Decoding.open(new ByteArrayInputStream(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'A'}),
                FrOperatorFile.WINDOWS_1252);
        assertThat(utf16be.charset()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(read(utf16be)).isEqualTo("A");
    }

    /** Files shorter than a byte-order mark have none; they are read in the profile's encoding. */
    @Test
    void filesShorterThanAMarkAreReadAsDeclared() throws IOException {
        for (byte[] data : new byte[][] {{}, {'A'}, {(byte) 0xEF, (byte) 0xBB}}) {
            var decoded = Decoding.open(new ByteArrayInputStream(data), FrOperatorFile.WINDOWS_1252);
            assertThat(decoded.charset()).isEqualTo(FrOperatorFile.WINDOWS_1252);
            assertThat(read(decoded)).isEqualTo(new String(data, FrOperatorFile.WINDOWS_1252));
        }
    }
}
