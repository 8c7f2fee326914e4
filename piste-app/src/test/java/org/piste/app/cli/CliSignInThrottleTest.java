package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.accounts.Role;
import org.piste.app.accounts.SignInThrottle;
import org.piste.app.store.Database;

/**
 * Guessing a password at the console is held back like on the web (SignInThrottleTest): failures are counted, and
 * while the name is held an attempt is refused without its password being checked, the right one included. A home of
 * its own, since the counters live in the database.
 */
class CliSignInThrottleTest {
    @TempDir Path home;
    @TempDir Path files;

    @Test
    void failuresAreCountedAndALockedNameIsRefusedEvenWithTheRightPassword() throws Exception {
        CliEndToEndTest.signIn(home, "test-analyst", Role.ANALYST);
        Path wrong = files.resolve("wrong.password");
        Files.writeString(wrong, "not the password of anyone here\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));

        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            CliEndToEndTest.Run guess = CliEndToEndTest.owner(home, "--as", "test-analyst", "--password-file",
                    wrong.toString(), "sources");
            assertThat(guess.errorLines()).as("guess %d", i + 1).singleElement().asString().contains("cannot sign in");
        }
        // The failures are counted on the name and on the OS account, as the web counts them on the address. Then
        // the name is locked out (as 20 failures would do; set here so that no timing decides the test).
        try (Database db = Database.open(new Database.Settings(home, Optional.empty(), "", ""));
                Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT kind, key, failures FROM sign_in_failure ORDER BY kind")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("test-analyst");
                assertThat(rs.getInt(3)).isEqualTo(SignInThrottle.FREE_FAILURES);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("os-account:" + Main.osUser());
                assertThat(rs.getInt(3)).isEqualTo(SignInThrottle.FREE_FAILURES);
            }
            s.execute("UPDATE sign_in_failure SET locked_until = now() + interval '15 minutes' WHERE kind = 'account'");
        }
        CliEndToEndTest.Run right = CliEndToEndTest.piste(home, "sources");

        assertThat(right.exit()).isEqualTo(1);
        assertThat(right.errorLines()).singleElement().asString().contains("too many failed sign-ins as 'test-analyst'");
        assertThat(CliEndToEndTest.owner(home, "audit", "list", "--action", "signin.throttled").out())
                .contains("user:test-analyst");
    }
}
