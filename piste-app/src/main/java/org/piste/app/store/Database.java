package org.piste.app.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Piste's PostgreSQL: an embedded server started on demand with its data under the Piste home
 * (so a fresh machine needs no installed server), or an external one named by {@code PISTE_DB_URL}.
 * The schema is migrated by Flyway on every open. Every connection, the CLI's and the web server's, comes from one
 * pool made here: one way to the database.
 */
public final class Database implements AutoCloseable {
    /** Enough for the web server's requests and a refresh running beside them; PostgreSQL allows 100 by default. */
    static final int POOL_SIZE = 16;
    private final HikariDataSource dataSource;
    private final EmbeddedPostgres embedded;
    private final String description;

    private Database(DataSource server, EmbeddedPostgres embedded, String description) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(server);
        config.setMaximumPoolSize(POOL_SIZE);
        // Connections are opened when needed and closed when idle: a command that ends, or one of the many databases
        // a test run opens, holds none for long.
        config.setMinimumIdle(0);
        config.setIdleTimeout(10_000);
        config.setPoolName("piste");
        this.dataSource = new HikariDataSource(config);
        this.embedded = embedded;
        this.description = description;
    }

    /** The database the settings name, migrated to the current schema. */
    public static Database open(Settings settings) {
        Database db = settings.externalUrl().isPresent()
                ? external(settings.externalUrl().get(), settings.externalUser(), settings.externalPassword())
                : embedded(settings.home().resolve("pg"), settings.home().resolve("pg-password"));
        try {
            db.migrate();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Settings from the environment: PISTE_DB_URL, PISTE_DB_USER, PISTE_DB_PASSWORD, else embedded under home. */
    public record Settings(Path home, java.util.Optional<String> externalUrl, String externalUser, String externalPassword) {
        public static Settings fromEnvironment(Path home) {
            String url = System.getenv("PISTE_DB_URL");
            return new Settings(home, java.util.Optional.ofNullable(url).filter(u -> !u.isBlank()),
                    orEmpty(System.getenv("PISTE_DB_USER")), orEmpty(System.getenv("PISTE_DB_PASSWORD")));
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }
    }

    public static Database external(String url, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        if (!user.isEmpty()) ds.setUser(user);
        if (!password.isEmpty()) ds.setPassword(password);
        return new Database(ds, null, url.replaceAll("password=[^&]*", "password=***"));
    }

    /**
     * The embedded server in {@code dataDirectory}, asking for the password in {@code secretFile} (made on first start,
     * see {@link EmbeddedSecret}), and durable: zonky's builder turns fsync and synchronous_commit off (fit for
     * throwaway test servers), which could lose committed imports and audit events on a power cut.
     */
    public static Database embedded(Path dataDirectory, Path secretFile) {
        EmbeddedSecret secret;
        try {
            Files.createDirectories(dataDirectory);
            secret = EmbeddedSecret.load(secretFile);
            secret.checkMatches(dataDirectory);
            EmbeddedOrphan.stopIfOrphaned(dataDirectory, dataDirectory.getParent()).ifPresent(pid -> System.err.println(
                    "piste: warning: stopped the embedded PostgreSQL (pid " + pid + ") left running by a Piste that ended"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setDataDirectoryCustomizer(secret::secure)
                    .setConnectConfig("password", secret.value())
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start();
            try {
                secret.remember(dataDirectory);
            } catch (IOException e) {
                pg.close();
                throw e;
            }
            return new Database(pg.getPostgresDatabase(), pg, "embedded PostgreSQL in " + dataDirectory);
        } catch (IOException | RuntimeException e) {
            String hint = Files.exists(dataDirectory.resolve("postmaster.pid"))
                    ? " (is another Piste command using " + dataDirectory + "? wait for it, or set PISTE_HOME)" : "";
            if (e.getCause() instanceof SQLException refused && "28P01".equals(refused.getSQLState())) {
                hint = " (the server refused the password in " + secretFile + ")";
            }
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dataDirectory + ": "
                    + e.getMessage() + hint, e);
        }
    }

    /** A database on an existing server, migrated (used by tests and benchmarks that manage their own server). */
    public static Database migrated(Database db) {
        db.migrate();
        return db;
    }

    private void migrate() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new org.piste.app.migration.V9__Link_evidence_parts()).load().migrate();
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("piste: warning: the embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
