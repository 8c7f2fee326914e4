package org.piste.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.piste.app.requisitions.Requisition;
import org.piste.app.requisitions.RequisitionService;
import org.piste.app.requisitions.RequisitionText;
import org.piste.ingest.Hashing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The requisition commands: the same service, need-to-know and audit as the case pages. */
final class RequisitionSubcommands {
    private RequisitionSubcommands() {}

    @Command(name = "draft", mixinStandardHelpOptions = true,
            description = "Drafts a requisition from a case: its subjects' identifiers and its evidence's MTCNs.")
    static final class Draft extends ConsoleCommand {
        @Parameters(paramLabel = "CASE", description = "The case number.") long caseId;
        @Option(names = "--addressee", required = true, description = "The operator, bank or e-wallet.") String addressee;
        @Option(names = "--kind", defaultValue = "operator", description = "operator, bank or ewallet.") String kind;
        @Option(names = "--basis", required = true, description = "The CPP article: 60-1, 77-1-1 or 99-3.") String basis;
        @Option(names = "--from", required = true, description = "First day of the period (YYYY-MM-DD).") String from;
        @Option(names = "--to", required = true, description = "Last day of the period (YYYY-MM-DD).") String to;
        @Option(names = "--number", description = "The number (default: the next REQ-year-nnnn).") String number;
        @Option(names = "--identifier", description = "An identifier typed by hand (repeatable).")
        List<String> identifiers = new ArrayList<>();

        @Override
        ConsoleAccess access() {
            return ConsoleAccess.change("/cases/" + caseId + "/requisitions");
        }

        @Override
        int run() {
            Requisition r = main.services().requisitionService().draft(main.actor(), caseId,
                    new RequisitionService.NewRequisition(Optional.ofNullable(number), addressee,
                            Requisition.AddresseeKind.parse(kind), Requisition.LegalBasis.parse(basis), date(from),
                            date(to), identifiers));
            out.printf("Drafted requisition %s (case %d) to %s: %d identifiers, %d MTCN, status %s.%n", r.number(),
                    r.caseId(), r.addressee(), r.identifiers().size(), r.refs().size(),
                    r.shown(main.services().requisitionService().today()));
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a case's requisitions.")
    static final class ListOfCase extends ConsoleCommand {
        @Parameters(paramLabel = "CASE", description = "The case number.") long caseId;

        @Override
        ConsoleAccess access() {
            return ConsoleAccess.read("/cases/" + caseId + "/requisitions");
        }

        @Override
        int run() {
            var service = main.services().requisitionService();
            var all = service.list(main.actor(), caseId);
            LocalDate today = service.today();
            if (all.isEmpty()) out.println("No requisition in case " + caseId + ". Try: piste requisition draft " + caseId);
            else out.printf("%-20s %-9s %-8s %-10s %-10s %8s  %s%n", "number", "status", "basis", "sent", "due", "rows",
                    "addressee");
            for (var r : all) {
                out.printf("%-20s %-9s %-8s %-10s %-10s %8d  %s%n", r.number(), r.shown(today), r.legalBasis().article(),
                        r.sentOn().map(LocalDate::toString).orElse("-"), r.dueOn().map(LocalDate::toString).orElse("-"),
                        r.rowsRead(), r.addressee());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows a requisition, its answers and their row counts; --text: the French text to sign.")
    static final class Show extends ConsoleCommand {
        @Parameters(paramLabel = "NUMBER", description = "The requisition number, e.g. REQ-2026-0042.") String number;
        @Option(names = "--text", description = "Print the requisition's text, in French, as it is signed.") boolean text;

        @Override
        ConsoleAccess access() {
            return ConsoleAccess.read("/cases/0/requisitions/0");
        }

        @Override
        int run() {
            var service = main.services().requisitionService();
            Requisition r = service.byNumber(main.actor(), number);
            if (text) {
                out.print(RequisitionText.of(r));
                out.flush();
                return 0;
            }
            out.printf("Requisition %s, case %d (%s): %s to %s (%s), article %s CPP, period %s to %s.%n", r.number(),
                    r.caseId(), r.caseReference(), r.shown(service.today()), r.addressee(), r.addresseeKind(),
                    r.legalBasis().article(), r.periodFrom(), r.periodTo());
            r.sentOn().ifPresent(d -> out.printf("Sent %s, due %s.%n", d, r.dueOn().map(LocalDate::toString).orElse("-")));
            for (var i : r.identifiers()) out.printf("  %-6s %s%n", i.kind(), i.value());
            if (!r.refs().isEmpty()) out.println("  MTCN   " + String.join(", ", r.refs()));
            answers(out, r);
            out.flush();
            return 0;
        }

        private static void answers(PrintWriter out, Requisition r) {
            if (r.answers().isEmpty()) out.println("No answer imported yet.");
            for (var a : r.answers()) {
                out.printf("Answer: source %d %s (sha256 %s), %d rows read, %d accepted, %d quarantined, %d duplicates.%n",
                        a.sourceId(), a.fileName(), Hashing.shortForm(a.sha256()), a.rowsRead(), a.rowsAccepted(),
                        a.rowsQuarantined(), a.rowsDuplicate());
            }
        }
    }

    @Command(name = "sent", mixinStandardHelpOptions = true,
            description = "Marks a requisition sent today (or --on); due 30 days later unless --due.")
    static final class Sent extends ConsoleCommand {
        @Parameters(paramLabel = "NUMBER", description = "The requisition number.") String number;
        @Option(names = "--due", description = "The due date (YYYY-MM-DD).") String due;
        @Option(names = "--on", description = "The day it was sent (YYYY-MM-DD; default today).") String on;

        @Override
        ConsoleAccess access() {
            return ConsoleAccess.change("/cases/0/requisitions/0/sent");
        }

        @Override
        int run() {
            var service = main.services().requisitionService();
            Requisition found = service.byNumber(main.actor(), number);
            Requisition r = service.markSent(main.actor(), found.caseId(), found.id(),
                    on == null ? service.today() : date(on), Optional.ofNullable(due).map(RequisitionSubcommands::date));
            out.printf("Requisition %s sent on %s, due %s: %s.%n", r.number(), r.sentOn().orElseThrow(),
                    r.dueOn().orElseThrow(), r.shown(service.today()));
            out.flush();
            return 0;
        }
    }

    static LocalDate date(String text) {
        return Requisition.day(text);
    }
}
