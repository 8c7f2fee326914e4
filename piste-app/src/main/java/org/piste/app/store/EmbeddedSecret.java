package org.piste.app.store;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The embedded server's password: 32 random bytes (base64) in a file of PISTE_HOME readable by its owner only, the
 * superuser's password on the server, whose pg_hba.conf asks every connection, local or TCP, for it (scram-sha-256).
 * zonky's initdb trusts every local user; {@link #secure} runs before the server starts (its data directory locked),
 * so a server that trusts anyone never accepts a connection: a data directory without Piste's pg_hba.conf (new, or
 * made by an older Piste) or without the file gets its password set in single-user mode, then the file (a new
 * password), then the pg_hba.conf that requires it; no data is touched. {@code stored}: the value was read from
 * {@code file} (else it is new and not yet written).
 */
record EmbeddedSecret(Path file, String value, boolean stored) {
    static final String HBA = """
            # Written by Piste: every connection needs the password in PISTE_HOME/pg-password.
            local   all           all                   scram-sha-256
            host    all           all   127.0.0.1/32    scram-sha-256
            host    all           all   ::1/128         scram-sha-256
            local   replication   all                   scram-sha-256
            host    replication   all   127.0.0.1/32    scram-sha-256
            host    replication   all   ::1/128         scram-sha-256
            """;
    private static final String DIGEST = "piste-password.sha256";

    /** The password in the file, or a new one (stored by {@link #secure} once the server has it). */
    static EmbeddedSecret load(Path file) throws IOException {
        if (Files.exists(file)) {
            OwnerOnly.restrictFile(file);
            String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!value.matches("[A-Za-z0-9+/=]{16,}")) throw new IOException(file + " does not hold a password made by Piste");
            return new EmbeddedSecret(file, value, true);
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new EmbeddedSecret(file, Base64.getEncoder().encodeToString(bytes), false);
    }

    /** Names the file, never the password. */
    @Override
    public String toString() {
        return "EmbeddedSecret[" + file + "]";
    }

    /** Makes the stopped server in {@code dataDirectory} private and password-protected (zonky's data directory customizer). */
    void secure(File dataDirectory) {
        Path data = dataDirectory.toPath();
        try {
            OwnerOnly.restrictDirectory(data);
            Path hba = data.resolve("pg_hba.conf");
            // Our pg_hba.conf is written last: a directory without it may have no password (new, or older), or not this one.
            if (HBA.equals(Files.readString(hba)) && stored) return;
            setPassword(data);
            if (!stored) store();
            Files.writeString(hba, HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot protect the embedded PostgreSQL in " + data + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fails at once if the file holds another password than the one the server was given (the server would refuse
     * it, and the start would wait its minute). The data directory keeps a SHA-256 of its password (of 32 random
     * bytes: it tells nothing), written by {@link #remember} once a start has proven the password.
     */
    void checkMatches(Path data) throws IOException {
        Path digest = data.resolve(DIGEST);
        if (!stored || !Files.exists(digest) || Files.readString(digest).strip().equals(digest())) return;
        throw new IOException(file + " does not hold the password of the embedded PostgreSQL in " + data
                + "; restore it from a backup of PISTE_HOME, or delete it to have Piste set a new one");
    }

    void remember(Path data) throws IOException {
        Path digest = data.resolve(DIGEST);
        if (Files.exists(digest) && Files.readString(digest).strip().equals(digest())) return;
        OwnerOnly.replace(digest, digest() + "\n");
    }

    private String digest() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void store() throws IOException {
        OwnerOnly.replace(file, value + "\n");
    }

    /** ALTER ROLE in single-user mode: the password never on a command line, no server listening meanwhile. */
    private void setPassword(Path data) throws IOException {
        List<String> command = new ArrayList<>();
        // As zonky runs its binaries: PostgreSQL refuses to run as root, and unshare makes it someone else.
        if (LinuxUtils.isUnshareAvailable()) command.addAll(List.of("unshare", "-U"));
        command.addAll(List.of(binaries().resolve("postgres").toString(), "--single", "-D", data.toString(), "postgres"));
        Process postgres = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = postgres.getOutputStream()) {
            in.write(("SET password_encryption = 'scram-sha-256'\nALTER ROLE postgres PASSWORD '" + value + "'\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        String output = new String(postgres.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace(value, "***");
        try {
            if (postgres.waitFor() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
                throw new IOException("setting the password in single-user mode failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the password", e);
        }
    }

    /**
     * The bin directory of the PostgreSQL zonky runs: its own (private, cached) unpacking of the same binaries, as
     * the builder's default resolver and working directory find them.
     */
    private static Path binaries() throws IOException {
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            return ((File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null)).toPath().resolve("bin");
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("cannot find the embedded PostgreSQL's binaries: " + e, e);
        }
    }
}
