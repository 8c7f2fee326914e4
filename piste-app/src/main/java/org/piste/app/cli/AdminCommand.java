package org.piste.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.piste.app.accounts.Activations;
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
        description = {"Web accounts: create the first admin, then users (each sets their own password through a",
                "one-time activation link), list them, issue a new link, lift a sign-in lockout."},
        subcommands = {AdminCommand.CreateUser.class, AdminCommand.ListUsers.class, AdminCommand.ActivationLink.class,
                AdminCommand.SetPassword.class, AdminCommand.Unlock.class})
public final class AdminCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
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

    /**
     * Where the holder's browser reaches Piste, for the links printed: PISTE_PUBLIC_URL, else piste.public-url in
     * PISTE_HOME/web.properties (what the web server reads too), else the local default.
     */
    static String publicUrl(Main main) {
        String env = System.getenv("PISTE_PUBLIC_URL");
        if (env != null && !env.isBlank()) return env.strip();
        Path settings = main.home().resolve("web.properties");
        if (Files.isReadable(settings)) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + settings + ": " + e.getMessage(), e);
            }
            String url = p.getProperty("piste.public-url", "").strip();
            if (!url.isEmpty()) return url;
        }
        return Activations.DEFAULT_PUBLIC_URL;
    }

    static void printLink(PrintWriter out, Activations.Link link, Main main) {
        out.printf("Hand this activation link to %s, and to nobody else (single use, valid until %s UTC):%n  %s%n",
                link.username(), link.expiresAt(), link.url(publicUrl(main)));
    }

    @Command(name = "create-user", mixinStandardHelpOptions = true,
            description = {"Creates a web account awaiting activation and prints its one-time link: the holder sets",
                    "their own password there. The first admin (while no admin can sign in) gets a password here."})
    static final class CreateUser extends ConsoleCommand {
        @Parameters(paramLabel = "USERNAME", description = "2 to 64 characters: a-z, 0-9, '.', '_' or '-'.") String username;
        @Option(names = "--role", required = true, description = "analyst, investigator, prosecutor or admin.") String role;
        @Option(names = "--name", description = "Display name (default: the username).") String name;
        @Option(names = "--unit", description = "Service or unit.") String unit = "";
        @Option(names = "--contact", description = "How other teams reach this user (shown by deconfliction).") String contact = "";
        @Option(names = "--password-stdin", description = "The first admin only: read the password from the first line of standard input.") boolean stdin;

        @Override
        ConsoleAccess access() {
            return new ConsoleAccess.OwnerOr(ConsoleAccess.change("/admin/users"));
        }

        @Override
        int run() {
            Role r = Role.parse(role);
            var user = new UserStore.NewUser(username, name == null ? username : name, r, unit, contact);
            UserStore users = main.services().userStore();
            if (r == Role.ADMIN && !users.anAdminCanSignIn()) {
                // Bootstrap: no admin to hand a link to, maybe no web server yet; the operator owns the installation.
                char[] password = readPassword(stdin);
                UserAccount created = users.create(user, java.nio.CharBuffer.wrap(password), main.actor().username());
                java.util.Arrays.fill(password, '\0');
                out.printf("First admin %s (%s) created, with the password given here.%n", created.username(),
                        created.displayName());
                return 0;
            }
            if (stdin) throw new IllegalArgumentException(NO_PASSWORD);
            var invited = main.services().activations().invite(user, main.actor().username());
            out.printf("User %s (%s) created with role %s, awaiting activation.%n", invited.account().username(),
                    invited.account().displayName(), r.name().toLowerCase(java.util.Locale.ROOT));
            printLink(out, invited.link(), main);
            return 0;
        }
    }

    static final String NO_PASSWORD = "the holder sets their own password through the activation link"
            + " (only the first admin's is set at the console)";

    @Command(name = "activation-link", mixinStandardHelpOptions = true,
            description = {"Withdraws the account's password (its sessions end) and prints a new one-time activation",
                    "link: a reset, or a link lost or expired."})
    static final class ActivationLink extends ConsoleCommand {
        @Parameters(paramLabel = "USERNAME") String username;

        @Override
        ConsoleAccess access() {
            return new ConsoleAccess.OwnerOr(ConsoleAccess.change("/admin/users/activation"));
        }

        @Override
        int run() {
            printLink(out, main.services().activations().reset(username, main.actor().username()), main);
            return 0;
        }
    }

    @Command(name = "list-users", mixinStandardHelpOptions = true,
            description = "Lists the web accounts (enabled: yes, no, or awaiting activation by its holder).")
    static final class ListUsers extends ConsoleCommand {

        @Override
        ConsoleAccess access() {
            return new ConsoleAccess.OwnerOr(ConsoleAccess.read("/admin/users"));
        }

        @Override
        int run() {
            out.printf("%-20s %-13s %-8s %-25s %s%n", "username", "role", "enabled", "name", "unit / contact");
            for (UserAccount u : main.services().userStore().list()) {
                out.printf("%-20s %-13s %-8s %-25s %s%n", u.username(), u.role().name().toLowerCase(java.util.Locale.ROOT),
                        u.awaitingActivation() ? "awaiting" : u.enabled() ? "yes" : "no", u.displayName(), (u.unit() + " " + u.contact()).trim());
            }
            return 0;
        }
    }

    @Command(name = "set-password", mixinStandardHelpOptions = true,
            description = {"Recovery while no admin can sign in: sets an admin's password here. Otherwise use",
                    "activation-link: the holder sets their own."})
    static final class SetPassword extends ConsoleCommand {
        @Parameters(paramLabel = "USERNAME") String username;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.") boolean stdin;

        @Override
        ConsoleAccess access() {
            return new ConsoleAccess.OwnerOr(ConsoleAccess.change("/admin/users/password"));
        }

        @Override
        int run() {
            UserStore users = main.services().userStore();
            boolean admin = users.find(username).filter(u -> u.role() == Role.ADMIN).isPresent();
            if (!admin || users.anAdminCanSignIn()) throw new IllegalArgumentException(NO_PASSWORD + ": use activation-link");
            char[] password = readPassword(stdin);
            users.setPassword(username, java.nio.CharBuffer.wrap(password), main.actor().username());
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
        ConsoleAccess access() {
            return new ConsoleAccess.OwnerOr(ConsoleAccess.change("/admin/users/unlock"));
        }

        @Override
        int run() {
            boolean lifted = main.services().signInThrottle().lift(name, address, main.actor().username());
            out.printf(lifted ? "Sign-in failures of %s forgotten and lockout lifted.%n" : "No sign-in failures recorded for %s.%n", name);
            return 0;
        }
    }
}
