package org.piste.app.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Piste's PostgreSQL: an embedded server started on demand with its data under the Piste home
 * (so a fresh machine needs no installed server), or an external one named by {@code PISTE_DB_URL}.
 * The schema is migrated by Flyway on every open. Every connection, the CLI's and the web server's, comes from one
 * pool made here: one way to the database. Each database has a home (PISTE_HOME): the directory of what must be
 * kept outside it, such as the audit trail's key and checkpoints; {@link #of(Connection)} finds the open database a
 * connection belongs to, so code handed only a connection reaches that home.
 */
public final class Database implements AutoCloseable {
    /** Enough for the web server's requests and a refresh running beside them; PostgreSQL allows 100 by default. */
    static final int POOL_SIZE = 16;
    /** Open databases by the JDBC URL their connections report. */
    private static final Map<String, Database> OPEN = new ConcurrentHashMap<>();
    private final HikariDataSource dataSource;
    private final EmbeddedPostgres embedded;
    private final String description;
    private final Path home;
    private final String url;
    private final List<AutoCloseable> users = new CopyOnWriteArrayList<>();
    private final List<Runnable> beforeClose = new CopyOnWriteArrayList<>();
    /**
     * Closes the database when the JVM is asked to stop (SIGTERM, Ctrl-C): its users first, then its last work (the
     * audit checkpoint), then the server. The one hook that does, so that these run in that order; zonky's own hook
     * would stop the server beside them and leave the checkpoint waiting for a connection that never comes.
     */
    private final Thread onExit = new Thread(this::close, "piste-database-close");
    private boolean closed, closesOnExit;

    private Database(PGSimpleDataSource server, EmbeddedPostgres embedded, String description, Path home) {
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
        this.home = home;
        this.url = server.getUrl();
        OPEN.put(url, this);
        if (embedded != null) closeOnExit(); // its server must stop with the JVM
    }

    /** Closes this database when the JVM stops, if it is still open then (see {@link #onExit}). */
    private synchronized void closeOnExit() {
        if (closesOnExit || closed) return;
        Runtime.getRuntime().addShutdownHook(onExit);
        closesOnExit = true;
    }

    /** The open database {@code c} is a connection to (from its pool). */
    public static Optional<Database> of(Connection c) throws SQLException {
        return Optional.ofNullable(OPEN.get(c.getMetaData().getURL()));
    }

    /** PISTE_HOME: where what must not be kept in the database lives. */
    public Path home() {
        return home;
    }

    /** Closes {@code user} (the web server) first when the database closes, before its last work and its connections. */
    public void closeFirst(AutoCloseable user) {
        users.add(user);
    }

    /** Runs {@code action} when the database closes, before its connections do (last work on the database). */
    public void beforeClose(Runnable action) {
        beforeClose.add(action);
    }

    /** The database the settings name, migrated to the current schema. */
    public static Database open(Settings settings) {
        Database db = settings.externalUrl().isPresent()
                ? external(settings.externalUrl().get(), settings.externalUser(), settings.externalPassword(), settings.home())
                : embedded(settings.home());
        try {
            db.migrate();
            db.closeOnExit(); // an external server too: the web server and the audit checkpoint close in order
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

    /** The database at {@code url}, its outside files in {@code home}. */
    public static Database external(String url, String user, String password, Path home) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        if (!user.isEmpty()) ds.setUser(user);
        if (!password.isEmpty()) ds.setPassword(password);
        return new Database(ds, null, url.replaceAll("password=[^&]*", "password=***"), home);
    }

    /**
     * The embedded server in {@code home}/pg, asking for the password in {@code home}/pg-password (made on first start,
     * see {@link EmbeddedSecret}), and durable: zonky's builder turns fsync and synchronous_commit off (fit for
     * throwaway test servers), which could lose committed imports and audit events on a power cut.
     */
    public static Database embedded(Path home) {
        Path dataDirectory = home.resolve("pg");
        Path secretFile = home.resolve("pg-password");
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
        EmbeddedPostgres pg = null;
        try {
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setDataDirectoryCustomizer(secret::secure)
                    .setConnectConfig("password", secret.value())
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false) // stopped by this database's own hook, after its last work
                    .start();
            secret.remember(dataDirectory);
            // zonky's data sources are pgjdbc's simple ones.
            return new Database((PGSimpleDataSource) pg.getPostgresDatabase(), pg, "embedded PostgreSQL in " + dataDirectory,
                    home);
        } catch (IOException | RuntimeException e) {
            // Without zonky's exit hook, a server started for nothing would outlive this JVM.
            stopStarted(pg, dataDirectory);
            String hint = Files.exists(dataDirectory.resolve("postmaster.pid"))
                    ? " (is another Piste command using " + dataDirectory + "? wait for it, or set PISTE_HOME)" : "";
            if (e.getCause() instanceof SQLException refused && "28P01".equals(refused.getSQLState())) {
                hint = " (the server refused the password in " + secretFile + ")";
            }
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dataDirectory + ": "
                    + e.getMessage() + hint, e);
        }
    }

    /** Stops the server a failed start left running: the one zonky returned, else the one it started before failing. */
    private static void stopStarted(EmbeddedPostgres pg, Path dataDirectory) {
        try {
            if (pg != null) pg.close();
            else EmbeddedOrphan.stopOwnOrOrphaned(dataDirectory);
        } catch (IOException | RuntimeException e) {
            System.err.println("piste: warning: the embedded PostgreSQL in " + dataDirectory + " may still run: " + e.getMessage());
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
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            users.forEach(Database::closeQuietly);
            if (OPEN.remove(url, this)) beforeClose.forEach(Runnable::run);
        } finally {
            closeServer();
            // Removed last: a stop asked for while this close runs waits for it in the hook instead of halting it.
            if (closesOnExit && Thread.currentThread() != onExit) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onExit);
                } catch (IllegalStateException stopping) {
                    // The JVM is stopping: its hook waits for this close, then finds it done.
                }
            }
        }
    }

    private static void closeQuietly(AutoCloseable user) {
        try {
            user.close();
        } catch (Exception e) {
            System.err.println("piste: warning: " + user + " did not close cleanly: " + e.getMessage());
        }
    }

    private void closeServer() {
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
