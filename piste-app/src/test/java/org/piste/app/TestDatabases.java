package org.piste.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.piste.app.store.Database;

/**
 * One real PostgreSQL server per test JVM (embedded, the same binaries the application uses), and a
 * fresh, migrated database for every caller, so tests never see each other's rows.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static Path homes;

    private TestDatabases() {}

    public static Database fresh() {
        return Database.migrated(blank());
    }

    /** The directory of every test database's home, removed when the JVM exits. */
    private static Path homes() throws IOException {
        if (homes == null) {
            homes = Files.createTempDirectory("piste-test-homes");
            Path all = homes;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.walk(all)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // the JVM is exiting; a temporary directory is left
                }
            }));
        }
        return homes;
    }

    /** An empty database, not migrated: for tests of the migrations themselves. */
    public static synchronized Database blank() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
            }
            String name = "piste_test_" + COUNTER.incrementAndGet();
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            // Its own home too: the audit key and checkpoints of one test's database are not another's.
            return Database.external(server.getJdbcUrl("postgres", name), "postgres", "",
                    Files.createDirectories(homes().resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
