package org.piste.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.piste.app.accounts.SignInThrottle;
import org.piste.app.accounts.UserAccount;
import org.piste.app.accounts.UserStore;
import org.piste.app.store.OwnerOnly;

/**
 * Signs a Piste account in at the console: the password comes from the terminal (not echoed) or from a file only its
 * owner can read, as ssh does for keys. A failure says nothing of whether the account exists, and is audited.
 */
final class ConsoleSignIn {
    private ConsoleSignIn() {}

    /**
     * The account, signed in; throws with a sentence the operator can act on. Held back by the same throttle as the
     * web's sign-ins (per name, and per OS account as the address), which also audits the attempt.
     */
    static UserAccount signIn(String username, Optional<Path> passwordFile, UserStore users, SignInThrottle throttle,
            String osUser) {
        char[] password = passwordFile.map(ConsoleSignIn::fromFile).orElseGet(() -> fromTerminal(username));
        var attempt = new SignInThrottle.Attempt(username, "os-account:" + osUser, SignInThrottle.Channel.CONSOLE);
        try (SignInThrottle.Turn turn = throttle.begin(attempt)) {
            var held = turn.held();
            if (held.isPresent()) {
                throw new IllegalStateException("too many failed sign-ins as '" + username + "': try again in "
                        + Math.max(1, held.get().toSeconds()) + " s (an admin can lift it: piste admin unlock NAME)");
            }
            Optional<UserAccount> account = users.authenticate(username, java.nio.CharBuffer.wrap(password));
            if (account.isEmpty()) {
                turn.failed("wrong username or password, or account disabled");
                throw new IllegalArgumentException("cannot sign in as '" + username + "': unknown account, disabled account"
                        + " or wrong password");
            }
            turn.succeeded(account.get().username(), true);
            return account.get();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] fromFile(Path file) {
        try {
            if (OwnerOnly.openToOthers(file)) {
                throw new IllegalArgumentException("the password file " + file + " can be read or changed by other accounts:"
                        + " chmod 600 it");
            }
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            if (first.isEmpty()) throw new IllegalArgumentException("the password file " + file + " is empty");
            return first.toCharArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password file " + file + ": " + e.getMessage(), e);
        }
    }

    private static char[] fromTerminal(String username) {
        if (System.console() == null) {
            throw new IllegalArgumentException("no terminal to ask the password of '" + username + "': give --password-file"
                    + " FILE (readable by you only)");
        }
        char[] typed = System.console().readPassword("Password of %s: ", username);
        if (typed == null) throw new IllegalArgumentException("no password given");
        return typed;
    }
}
