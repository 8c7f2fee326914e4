package org.piste.app.cli;

import java.util.Optional;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import org.piste.app.accounts.AuditRedaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The audit trail of views, searches, exports and changes: verify its hash chain, checkpoint it, list events.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Checkpoint.class, AuditCommand.ListEvents.class})
public final class AuditCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recomputes the keyed hash chain from the first event and holds it against the checkpoints in",
                    "PISTE_HOME/audit-checkpoints; exit code 1 and one line per problem (truncated, rewritten, forged",
                    "append, checkpoint file altered, missing or empty) if the trail was changed outside Piste."})
    static final class Verify extends ConsoleCommand {

        @Override
        ConsoleAccess access() {
            return new ConsoleAccess.OwnerOr(ConsoleAccess.change("/admin/audit/verify"));
        }

        @Override
        int run() {
            AuditLog.Verification v = main.services().auditLog().verify();
            String anchored = v.checkpoints().isEmpty() ? "no checkpoint yet"
                    : String.format("%,d checkpoints, the last of %s", v.checkpoints().size(), v.checkpoints().getLast());
            if (v.intact()) {
                out.printf("Audit trail intact: %,d events, last hash %s. %,d of them use the unkeyed hash of before V16;"
                        + " %s.%n", v.events(), v.lastHash(), v.legacyEvents(), anchored);
                return 0;
            }
            for (String problem : v.problems()) {
                spec.commandLine().getErr().printf("piste: error: audit trail broken after %,d good events: %s.%n",
                        v.events(), problem);
            }
            return 1;
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = {"Writes a checkpoint of the audit trail (its length and last hash, with a MAC) to",
                    "PISTE_HOME/audit-checkpoints now; Piste also writes one every 5 seconds while it runs and when it stops."})
    static final class Checkpoint extends ConsoleCommand {

        @Override
        ConsoleAccess access() {
            return new ConsoleAccess.OwnerOr(ConsoleAccess.change("/admin/audit/verify"));
        }

        @Override
        int run() {
            out.println(main.services().auditLog().checkpoint() + ".");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists events, newest first.")
    static final class ListEvents extends ConsoleCommand {
        @Option(names = "--user", description = "Only this user's events.") String user = "";
        @Option(names = "--action", description = "Only this action (e.g. entity.view).") String action = "";
        @Option(names = "--object", description = "Only objects starting with this (e.g. entity:).") String object = "";
        @Option(names = "--case", description = "Only events for this case.") Long caseId;
        @Option(names = "--limit", description = "At most N events (default ${DEFAULT-VALUE}).") int limit = 50;

        @Override
        ConsoleAccess access() {
            return new ConsoleAccess.OwnerOr(ConsoleAccess.read("/admin/audit"));
        }

        /**
         * The installation's owner sees the trail in full (they hold the database anyway); an admin account sees it as
         * on the web, with personal data withheld.
         */
        @Override
        int run() {
            var query = new AuditLog.Query(user, action, object, Optional.ofNullable(caseId), Long.MAX_VALUE, limit);
            var log = main.services().auditLog();
            if (main.actor().role().isPresent()) {
                for (AuditRedaction.Line e : AuditRedaction.forAdmins(log, main.actor(), query).lines()) {
                    print(e.seq(), e.at(), e.username(), e.action(), e.object(), e.caseId(), e.detail());
                }
            } else {
                for (AuditEvent e : log.search(main.actor(), query)) {
                    print(e.seq(), e.at(), e.username(), e.action(), e.object(), e.caseId(), e.detail());
                }
            }
            return 0;
        }

        private void print(long seq, java.time.Instant at, String username, String action, String object,
                Optional<Long> caseId, String detail) {
            out.printf("%6d %s %-16s %-18s %-28s %-6s %s%n", seq, at, username, action, object,
                    caseId.map(String::valueOf).orElse("-"), detail);
        }
    }
}
