package org.piste.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Piste killed with kill -9 leaves its embedded server running (pg_ctl detaches it). The next open stops that
 * orphan and starts afresh, instead of waiting a minute and failing; while the Piste lives, a second one is refused
 * at once.
 */
class EmbeddedOrphanTest {
    @TempDir Path home;

    /** A Piste in another JVM: opens the home, says so, and waits to be killed. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Database.open(new Database.Settings(Path.of(args[0]), Optional.empty(), "", ""));
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private Database open() {
        return Database.open(new Database.Settings(home, Optional.empty(), "", ""));
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(home.resolve("pg/postmaster.pid")).get(0).strip());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Starts the child Piste and returns once its server is up. */
    private Process startChild() throws Exception {
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), home.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line; !"ready".equals(line = out.readLine()); ) {
            assertThat(line).as("the child Piste ended before its server was up").isNotNull();
        }
        return child;
    }

    /** Stops what a test started, whether or not the code under test did. */
    private static void stop(Process child, long postmaster) throws Exception {
        child.destroyForcibly().waitFor();
        if (postmaster > 0 && alive(postmaster)) {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster)).start().waitFor();
            ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());
        }
    }

    @Test
    void theServerOfAKilledPisteIsStoppedAndTheHomeOpens() throws Exception {
        Process child = startChild();
        long orphan = -1;
        try {
            orphan = postmasterPid();
            child.destroyForcibly().waitFor();
            assertThat(alive(orphan)).as("the server outlives its killed Piste").isTrue();

            try (Database db = open(); Connection c = db.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
                assertThat(alive(orphan)).as("the orphan was stopped").isFalse();
                assertThat(postmasterPid()).isNotEqualTo(orphan);
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }
        } finally {
            stop(child, orphan);
        }
    }

    @Test
    void whileItsPisteLivesTheServerIsNotTakenOver() throws Exception {
        Process child = startChild();
        long postmaster = -1;
        try {
            postmaster = postmasterPid();

            assertThatThrownBy(this::open).hasMessage("another Piste is using " + home + " (its PostgreSQL runs as pid "
                    + postmaster + "); stop it, or use another --home");
            assertThat(alive(postmaster)).isTrue();
        } finally {
            stop(child, postmaster);
        }
    }
}
