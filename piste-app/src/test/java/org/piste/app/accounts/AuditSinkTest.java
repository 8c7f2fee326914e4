package org.piste.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
}
