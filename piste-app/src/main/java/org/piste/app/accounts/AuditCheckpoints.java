package org.piste.app.accounts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.piste.app.store.OwnerOnly;

/**
 * The audit trail anchored outside the database: PISTE_HOME/audit-checkpoints, owner-only and only ever appended to,
 * one line per checkpoint, "EVENTS HASH TIME MAC": how many events the trail held and the last one's hash, when, and
 * an HMAC (audit key) over those and the previous line's MAC, so a line edited, removed or moved breaks the MACs
 * from there on. The web server and a console command may both write: a lock on the file orders them.
 */
final class AuditCheckpoints {
    static final String FILE = "audit-checkpoints";
    /** Threads of one process: a FileLock is held per process, and a second lock() in it would throw. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();
    private final Path file;
    private final AuditKey key;

    /** One line of the file: the trail held {@code events} events, the last with {@code hash}. */
    record Checkpoint(long events, String hash, Instant at, String mac) {
        /** As the file has it, without the newline. */
        String line() {
            return events + " " + hash + " " + at + " " + mac;
        }
    }

    /** The checkpoints whose MACs hold, and what broke the first that does not. */
    record Reading(List<Checkpoint> checkpoints, Optional<String> problem) {}

    AuditCheckpoints(Path file, AuditKey key) {
        this.file = file;
        this.key = key;
    }

    Path file() {
        return file;
    }

    /**
     * Appends a checkpoint of the trail as the database holds it now, unless the last line already says so or the
     * last event does not match its own hash (anchoring a forged event would vouch for it). Unless {@code start}, a
     * missing or empty file stays so: a file deleted or emptied is for verify to name, not to be started afresh.
     */
    Optional<Checkpoint> write(DataSource dataSource, boolean start) throws IOException, SQLException {
        IN_PROCESS.lock();
        try {
            if (Files.exists(file)) OwnerOnly.require(file, "the audit checkpoint file");
            return start || Files.exists(file) ? append(dataSource, start) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty(); // deleted meanwhile
        } finally {
            IN_PROCESS.unlock();
        }
    }

    private Optional<Checkpoint> append(DataSource dataSource, boolean start) throws IOException, SQLException {
        Set<StandardOpenOption> options = start ? Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE) : Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE);
        try (FileChannel channel = FileChannel.open(file, options, OwnerOnly.fileAttribute());
                FileLock lock = channel.lock()) {
            if (!start && channel.size() == 0) return Optional.empty();
            // Read under the lock: a checkpoint never records an older head after a newer one.
            Optional<AuditLog.Stored> head = head(dataSource);
            if (head.isPresent() && !AuditChain.matches(key, head.get().scheme(), head.get().event())) return Optional.empty();
            long events = head.map(h -> h.event().seq()).orElse(0L);
            String hash = head.map(h -> h.event().hash()).orElse(AuditChain.GENESIS);
            Optional<String> last = lastLine(channel);
            String previousMac = last.map(l -> l.substring(l.lastIndexOf(' ') + 1)).orElse(AuditChain.GENESIS);
            if (last.isPresent() && last.get().startsWith(events + " " + hash + " ")) return Optional.empty();
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Checkpoint written = new Checkpoint(events, hash, at, key.mac(signed(events, hash, at, previousMac)));
            channel.write(ByteBuffer.wrap((written.line() + "\n").getBytes(StandardCharsets.US_ASCII)), channel.size());
            channel.force(true);
            return Optional.of(written);
        }
    }

    /** Every checkpoint, in order, up to the first line that is not one or whose MAC does not hold. */
    Reading read() throws IOException {
        if (!Files.exists(file)) return new Reading(List.of(), Optional.empty());
        OwnerOnly.require(file, "the audit checkpoint file");
        List<Checkpoint> checkpoints = new ArrayList<>();
        String previousMac = AuditChain.GENESIS;
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            n++;
            Optional<Checkpoint> c = parse(line);
            if (c.isEmpty() || !c.get().mac().equals(key.mac(signed(c.get().events(), c.get().hash(), c.get().at(), previousMac)))) {
                return new Reading(checkpoints, Optional.of("checkpoint file altered: line " + n + " of " + file
                        + " does not match its MAC (a checkpoint was edited, removed or moved, or made with another key)"));
            }
            checkpoints.add(c.get());
            previousMac = c.get().mac();
        }
        return new Reading(checkpoints, Optional.empty());
    }

    private static String signed(long events, String hash, Instant at, String previousMac) {
        return "piste audit checkpoint\n" + events + "\n" + hash + "\n" + at + "\n" + previousMac + "\n";
    }

    private static Optional<Checkpoint> parse(String line) {
        String[] f = line.split(" ", -1);
        if (f.length != 4 || !f[0].matches("\\d{1,18}") || !f[1].matches("[0-9a-f]{64}") || !f[3].matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Checkpoint(Long.parseLong(f[0]), f[1], Instant.parse(f[2]), f[3]));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<AuditLog.Stored> head(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + AuditLog.COLUMNS + " FROM audit_event ORDER BY seq DESC LIMIT 1");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(AuditLog.stored(rs)) : Optional.empty();
        }
    }

    /** The file's last line (a line is under 200 characters). */
    private static Optional<String> lastLine(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) return Optional.empty();
        ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, 1024));
        channel.read(tail, size - tail.capacity());
        String text = new String(tail.array(), 0, tail.position(), StandardCharsets.US_ASCII).stripTrailing();
        return Optional.of(text.substring(text.lastIndexOf('\n') + 1));
    }
}
