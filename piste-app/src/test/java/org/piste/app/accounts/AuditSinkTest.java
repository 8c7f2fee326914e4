package org.piste.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.TestDatabases;
import org.piste.app.store.Database;

/**
 * Each checkpoint line also reaches the configured sink, as written; a refusal is reported and the line sent again
 * at the next checkpoint.
 */
class AuditSinkTest {

    @AfterEach
    void unconfigure() {
        System.clearProperty(AuditSink.PROPERTY);
    }

    @Test
    void eachCheckpointLineIsPostedAsWrittenAndARefusedOneAgain() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/checkpoints", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII));
            exchange.sendResponseHeaders(received.size() == 3 ? 503 : 204, -1);
            exchange.close();
        });
        collector.start();
        try {
            System.setProperty(AuditSink.PROPERTY, "http://127.0.0.1:" + collector.getAddress().getPort() + "/checkpoints");
            try (Database db = TestDatabases.fresh()) {
                AuditLog log = new AuditLog(db.dataSource());
                log.append(new AuditEvent.Entry("analyst", "entity.view", "entity:1:S", Optional.empty(), ""));
                log.checkpoint();
                log.append(new AuditEvent.Entry("analyst", "entity.view", "entity:2:S", Optional.empty(), ""));
                log.checkpoint();
                List<String> lines = Files.readAllLines(db.home().resolve(AuditCheckpoints.FILE));
                assertThat(received).containsExactly(lines.get(0) + "\n", lines.get(1) + "\n");

                log.append(new AuditEvent.Entry("analyst", "entity.view", "entity:3:S", Optional.empty(), ""));
                assertThatThrownBy(log::checkpoint).hasMessageStartingWith("the audit checkpoint of 3 events was written"
                        + " but not sent to http://127.0.0.1:").hasMessageEndingWith("/checkpoints answered 503");
                lines = Files.readAllLines(db.home().resolve(AuditCheckpoints.FILE));
                assertThat(lines).hasSize(3);
                assertThat(log.checkpoint()).startsWith("no checkpoint needed");
                assertThat(received).hasSize(4).last().isEqualTo(lines.get(2) + "\n");
            }
        } finally {
            collector.stop(0);
        }
    }

    /** A clock the test moves: the back-off is checked without waiting for it. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /**
     * A sink that refuses for 20 minutes: the timer's retries back off (5 s doubling, at most 5 min apart), there is
     * one warning for the outage and one when it ends, closing does not try again, and the line waits for the next
     * process (PISTE_HOME/audit-checkpoints.unsent).
     */
    @Test
    void anUnreachableSinkIsRetriedLessAndLessOftenWithOneWarning(@TempDir Path home) throws Exception {
        AtomicBoolean refusing = new AtomicBoolean(true);
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/checkpoints", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII));
            exchange.sendResponseHeaders(refusing.get() ? 503 : 204, -1);
            exchange.close();
        });
        collector.start();
        try {
            AuditSink sink = new AuditSink(URI.create("http://127.0.0.1:" + collector.getAddress().getPort() + "/checkpoints"));
            Hands clock = new Hands();
            List<String> warnings = new CopyOnWriteArrayList<>();
            AuditSinkSender sender = new AuditSinkSender(sink, clock, warnings::add, home, Optional::empty);
            String first = "7 " + "a".repeat(64) + " 2026-12-06T10:00:00Z " + "b".repeat(64);
            sender.send(Optional.of(first), AuditSinkSender.When.TIMER);
            // The timer ticks every 5 s for 1,000 s: tries at 0, 5, 15, 35, 75, 155, 315, 615 and 915 s.
            for (int tick = 1; tick < 200; tick++) {
                clock.now = clock.now.plusSeconds(5);
                sender.send(Optional.empty(), AuditSinkSender.When.TIMER);
            }
            assertThat(received).hasSize(9).allMatch((first + "\n")::equals);
            assertThat(warnings).singleElement().asString().startsWith("the audit checkpoint of 7 events was written"
                    + " but not sent to " + sink.uri() + ": " + sink.uri() + " answered 503;");
            sender.send(Optional.empty(), AuditSinkSender.When.CLOSING);
            assertThat(received).hasSize(9);
            assertThat(home.resolve(AuditSinkSender.MARKER)).exists();

            // The next process sends the file's last line, once the sink takes lines again.
            AuditSinkSender next = new AuditSinkSender(sink, clock, warnings::add, home, () -> Optional.of(first));
            refusing.set(false);
            next.send(Optional.empty(), AuditSinkSender.When.CLOSING);
            assertThat(received).hasSize(10);
            assertThat(home.resolve(AuditSinkSender.MARKER)).doesNotExist();

            // Back in the first: at 1,215 s its retry is taken, and the end of the outage is told once.
            clock.now = clock.now.plusSeconds(220);
            sender.send(Optional.empty(), AuditSinkSender.When.TIMER);
            assertThat(received).hasSize(11);
            assertThat(warnings).hasSize(2).last().isEqualTo(sink.uri() + " takes audit checkpoints again (the latest"
                    + " sent: of 7 events)");
            String second = "8 " + "c".repeat(64) + " 2026-12-06T10:20:15Z " + "d".repeat(64);
            sender.send(Optional.of(second), AuditSinkSender.When.TIMER);
            sender.send(Optional.empty(), AuditSinkSender.When.CLOSING);
            assertThat(received).hasSize(12).last().isEqualTo(second + "\n");
            assertThat(warnings).hasSize(2);
        } finally {
            collector.stop(0);
        }
    }
}
