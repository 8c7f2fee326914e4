package org.piste.app.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The audit trail's hash chain: each event's hash covers the previous event's hash and every field of its own,
 * length-prefixed so no two different events hash alike by shifting text between fields. Since V16 the hash is an
 * HMAC-SHA256 with the installation's {@link AuditKey}; events written before are plain SHA-256 and still verify.
 */
public final class AuditChain {
    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    /** How an event's hash was made, as the column audit_event.scheme stores it. */
    enum Scheme {
        /** Before V16: anyone could recompute it. */
        SHA256("sha256"),
        /** Every event since: only the key's holder can. */
        HMAC_SHA256("hmac-sha256");

        final String stored;

        Scheme(String stored) {
            this.stored = stored;
        }

        static Scheme of(String stored) {
            return Arrays.stream(values()).filter(s -> s.stored.equals(stored)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("unknown audit hash scheme: " + stored));
        }
    }

    private AuditChain() {}

    /** The unkeyed hash of before V16 (how old events are checked). */
    public static String hash(String prevHash, long seq, Instant at, String username, String action, String object,
            Optional<Long> caseId, String detail) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fields(prevHash, seq, at, username, action, object,
                    caseId, detail).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The keyed hash of every event since V16: HMAC-SHA256 of the same fields. */
    static String hash(AuditKey key, String prevHash, long seq, Instant at, String username, String action, String object,
            Optional<Long> caseId, String detail) {
        return key.mac(fields(prevHash, seq, at, username, action, object, caseId, detail));
    }

    public static String hash(AuditEvent e) {
        return hash(e.prevHash(), e.seq(), e.at(), e.username(), e.action(), e.object(), e.caseId(), e.detail());
    }

    /** Whether {@code e}'s stored hash is its content's under {@code scheme}. */
    static boolean matches(AuditKey key, Scheme scheme, AuditEvent e) {
        String expected = scheme == Scheme.SHA256 ? hash(e)
                : hash(key, e.prevHash(), e.seq(), e.at(), e.username(), e.action(), e.object(), e.caseId(), e.detail());
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), e.hash().getBytes(StandardCharsets.US_ASCII));
    }

    private static String fields(String prevHash, long seq, Instant at, String username, String action, String object,
            Optional<Long> caseId, String detail) {
        StringBuilder s = new StringBuilder(256);
        for (String field : new String[] {prevHash, Long.toString(seq), at.toString(), username, action, object,
                caseId.map(String::valueOf).orElse(""), detail}) {
            s.append(field.length()).append(':').append(field).append('\n');
        }
        return s.toString();
    }
}
