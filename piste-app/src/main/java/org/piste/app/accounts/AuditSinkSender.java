package org.piste.app.accounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.piste.app.store.OwnerOnly;

/**
 * Checkpoint lines on their way to the {@link AuditSink}; only the latest not yet taken is kept, as it anchors
 * everything before it. While the sink fails, the timer's retries back off (5 s, doubling, at most every
 * {@link #LONGEST_RETRY}), the outage is warned of once and its end once, and closing does not wait for one more
 * attempt. Until a line is taken, PISTE_HOME/audit-checkpoints.unsent exists, so the next process sends the last
 * line of the file.
 */
final class AuditSinkSender {
    static final String MARKER = AuditCheckpoints.FILE + ".unsent";
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    /** Who asks: someone who is told of a failure (it throws), the timer, or the database closing. */
    enum When { ASKED, TIMER, CLOSING }

    private final AuditSink sink;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final Path marker;
    private Optional<String> unsent;
    /** Zero while the sink takes lines; else the wait before the timer tries again. */
    private Duration backoff = Duration.ZERO;
    private Instant retryAt = Instant.MIN;

    /** {@code lastLine}: the checkpoint file's, sent if an earlier process left it unsent. */
    AuditSinkSender(AuditSink sink, Clock clock, Consumer<String> warnings, Path home,
            Supplier<Optional<String>> lastLine) {
        this.sink = sink;
        this.clock = clock;
        this.warnings = warnings;
        this.marker = home.resolve(MARKER);
        this.unsent = Files.exists(marker) ? lastLine.get() : Optional.empty();
    }

    /** Keeps {@code written} (a new line), then sends the line not yet taken, if {@code when} allows it now. */
    synchronized void send(Optional<String> written, When when) {
        written.ifPresent(line -> unsent = Optional.of(line));
        if (unsent.isEmpty()) return;
        boolean failing = !backoff.isZero();
        if (failing && (when == When.CLOSING || when == When.TIMER && clock.instant().isBefore(retryAt))) return;
        String line = unsent.get();
        try {
            sink.send(line);
        } catch (IOException | RuntimeException e) {
            backoff = failing ? min(backoff.multipliedBy(2), LONGEST_RETRY) : FIRST_RETRY;
            retryAt = clock.instant().plus(backoff);
            mark(line);
            String problem = "the audit checkpoint of " + line.substring(0, line.indexOf(' '))
                    + " events was written but not sent to " + sink.uri() + ": " + e.getMessage();
            if (when == When.ASKED) throw new IllegalStateException(problem, e);
            if (!failing) warnings.accept(problem + "; trying again less and less often (at most every 5 minutes),"
                    + " without another warning until it takes one");
            return;
        }
        unsent = Optional.empty();
        unmark();
        if (failing) warnings.accept(sink.uri() + " takes audit checkpoints again (the latest sent: of "
                + line.substring(0, line.indexOf(' ')) + " events)");
        backoff = Duration.ZERO;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void mark(String line) {
        try {
            OwnerOnly.replace(marker, line + "\n");
        } catch (IOException e) {
            // The line is still kept in memory; only a later process would not know to send it.
        }
    }

    private void unmark() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            // A later process sends the last line once more: the sink gets a duplicate, nothing is lost.
        }
    }
}
