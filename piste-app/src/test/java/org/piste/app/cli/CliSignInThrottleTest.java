package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.accounts.Role;
import org.piste.app.accounts.SignInThrottle;

/**
 * Guessing a password at the console is held back like on the web (SignInThrottleTest): after the free failures the
 * next attempt is refused without its password being checked, the right one included. A home of its own, since the
 * counters live in the database.
 */
class CliSignInThrottleTest {
    @TempDir Path home;
    @TempDir Path files;

    @Test
    void afterTheFreeFailuresEvenTheRightPasswordIsHeldBack() throws IOException {
        CliEndToEndTest.signIn(home, "test-analyst", Role.ANALYST);
        Path wrong = files.resolve("wrong.password");
        Files.writeString(wrong, "not the password of anyone here\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));

        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            CliEndToEndTest.Run guess = CliEndToEndTest.owner(home, "--as", "test-analyst", "--password-file",
                    wrong.toString(), "sources");
            assertThat(guess.errorLines()).as("guess %d", i + 1).singleElement().asString().contains("cannot sign in");
        }
        CliEndToEndTest.Run right = CliEndToEndTest.piste(home, "sources");

        assertThat(right.exit()).isEqualTo(1);
        assertThat(right.errorLines()).singleElement().asString().contains("too many failed sign-ins as 'test-analyst'");
        assertThat(CliEndToEndTest.owner(home, "audit", "list", "--action", "signin.throttled").out())
                .contains("user:test-analyst");
    }
}
