package org.piste.app.screen;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of text as its UTF-8 bytes ({@code String.getBytes(UTF_8)}, a lone surrogate as {@code ?}), through buffers
 * kept from one text to the next: a run hashes every entity's explanation, and a string then a byte array made for
 * each was most of what the run allocated. One per thread.
 */
final class JsonDigest {
    private final MessageDigest sha;
    private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private char[] chars = new char[1 << 12];
    private ByteBuffer bytes = ByteBuffer.allocate(3 << 12);

    JsonDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    byte[] of(CharSequence text) {
        int n = text.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
            bytes = ByteBuffer.allocate(3 * chars.length); // UTF-8 takes at most 3 bytes per char (a pair: 4 for 2)
        }
        if (text instanceof StringBuilder b) b.getChars(0, n, chars, 0);
        else text.toString().getChars(0, n, chars, 0);
        bytes.clear();
        utf8.reset();
        CoderResult r = utf8.encode(CharBuffer.wrap(chars, 0, n), bytes, true);
        if (!r.isUnderflow() || !utf8.flush(bytes).isUnderflow()) throw new IllegalStateException("UTF-8 encoding: " + r);
        sha.update(bytes.array(), 0, bytes.position());
        return sha.digest();
    }
}
