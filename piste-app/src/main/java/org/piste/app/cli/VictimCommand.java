package org.piste.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.piste.app.victims.PaidFor;
import org.piste.app.victims.Victim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "victim", mixinStandardHelpOptions = true,
        description = {"A case's pseudonymous victim register (docs/cases.md): the identifier a foreign authority gave,",
                "never a name; what each buyer paid the facilitators linked to a victim."},
        subcommands = {VictimCommand.Add.class, VictimCommand.ListVictims.class, VictimCommand.Paid.class})
public final class VictimCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Registers a victim in a case (its team).")
    public static final class Add extends ConsoleCommand {
        @Parameters(paramLabel = "CASE", description = "The case number.") long caseId;
        @Option(names = "--pseudonym", required = true, description = "The authority's identifier, e.g. PNP-WCPC-2026-0007.")
        String pseudonym;
        @Option(names = "--authority", required = true, description = "The authority that identified the victim.")
        String authority;
        @Option(names = "--country", required = true, description = "The authority's country (ISO, e.g. PH).") String country;
        @Option(names = "--age", required = true, description = "Age bracket at the time: 0-5, 6-11, 12-14, 15-17, 18+.")
        String age;
        @Option(names = "--from", description = "Start of the period of the facts (YYYY-MM-DD).") String from = "";
        @Option(names = "--to", description = "End of the period of the facts (YYYY-MM-DD).") String to = "";
        @Option(names = "--note", description = "An administrative note (200 characters at most).") String note = "";
        @Option(names = "--facilitator", description = "A facilitator's record id (repeatable).")
        List<String> facilitators = new ArrayList<>();

        @Override
        ConsoleAccess access() {
            return ConsoleAccess.change("/cases/" + caseId + "/victims");
        }

        @Override
        int run() {
            Victim v = main.services().victimService().add(main.actor(), caseId, new Victim.NewVictim(pseudonym, authority,
                    country, Victim.AgeBracket.parse(age), CompensationCommand.optionalDate(from),
                    CompensationCommand.optionalDate(to), note, facilitators));
            out.printf("Victim %d registered in case %d: %s%n", v.id(), caseId, line(v));
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a case's victims (audited).")
    public static final class ListVictims extends ConsoleCommand {
        @Parameters(paramLabel = "CASE", description = "The case number.") long caseId;

        @Override
        ConsoleAccess access() {
            return ConsoleAccess.read("/cases/" + caseId + "/victims");
        }

        @Override
        int run() {
            List<Victim> all = main.services().victimService().list(main.actor(), caseId);
            if (all.isEmpty()) out.println("No victim registered.");
            for (Victim v : all) out.printf("%d  %s%n", v.id(), line(v));
            out.flush();
            return 0;
        }
    }

    @Command(name = "paid", mixinStandardHelpOptions = true,
            description = "What each buyer paid the victim's facilitators, by month and currency, with source rows (audited).")
    public static final class Paid extends ConsoleCommand {
        @Parameters(paramLabel = "VID", description = "The victim number.") long victimId;

        @Override
        ConsoleAccess access() {
            return ConsoleAccess.read("/cases/victims/" + victimId);
        }

        @Override
        int run() {
            var service = main.services().victimService();
            long caseId = service.caseOf(main.actor(), victimId);
            PaidFor p = service.paidFor(main.actor(), caseId, victimId);
            out.printf("Victim %d (%s), case %d. A buyer who paid a facilitator linked to several victims counts in full"
                    + " for each.%n", victimId, p.victim().pseudonym(), caseId);
            for (PaidFor.Total t : p.totals()) {
                out.printf("%s (%s): %s %s in %d transfer(s)%n", t.buyerName(), t.buyerEntity(),
                        t.total().toPlainString(), t.currency(), t.transfers());
            }
            for (PaidFor.Line l : p.lines()) {
                out.printf("  %s %s %s %s%n", l.buyerEntity(), l.month(), l.total().toPlainString(), l.currency());
                for (PaidFor.Source s : l.transfers()) {
                    out.printf("      transfer %d %s %s %s, %s sha256 %s line %d%n", s.transferId(),
                            s.reference(), s.amount().toPlainString(), s.currency(),
                            s.sourceFile(), s.sha256(), s.line());
                }
            }
            if (p.lines().isEmpty()) out.println("No transfer to the facilitators linked within the period.");
            out.flush();
            return 0;
        }
    }

    static String line(Victim v) {
        return v.pseudonym() + ", " + v.authority() + " (" + v.authorityCountry() + "), age "
                + v.ageBracket().code() + ", period " + v.periodFrom().map(Object::toString).orElse("…") + " – "
                + v.periodTo().map(Object::toString).orElse("…") + ", facilitators "
                + v.facilitators().stream().map(f -> f.entityId()).toList();
    }
}
