package org.piste.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into characters the way the profile says, and refuses to guess silently:
 * a byte-order mark selects its UTF, bytes that are invalid in the declared encoding stop the import,
 * and a file declared as a single-byte encoding that is in fact UTF-8 is reported before any row is read.
 */
final class Decoding {
    private static final int SNIFF_BYTES = 1 << 16;

    private Decoding() {}

    /** The reader and the character set actually used. */
    record Decoded(Reader reader, Charset charset) {}

    static Decoded open(InputStream raw, Charset declared) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, SNIFF_BYTES);
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        Charset charset = declared;
        int bomLength = 0;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bomLength = 2;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bomLength = 2;
        } else if (!isUtf(declared) && looksLikeUtf8(head)) {
            throw new ImportException("the file looks like UTF-8 (it has valid multi-byte UTF-8 sequences) but the profile says "
                    + declared.name() + ": use --encoding UTF-8 or a profile with encoding UTF-8");
        }
        in.skipNBytes(bomLength);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new Decoded(new InputStreamReader(in, decoder), charset);
    }

    private static boolean isUtf(Charset c) {
        return c.name().startsWith("UTF-");
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((data[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    /** Valid UTF-8 with at least one multi-byte sequence (a cut at the end of the sample is forgiven). */
    static boolean looksLikeUtf8(byte[] sample) {
        boolean multiByte = false;
        int end = sample.length;
        for (byte b : sample) if ((b & 0x80) != 0) { multiByte = true; break; }
        if (!multiByte) return false;
        // Drop an incomplete trailing sequence so a sample cut mid-character still counts; a sample shorter
        // than the window is the whole file, whose last bytes must be valid too.
        if (sample.length >= SNIFF_BYTES) {
            int i = end - 1;
            while (i >= 0 && i >= end - 4 && (sample[i] & 0xC0) == 0x80) i--;
            if (i >= 0 && (sample[i] & 0x80) != 0) end = i;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(sample, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
