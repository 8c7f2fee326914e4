package org.piste.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.piste.app.accounts.Passwords;
import org.piste.app.accounts.Role;
import org.piste.app.accounts.UserAccount;
import org.piste.app.accounts.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Web accounts: create the first admin and other users, list them, reset a password, lift a sign-in lockout.",
        subcommands = {AdminCommand.CreateUser.class, AdminCommand.ListUsers.class, AdminCommand.SetPassword.class,
                AdminCommand.Unlock.class})
public final class AdminCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The operator at the console, for the audit trail. */
    public static String consoleUser() {
        return "cli:" + Main.systemUser();
    }

    /** A password from the terminal (asked twice, not echoed) or, with --password-stdin, the first line of stdin. */
    static char[] readPassword(boolean fromStdin) {
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) throw new IllegalArgumentException("no password on standard input");
                return line.toCharArray();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the password: " + e.getMessage(), e);
            }
        }
        if (System.console() == null) {
            throw new IllegalArgumentException("no terminal to ask the password: use --password-stdin");
        }
        char[] first = System.console().readPassword("Password (at least %d characters): ", Passwords.MIN_LENGTH);
        char[] second = System.console().readPassword("Again: ");
        if (first == null || !java.util.Arrays.equals(first, second)) throw new IllegalArgumentException("the passwords differ");
        return first;
    }

    @Command(name = "create-user", mixinStandardHelpOptions = true,
            description = "Creates a web account (the first one should be an admin, who then manages the others).")
    static final class CreateUser extends ConsoleCommand {
        @Parameters(paramLabel = "USERNAME", description = "2 to 64 characters: a-z, 0-9, '.', '_' or '-'.") String username;
        @Option(names = "--role", required = true, description = "analyst, investigator, prosecutor or admin.") String role;
        @Option(names = "--name", description = "Display name (default: the username).") String name;
        @Option(names = "--unit", description = "Service or unit.") String unit = "";
        @Option(names = "--contact", description = "How other teams reach this user (shown by deconfliction).") String contact = "";
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.") boolean stdin;

        @Override
        int run() {
            Role r = Role.parse(role);
            var user = new UserStore.NewUser(username, name == null ? username : name, r, unit, contact);
            char[] password = readPassword(stdin);
            UserAccount created = main.services().userStore().create(user, java.nio.CharBuffer.wrap(password), consoleUser());
            java.util.Arrays.fill(password, '\0');
            out.printf("User %s (%s) created with role %s.%n", created.username(),
                    created.displayName(), created.role().name().toLowerCase(java.util.Locale.ROOT));
            return 0;
        }
    }

    @Command(name = "list-users", mixinStandardHelpOptions = true, description = "Lists the web accounts.")
    static final class ListUsers extends ConsoleCommand {

        @Override
        int run() {
            out.printf("%-20s %-13s %-8s %-25s %s%n", "username", "role", "enabled", "name", "unit / contact");
            for (UserAccount u : main.services().userStore().list()) {
                out.printf("%-20s %-13s %-8s %-25s %s%n", u.username(), u.role().name().toLowerCase(java.util.Locale.ROOT),
                        u.enabled() ? "yes" : "no", u.displayName(), (u.unit() + " " + u.contact()).trim());
            }
            return 0;
        }
    }

    @Command(name = "set-password", mixinStandardHelpOptions = true, description = "Sets a new password (and re-enables the account).")
    static final class SetPassword extends ConsoleCommand {
        @Parameters(paramLabel = "USERNAME") String username;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.") boolean stdin;

        @Override
        int run() {
            char[] password = readPassword(stdin);
            main.services().userStore().setPassword(username, java.nio.CharBuffer.wrap(password), consoleUser());
            java.util.Arrays.fill(password, '\0');
            out.printf("Password of %s changed.%n", username);
            return 0;
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true,
            description = "Lifts the sign-in lockout of an account name (or, with --address, of a client address) and forgets its failures.")
    static final class Unlock extends ConsoleCommand {
        @Parameters(paramLabel = "NAME", description = "The account name, or the address with --address.") String name;
        @Option(names = "--address", description = "NAME is a client address (an IPv6 address lifts its /64).") boolean address;

        @Override
        int run() {
            boolean lifted = main.services().signInThrottle().lift(name, address, consoleUser());
            out.printf(lifted ? "Sign-in failures of %s forgotten and lockout lifted.%n" : "No sign-in failures recorded for %s.%n", name);
            return 0;
        }
    }
}
