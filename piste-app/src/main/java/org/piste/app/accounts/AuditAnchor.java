package org.piste.app.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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
 * is also sent to the {@link AuditSink} if one is configured (see {@link AuditSinkSender}).
 */
final class AuditAnchor {
    static final Duration EVERY = Duration.ofSeconds(5);
    private static final Map<Database, AuditAnchor> OPEN = new ConcurrentHashMap<>();
    final AuditKey key;
    final AuditCheckpoints checkpoints;
    private final Database database;
    private final Optional<AuditSinkSender> sink;
    /**
     * Whether the timer and closing may create the checkpoint file: only when this process began the trail (no file,
     * no event when it opened), until it has. Otherwise a deleted file is left missing for verify to name.
     */
    private volatile boolean mayStart;
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
        this.mayStart = !Files.exists(checkpoints.file()) && !any(c);
        this.sink = AuditSink.configured().map(s -> new AuditSinkSender(s, Clock.systemUTC(),
                m -> System.err.println("piste: warning: " + m), database.home(), this::lastLine));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "piste-audit-checkpoints");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        database.beforeClose(this::close);
    }

    /** The file's last checkpoint whose MAC holds (an unreadable file is named by the next write and by verify). */
    private Optional<String> lastLine() {
        try {
            return checkpoints.read().checkpoints().stream().reduce((a, b) -> b).map(AuditCheckpoints.Checkpoint::line);
        } catch (IOException e) {
            return Optional.empty();
        }
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

    private static boolean any(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM audit_event)");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
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
     * take is sent again later (the latest line anchors everything before it). A failure to send throws.
     */
    Optional<AuditCheckpoints.Checkpoint> checkpoint() {
        return checkpoint(AuditSinkSender.When.ASKED);
    }

    /** Whether this process began the trail and has not yet written its first checkpoint (at most {@link #EVERY}). */
    boolean firstCheckpointDue() {
        return mayStart;
    }

    private Optional<AuditCheckpoints.Checkpoint> checkpoint(AuditSinkSender.When when) {
        Optional<AuditCheckpoints.Checkpoint> written;
        try {
            written = checkpoints.write(database.dataSource(), when == AuditSinkSender.When.ASKED || mayStart);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot write the audit checkpoint: " + e.getMessage(), e);
        }
        if (written.isPresent()) mayStart = false;
        sink.ifPresent(s -> s.send(written.map(AuditCheckpoints.Checkpoint::line), when));
        return written;
    }

    /** What the timer runs (package-private for the tests, which do not wait for it). */
    void tick() {
        checkpointQuietly(AuditSinkSender.When.TIMER);
    }

    private void checkpointQuietly(AuditSinkSender.When when) {
        try {
            checkpoint(when);
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
        checkpointQuietly(AuditSinkSender.When.CLOSING);
        OPEN.remove(database, this);
    }
}
