package org.piste.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Piste's own embedded server (not the tests' throwaway one): it asks every connection for the password kept in
 * PISTE_HOME, a data directory made by an older Piste (trusting every local user) is converted with its rows, and
 * commits are durable.
 */
class EmbeddedDatabaseTest {
    @TempDir Path home;

    private Database open() {
        return Database.open(new Database.Settings(home, Optional.empty(), "", ""));
    }

    /** The port in postmaster.pid (its fourth line), as any local user could read it from the process list. */
    private int port() throws Exception {
        return Integer.parseInt(Files.readAllLines(home.resolve("pg/postmaster.pid")).get(3).strip());
    }

    private Connection connect(String host, String password) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port() + "/postgres", "postgres", password);
    }

    private String secret() throws Exception {
        return Files.readString(home.resolve("pg-password")).strip();
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void refusesConnectionsWithoutTheSecretKeptOwnerOnly() throws Exception {
        try (Database db = open()) {
            for (String host : new String[] {"127.0.0.1", "localhost"}) {
                assertThatThrownBy(() -> connect(host, "").close()).isInstanceOf(SQLException.class)
                        .hasMessageContaining("password");
                assertThatThrownBy(() -> connect(host, "not-the-secret").close()).isInstanceOf(SQLException.class)
                        .hasMessageContaining("password authentication failed");
            }
            try (Connection c = connect("127.0.0.1", secret())) {
                assertThat(show(c, "password_encryption")).isEqualTo("scram-sha-256");
            }
            assertThat(java.util.Base64.getDecoder().decode(secret())).hasSize(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("pg-password"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("pg"))))
                    .isEqualTo("rwx------");
        }
        String first = secret();
        try (Database again = open(); Connection c = again.connect()) {
            assertThat(secret()).isEqualTo(first);
            assertThatThrownBy(() -> connect("127.0.0.1", "").close()).isInstanceOf(SQLException.class);
        }
    }

    /** The server would refuse it; the start must not wait its minute to say so. */
    @Test
    void aPasswordFileThatIsNotTheServersFailsAtOnce() throws Exception {
        open().close();
        byte[] other = new byte[32];
        new java.security.SecureRandom().nextBytes(other);
        Files.writeString(home.resolve("pg-password"), java.util.Base64.getEncoder().encodeToString(other) + "\n");

        assertThatThrownBy(this::open).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(home.resolve("pg-password") + " does not hold the password of the embedded PostgreSQL");
        assertThat(home.resolve("pg/postmaster.pid")).as("no server was started").doesNotExist();
    }

    /**
     * The server refuses the password only once it runs (the digest that would have caught it earlier is gone): the
     * failed start stops the server it launched, which nothing else would stop now that zonky's exit hook is off.
     */
    @Test
    void aStartThatFailsOnceTheServerRunsStopsIt() throws Exception {
        open().close();
        Files.delete(home.resolve("pg/piste-password.sha256"));
        byte[] other = new byte[32];
        new java.security.SecureRandom().nextBytes(other);
        Files.writeString(home.resolve("pg-password"), java.util.Base64.getEncoder().encodeToString(other) + "\n");

        assertThatThrownBy(this::open).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused the password");
        assertThat(home.resolve("pg/postmaster.pid")).as("the server launched was stopped").doesNotExist();
    }

    @Test
    void commitsAreDurable() throws Exception {
        try (Database db = open(); Connection c = db.connect()) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void convertsADataDirectoryThatTrustedEveryone() throws Exception {
        // As Piste started its server before: zonky's initdb, trust for every local connection, no password file;
        // Piste's schema migrated, and rows of our own beside it.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(home.resolve("pg"))
                .setCleanDataDirectory(false).start();
                Database piste = Database.migrated(Database.external(old.getJdbcUrl("postgres", "postgres"), "postgres", "", home));
                Connection c = piste.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS public.kept (id int)");
            s.execute("INSERT INTO kept SELECT generate_series(1, 3)");
        }
        assertThat(Files.readString(home.resolve("pg/pg_hba.conf"))).contains("trust");
        assertThat(home.resolve("pg-password")).doesNotExist();

        try (Database db = open(); Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM kept")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3);
            assertThatThrownBy(() -> connect("127.0.0.1", "").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            try (Connection withSecret = connect("127.0.0.1", secret())) {
                assertThat(withSecret.isValid(5)).isTrue();
            }
        }
        assertThat(Files.readString(home.resolve("pg/pg_hba.conf"))).doesNotContain("trust");
    }
}
