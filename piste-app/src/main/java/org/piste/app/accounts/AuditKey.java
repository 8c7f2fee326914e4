package org.piste.app.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.piste.app.store.OwnerOnly;

/**
 * The audit trail's key: 32 random bytes kept outside the database, in PISTE_HOME/audit-key (owner-only, made on
 * first use) or in the file PISTE_AUDIT_KEY_FILE names (for a server whose database is elsewhere). Events and
 * checkpoints are HMAC-SHA256 with it: a database superuser who cannot read the file can neither forge an event nor
 * recompute the chain after changing one.
 */
final class AuditKey {
    static final String FILE_VARIABLE = "PISTE_AUDIT_KEY_FILE";
    private final SecretKeySpec key;

    private AuditKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A key from its bytes (tests forge with keys of their own). */
    static AuditKey of(byte[] secret) {
        return new AuditKey(secret.clone());
    }

    /** Where the key of the installation in {@code home} is: $PISTE_AUDIT_KEY_FILE, else {@code home}/audit-key. */
    static Path file(Path home) {
        String named = System.getenv(FILE_VARIABLE);
        return named != null && !named.isBlank() ? Path.of(named) : home.resolve("audit-key");
    }

    /**
     * The key in {@code file}, made there (owner-only) if there is none yet. A key others may read is refused: whoever
     * can read it can forge the trail (a backup restored with a wider mode, say).
     */
    static AuditKey load(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            OwnerOnly.createNew(file, HexFormat.of().formatHex(secret) + "\n");
        }
        OwnerOnly.require(file, "the audit key");
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!text.matches("[0-9a-f]{64}")) throw new IOException(file + " does not hold an audit key made by Piste");
        return new AuditKey(HexFormat.of().parseHex(text));
    }

    /** HMAC-SHA256 of {@code message} (UTF-8), in hex. */
    String mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "AuditKey[***]";
    }
}
