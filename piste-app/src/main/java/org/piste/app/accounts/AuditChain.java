package org.piste.app.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The audit trail's hash chain: each event's hash covers the previous event's hash and every field of its own,
 * length-prefixed so no two different events hash alike by shifting text between fields.
 */
public final class AuditChain {
    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    public static String hash(String prevHash, long seq, Instant at, String username, String action, String object,
            Optional<Long> caseId, String detail) {
        StringBuilder s = new StringBuilder(256);
        for (String field : new String[] {prevHash, Long.toString(seq), at.toString(), username, action, object,
                caseId.map(String::valueOf).orElse(""), detail}) {
            s.append(field.length()).append(':').append(field).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String hash(AuditEvent e) {
        return hash(e.prevHash(), e.seq(), e.at(), e.username(), e.action(), e.object(), e.caseId(), e.detail());
    }
}
