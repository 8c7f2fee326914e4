package org.piste.app.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
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
                TransfersCommand.class, ResolveCommand.class, EntityCommand.class, DecideCommand.class, ResolveFileCommand.class,
                ReferralCommand.class, ProfilesCommand.class, ServeCommand.class, AdminCommand.class, AuditCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements AutoCloseable {
    @Option(names = "--home", description = "Piste's data directory (default: $PISTE_HOME or ~/.piste).")
    Path home;

    private Database database;
    private Services services;

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

    /** The operator at the console, as the audit trail names them, signing rulings as {@code decidedBy}. */
    public org.piste.app.accounts.Actor actor(String decidedBy) {
        return org.piste.app.accounts.Actor.console(AdminCommand.consoleUser(), decidedBy);
    }

    /** The operator at the console, signing as $USER. */
    public org.piste.app.accounts.Actor actor() {
        return actor(systemUser());
    }

    /** The system's name for the user at the console ($USER, else the JVM's user.name). */
    static String systemUser() {
        String user = System.getenv("USER");
        return user == null || user.isBlank() ? System.getProperty("user.name", "unknown") : user;
    }

    /**
     * Records a read of personal data made at the console in the audit trail, as "cli:USER" (the web records its
     * users the same way; changes are audited by the one door for them, {@link org.piste.app.pipeline.Changes}).
     */
    public void audit(String action, String object, String detail) {
        services().auditLog().append(org.piste.app.accounts.AuditEvent.Entry.by(actor(), action, object, detail));
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
