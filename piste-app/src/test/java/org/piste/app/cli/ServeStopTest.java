package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.store.Database;

/**
 * A served Piste stopped as a service manager stops it (SIGTERM) closes in order: the web server, then the audit
 * trail's closing checkpoint, then the database. Each stopping on its own hook, the embedded server used to go first
 * and the checkpoint waited for a connection until the pool gave up, and was lost.
 */
class ServeStopTest {
    @TempDir Path home;

    @Test
    void aTerminatedServerAnchorsItsLastAuditEventAndStops() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--home", home.toString(),
                "serve", "--port", Integer.toString(port)).redirectErrorStream(true);
        // The embedded server in the home, and no collector: whatever the environment running the tests says.
        List.of("PISTE_DB_URL", "PISTE_DB_USER", "PISTE_DB_PASSWORD", "PISTE_AUDIT_CHECKPOINT_URL", "PISTE_HOME")
                .forEach(builder.environment()::remove);
        Process served = builder.start();
        List<String> printed = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> read(served, printed));
        try {
            waitFor(printed, "Piste is running", served);
            // A refused sign-in is audited by the serving process: the event its closing checkpoint must anchor.
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/cases")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "nobody:not-a-password".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);

            served.destroy(); // SIGTERM
            assertThat(served.waitFor(120, TimeUnit.SECONDS)).as("the server stops").isTrue();
            reading.get(10, TimeUnit.SECONDS);
        } finally {
            served.destroyForcibly().waitFor();
        }
        String output = String.join("\n", printed);
        assertThat(output).as("the server's output").doesNotContain("cannot write the audit checkpoint");
        assertThat(home.resolve("pg/postmaster.pid")).as("its PostgreSQL stopped with it").doesNotExist();

        List<String> checkpoints = Files.readAllLines(home.resolve("audit-checkpoints"));
        assertThat(checkpoints).as("the checkpoints written").isNotEmpty();
        long anchored = Long.parseLong(checkpoints.getLast().split(" ")[0]);
        try (Database db = Database.open(new Database.Settings(home, Optional.empty(), "", ""));
                Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT max(seq), count(*) FILTER (WHERE action = 'signin.failed') FROM audit_event")) {
            rs.next();
            assertThat(rs.getLong(2)).as("the refused sign-in was audited").isEqualTo(1);
            assertThat(anchored).as("events anchored by the last checkpoint, " + output).isEqualTo(rs.getLong(1));
        }
    }

    private static void read(Process served, List<String> printed) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(served.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                synchronized (printed) {
                    printed.add(line);
                    printed.notifyAll();
                }
            }
        } catch (java.io.IOException ended) {
            // The JDK closes the pipe once the process has ended and its rest is read.
        }
    }

    /** Waits until the server prints {@code text}; fails if it ends first, or after five minutes (a hung start). */
    private static void waitFor(List<String> printed, String text, Process served) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        synchronized (printed) {
            while (printed.stream().noneMatch(l -> l.contains(text))) {
                assertThat(served.isAlive()).as("the server ended before listening: " + printed).isTrue();
                assertThat(System.nanoTime()).as("the server did not start: " + printed).isLessThan(deadline);
                printed.wait(1_000);
            }
        }
    }
}
