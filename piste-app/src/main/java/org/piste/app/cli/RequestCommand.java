package org.piste.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.piste.app.requests.RequestAbroad;
import org.piste.app.requests.RequestsAbroad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Requests abroad at the console: the same service, need-to-know and audit as the pages (docs/cases.md). */
@Command(name = "request", mixinStandardHelpOptions = true,
        description = {"Requests abroad (mutual legal assistance, police cooperation, foreign FIU) of a case: draft one,",
                "list and show them, produce the minimised data package, mark a request sent."},
        subcommands = {RequestCommand.New.class, RequestCommand.ListRequests.class, RequestCommand.Show.class,
                RequestCommand.MakePackage.class, RequestCommand.Sent.class})
public final class RequestCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = {"Drafts a request for a case; its package starts empty: name what it holds with --subject",
                    "(a subject's record id, e.g. 12:S) and --transfer (a transfer id), each repeatable."})
    static final class New extends ConsoleCommand {
        @Parameters(paramLabel = "CASE", description = "The case's number.") long caseId;
        @Option(names = "--channel", required = true, description = "mla, police or fiu.") String channel;
        @Option(names = "--country", required = true, description = "ISO 3166 alpha-2 code, e.g. PH.") String country;
        @Option(names = "--authority", required = true, description = "The addressee authority.") String authority;
        @Option(names = "--question", required = true, description = "The question asked.") String question;
        @Option(names = "--number", description = "The request's number (default: the next EAI-<year>-<n>).") String number;
        @Option(names = "--subject", description = "A case subject the package holds (record id).") List<String> subjects;
        @Option(names = "--transfer", description = "A transfer the package holds (id).") List<Long> transfers;

        @Override
        ConsoleAccess access() {
            return ConsoleAccess.change("/cases/" + caseId + "/requests");
        }

        @Override
        int run() {
            RequestAbroad r = main.services().requestsAbroad().create(main.actor(), caseId, Optional.ofNullable(number),
                    channel, country, authority, question);
            if (subjects != null || transfers != null) {
                main.services().requestsAbroad().choose(main.actor(), caseId, r.id(),
                        new TreeSet<>(subjects == null ? List.of() : subjects), Set.copyOf(transfers == null ? List.of() : transfers));
            }
            out.printf("Request %s drafted for case %d: %s via %s.%n", r.number(), caseId, r.addressee(), r.channel());
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a case's requests abroad.")
    static final class ListRequests extends ConsoleCommand {
        @Parameters(paramLabel = "CASE", description = "The case's number.") long caseId;

        @Override
        ConsoleAccess access() {
            return ConsoleAccess.read("/cases/" + caseId + "/requests");
        }

        @Override
        int run() {
            var all = main.services().requestsAbroad().list(main.actor(), caseId);
            if (all.isEmpty()) out.println("No request abroad in case " + caseId + ".");
            for (RequestAbroad r : all) out.println(line(r));
            out.flush();
            return 0;
        }
    }

    static String line(RequestAbroad r) {
        return String.format("%-14s %-7s %-9s%s sent %s due %s  %s", r.number(), r.channel(), r.status(),
                r.late() ? " LATE" : "", r.sentOn().map(Object::toString).orElse("-"),
                r.dueOn().map(Object::toString).orElse("-"), r.addressee());
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows a request: what its package holds, the packages produced, the answer's files.")
    static final class Show extends ConsoleCommand {
        @Parameters(paramLabel = "NUMBER", description = "The request's number, e.g. EAI-2026-0001.") String number;

        @Override
        ConsoleAccess access() {
            return ConsoleAccess.read("/cases/0/requests/0");
        }

        @Override
        int run() {
            var d = main.services().requestsAbroad().byNumber(main.actor(), number);
            out.println(line(d.request()));
            out.println("Question: " + d.request().question());
            out.println("Package (chosen subjects and transfers only):");
            d.subjects().stream().filter(RequestAbroad.SubjectChoice::chosen)
                    .forEach(s -> out.printf("  subject %-10s %-11s %s%n", s.recordId(), s.kind(), s.label()));
            d.transfers().stream().filter(RequestAbroad.TransferChoice::chosen)
                    .forEach(t -> out.printf("  transfer #%d %s %s %s: %s -> %s (source %s line %d)%n", t.id(), t.reference(),
                            t.sentAmount().toPlainString(), t.sentCurrency(), t.sender(), t.recipient(), t.sha256(), t.line()));
            d.packages().forEach(p -> out.printf("Package produced %s by %s for %s: %d persons, %d transfers, manifest"
                    + " sha256 %s%n", p.madeAt(), p.madeBy(), p.sentTo(), p.subjects(), p.transfers(), p.manifestSha256()));
            d.answers().forEach(f -> out.printf("Answer file %s (sha256 %s, %s, received %s, %d rows)%n", f.name(),
                    f.sha256(), f.provider(), f.receivedOn(), f.rowsRead()));
            out.flush();
            return 0;
        }
    }

    @Command(name = "package", mixinStandardHelpOptions = true,
            description = "Produces the request's data package (zip) into a file; audited with what left and to whom.")
    static final class MakePackage extends ConsoleCommand {
        @Parameters(paramLabel = "NUMBER", description = "The request's number.") String number;
        @Option(names = "--out", required = true, description = "The zip file to write.") Path file;

        @Override
        ConsoleAccess access() {
            return ConsoleAccess.change("/cases/0/requests/0/package");
        }

        @Override
        int run() throws Exception {
            var service = main.services().requestsAbroad();
            RequestAbroad r = service.byNumber(main.actor(), number).request();
            var made = service.makePackage(main.actor(), r.caseId(), r.id());
            Files.write(file, made.zip());
            out.printf("Package of %s for %s written to %s: %d persons, %d transfers; manifest sha256 %s.%n", r.number(),
                    r.addressee(), file, made.subjects(), made.transfers(), made.manifestSha256());
            out.flush();
            return 0;
        }
    }

    @Command(name = "sent", mixinStandardHelpOptions = true, description = "Marks a request sent today (Paris).")
    static final class Sent extends ConsoleCommand {
        @Parameters(paramLabel = "NUMBER", description = "The request's number.") String number;
        @Option(names = "--due", description = "The answer's due date, YYYY-MM-DD.") String due;

        @Override
        ConsoleAccess access() {
            return ConsoleAccess.change("/cases/0/requests/0/sent");
        }

        @Override
        int run() {
            var service = main.services().requestsAbroad();
            RequestAbroad r = service.byNumber(main.actor(), number).request();
            RequestAbroad sent = service.markSent(main.actor(), r.caseId(), r.id(), RequestsAbroad.date(due));
            out.println(line(sent));
            out.flush();
            return 0;
        }
    }
}
