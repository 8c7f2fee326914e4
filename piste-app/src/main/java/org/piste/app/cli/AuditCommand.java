package org.piste.app.cli;

import java.util.Optional;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The audit trail of views, searches, exports and changes: verify its hash chain, list events.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListEvents.class})
public final class AuditCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recomputes the hash chain from the first event; exit code 1 and the first broken event if",
                    "any event was changed, removed or inserted outside Piste."})
    static final class Verify extends ConsoleCommand {

        @Override
        ConsoleAccess access() {
            return new ConsoleAccess.OwnerOr(ConsoleAccess.change("/admin/audit/verify"));
        }

        @Override
        int run() {
            AuditLog.Verification v = main.services().auditLog().verify();
            if (v.intact()) {
                out.printf("Audit trail intact: %,d events, last hash %s.%n", v.events(), v.lastHash());
                return 0;
            }
            spec.commandLine().getErr().printf("piste: error: audit trail broken after %,d good events: %s.%n", v.events(),
                    v.firstProblem().get());
            return 1;
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

        @Override
        int run() {
            for (AuditEvent e : main.services().auditLog().search(main.actor(),
                    new AuditLog.Query(user, action, object, Optional.ofNullable(caseId), Long.MAX_VALUE, limit))) {
                out.printf("%6d %s %-16s %-18s %-28s %-6s %s%n", e.seq(), e.at(), e.username(), e.action(), e.object(),
                        e.caseId().map(String::valueOf).orElse("-"), e.detail());
            }
            return 0;
        }
    }
}
