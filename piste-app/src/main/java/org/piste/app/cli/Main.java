package org.piste.app.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.piste.app.accounts.AccessPolicy;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.UserAccount;
import org.piste.app.pipeline.Services;
import org.piste.app.store.Database;
import org.piste.ingest.ImportException;
import org.piste.ingest.ProfileException;
import org.piste.normal.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The {@code piste} command line. */
@Command(name = "piste", mixinStandardHelpOptions = true, version = "Piste 0.1.0",
        description = "Follows the money of live-streamed child sexual abuse: imports transfer exports and traces payments.",
        subcommands = {DemoCommand.class, SimCommand.class, ImportCommand.class, SourcesCommand.class, QuarantineCommand.class, ScreenCommand.class,
                TransfersCommand.class, ResolveCommand.class, EntityCommand.class, SearchCommand.class, DecideCommand.class, ResolveFileCommand.class,
                ReferralCommand.class, RequisitionCommand.class, RequestCommand.class, DeadlinesCommand.class, VictimCommand.class,
                CompensationCommand.class, ReportCommand.class, ProfilesCommand.class, ServeCommand.class, AdminCommand.class, AuditCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements AutoCloseable {
    @Option(names = "--home", description = "Piste's data directory (default: $PISTE_HOME or ~/.piste).")
    Path home;

    @Option(names = "--as", paramLabel = "ACCOUNT", description = {"Act as this Piste account (default: $PISTE_USER). Every",
            "command on personal data needs one; its role decides as on the web. The password is asked."})
    String account;

    @Option(names = "--password-file", paramLabel = "FILE", description = {"Read the account's password from the first line",
            "of FILE, which only you may read (default: $PISTE_PASSWORD_FILE)."})
    Path passwordFile;

    private Database database;
    private Services services;
    private Actor actor;

    public Path home() {
        if (home != null) return home;
        String env = System.getenv("PISTE_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".piste");
    }

    /** Piste's services on the database, constructed once on first use (the same ones the web registers). */
    public Services services() {
        if (services == null) services = Services.on(database());
        return services;
    }

    /** The database, opened (and migrated) on first use. */
    public Database database() {
        if (database == null) database = Database.open(Database.Settings.fromEnvironment(home()));
        return database;
    }

    /**
     * Who acts: the account signed in for this command, else the installation's owner. Set by {@link #admit} before a
     * command runs.
     */
    public Actor actor() {
        if (actor == null) actor = Actor.owner(osUser());
        return actor;
    }

    /**
     * Lets the command run, or refuses it: data work needs a signed-in account whose role the web's access table
     * allows; a refusal of a signed-in account is audited as on the web.
     */
    void admit(ConsoleAccess access, String command) {
        switch (access) {
            case ConsoleAccess.FilesOnly f -> actor = Actor.owner(osUser());
            case ConsoleAccess.Installation i -> actor = Actor.owner(osUser());
            case ConsoleAccess.OwnerOr o -> {
                if (accountName().isPresent()) admitAs(o.web(), command);
                else actor = Actor.owner(osUser());
            }
            case ConsoleAccess.AsOnTheWeb web -> admitAs(web, command);
        }
    }

    private void admitAs(ConsoleAccess.AsOnTheWeb web, String command) {
        String name = accountName().orElseThrow(() -> new IllegalArgumentException("'piste " + command + "' works on"
                + " personal data: sign in with --as ACCOUNT (your Piste account; the password is asked, or read from"
                + " --password-file)"));
        UserAccount account = ConsoleSignIn.signIn(name, passwordFile(), services().userStore(), services().signInThrottle(), osUser());
        Actor signedIn = Actor.atConsole(account.username(), account.role(), osUser());
        if (!AccessPolicy.allows(account.role(), web.method(), web.path())) {
            services().auditLog().append(AuditEvent.Entry.by(signedIn, "access.refused", "console:" + command,
                    web.method() + " " + web.path()));
            throw new IllegalArgumentException("the role " + account.role().name().toLowerCase(Locale.ROOT) + " may not run"
                    + " 'piste " + command + "' (as on the web, where it may not " + web.method() + " " + web.path() + ")");
        }
        actor = signedIn;
    }

    private Optional<String> accountName() {
        return Optional.ofNullable(account).or(() -> Optional.ofNullable(System.getenv("PISTE_USER"))).filter(a -> !a.isBlank());
    }

    private Optional<Path> passwordFile() {
        return Optional.ofNullable(passwordFile)
                .or(() -> Optional.ofNullable(System.getenv("PISTE_PASSWORD_FILE")).filter(f -> !f.isBlank()).map(Path::of));
    }

    /**
     * The OS account this process runs under, from its user id (not $USER, which anyone can set). It names the
     * installation's owner in the audit trail.
     */
    static String osUser() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUsername();
        } catch (RuntimeException | LinkageError notUnix) {
            return System.getProperty("user.name", "unknown");
        }
    }

    /**
     * Records a read of personal data made at the console in the audit trail, under the signed-in account (the web
     * records its users the same way; changes are audited by the one door for them, {@link org.piste.app.pipeline.Changes}).
     */
    public void audit(String action, String object, String detail) {
        services().auditLog().append(AuditEvent.Entry.by(actor(), action, object, detail));
    }

    @Override
    public void close() {
        if (database != null) database.close();
        database = null;
        services = null;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command; returns the exit code (0 success, 1 failure, 2 usage error). */
    public static int run(String... args) {
        try (Main main = new Main()) {
            CommandLine cli = new CommandLine(main);
            // Imported text reaches the terminal: show its control characters rather than obey them.
            cli.setOut(new PrintWriter(new TerminalSafe(new OutputStreamWriter(System.out, System.out.charset())), true));
            cli.setErr(new PrintWriter(new TerminalSafe(new OutputStreamWriter(System.err, System.err.charset())), true));
            cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                commandLine.getErr().println("piste: error: " + Text.capped(oneLine(e)));
                if (System.getenv("PISTE_DEBUG") != null) e.printStackTrace(commandLine.getErr());
                return 1;
            });
            return cli.execute(args);
        }
    }

    private static String oneLine(Exception e) {
        if (e instanceof ImportException || e instanceof ProfileException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
