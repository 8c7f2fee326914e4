package org.piste.app.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.piste.app.store.Database;

/**
 * One open database's audit key and checkpoints, found from any of its connections (appends are handed only a
 * connection). A checkpoint is written every {@link #EVERY} while the trail grows and when the database closes (the
 * web server stops, a console command ends), so at most that much of the trail's tail is anchored by nothing; each
 * is also sent to the {@link AuditSink} if one is configured.
 */
final class AuditAnchor {
    static final Duration EVERY = Duration.ofSeconds(5);
    private static final Map<Database, AuditAnchor> OPEN = new ConcurrentHashMap<>();
    final AuditKey key;
    final AuditCheckpoints checkpoints;
    private final Database database;
    private final Optional<AuditSink> sink = AuditSink.configured();
    /** The last line written that the sink has not taken. */
    private volatile String unsent;
    private final ScheduledExecutorService timer;

    private AuditAnchor(Database database, Connection c) throws IOException, SQLException {
        this.database = database;
        Path keyFile = AuditKey.file(database.home());
        // A new key beside events keyed with another would fork the trail: a lost or misnamed key stops the appends.
        if (!Files.exists(keyFile) && keyed(c)) {
            throw new IllegalStateException("the audit key " + keyFile + " is missing but the audit trail has events keyed"
                    + " with one: restore it, or name it with " + AuditKey.FILE_VARIABLE);
        }
        this.key = AuditKey.load(keyFile);
        this.checkpoints = new AuditCheckpoints(database.home().resolve(AuditCheckpoints.FILE), key);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "piste-audit-checkpoints");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::checkpointQuietly, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        database.beforeClose(this::close);
    }

    /** The anchor of the database {@code c} belongs to. */
    static AuditAnchor of(Connection c) throws SQLException {
        Database database = Database.of(c).orElseThrow(() -> new IllegalStateException(
                "the audit trail's key is unknown: the connection is not from an open Piste database"));
        return OPEN.computeIfAbsent(database, d -> {
            try {
                return new AuditAnchor(d, c);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the audit key of " + d.home() + ": " + e.getMessage(), e);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
            }
        });
    }

    private static boolean keyed(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM audit_event WHERE scheme = ?)")) {
            s.setString(1, AuditChain.Scheme.HMAC_SHA256.stored);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Writes a checkpoint now, if the trail changed since the last, and sends it to the sink; a line the sink did not
     * take is sent again at the next call (the latest line anchors everything before it).
     */
    Optional<AuditCheckpoints.Checkpoint> checkpoint() {
        Optional<AuditCheckpoints.Checkpoint> written;
        try {
            written = checkpoints.write(database.dataSource());
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot write the audit checkpoint: " + e.getMessage(), e);
        }
        Optional<String> line = written.map(AuditCheckpoints.Checkpoint::line).or(() -> Optional.ofNullable(unsent));
        if (line.isPresent() && sink.isPresent()) {
            try {
                sink.get().send(line.get());
                unsent = null;
            } catch (IOException | RuntimeException e) {
                unsent = line.get();
                throw new IllegalStateException("the audit checkpoint of " + line.get().substring(0, line.get().indexOf(' '))
                        + " events was written but not sent to " + sink.get().uri() + ": " + e.getMessage(), e);
            }
        }
        return written;
    }

    private void checkpointQuietly() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            // The timer keeps trying; the next success anchors everything up to then.
            System.err.println("piste: warning: " + e.getMessage());
        }
    }

    private void close() {
        timer.shutdown(); // lets a checkpoint being written finish (an interrupt would close its file)
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpointQuietly();
        OPEN.remove(database, this);
    }
}
