package org.piste.app.cli;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.piste.app.victims.Compensation;
import org.piste.app.victims.CompensationSchedule;
import org.piste.app.web.CsvDialect;
import org.piste.app.web.victims.CompensationCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compensation", mixinStandardHelpOptions = true,
        description = {"A case's compensation schedule (claimed, awarded, paid, outstanding per victim, buyer and currency),",
                "printed or written as CSV; and the ledger's entries: claim, award, payment."},
        subcommands = {CompensationCommand.Claim.class, CompensationCommand.Award.class, CompensationCommand.Payment.class})
public final class CompensationCommand extends ConsoleCommand {
    // Optional so that "compensation claim|award|payment" reach their subcommand without a CASE here.
    @Parameters(paramLabel = "CASE", arity = "0..1", description = "The case number.") Optional<Long> caseId = Optional.empty();
    @Option(names = "--csv", paramLabel = "FILE", description = "Write the schedule as CSV (the API's English dialect) here.")
    Optional<Path> csv = Optional.empty();

    @Override
    ConsoleAccess access() {
        return caseId.<ConsoleAccess>map(id -> ConsoleAccess.read("/cases/" + id + "/compensation"))
                .orElse(new ConsoleAccess.FilesOnly());
    }

    @Override
    int run() throws Exception {
        if (caseId.isEmpty()) {
            spec.commandLine().usage(out);
            return 0;
        }
        CompensationSchedule s = main.services().compensationService().schedule(main.actor(), caseId.get());
        if (csv.isPresent()) {
            try (OutputStream file = Files.newOutputStream(csv.get())) {
                CompensationCsv.write(s, CsvDialect.ENGLISH, file);
            }
            out.printf("Wrote %d row(s) to %s%n", s.rows().size(), csv.get());
        } else {
            print(out, s);
        }
        out.flush();
        return 0;
    }

    static void print(java.io.PrintWriter out, CompensationSchedule s) {
        out.printf("Case %d (%s): victim, buyer, currency, claimed, awarded, paid, outstanding%n", s.caseId(), s.caseReference());
        for (CompensationSchedule.Row r : s.rows()) {
            out.printf("%s  %s  %s  %s  %s  %s  %s%n", r.pseudonym(), r.buyerName().map(n -> n + " ("
                    + r.buyerEntity().orElse("") + ")").orElse("-"), r.currency(), r.claimed().toPlainString(),
                    r.awarded().toPlainString(), r.paid().toPlainString(), r.outstanding().toPlainString());
        }
    }

    @Command(name = "claim", mixinStandardHelpOptions = true, description = "Records a claim for a victim.")
    public static final class Claim extends ConsoleCommand {
        @Parameters(index = "0", paramLabel = "CASE") long caseId;
        @Parameters(index = "1", paramLabel = "VID", description = "The victim number.") long victimId;
        @Option(names = "--claimant", required = true, description = "CIVIL_PARTY, CIVI, FGTI or OTHER_AUTHORITY.")
        String claimant;
        @Option(names = "--buyer", description = "The buyer's record id the claim is against.") String buyer = "";
        @Option(names = "--amount", required = true) BigDecimal amount;
        @Option(names = "--currency", required = true) String currency;
        @Option(names = "--on", required = true, description = "Filed on (YYYY-MM-DD).") String on;

        @Override
        ConsoleAccess access() {
            return ConsoleAccess.change("/cases/" + caseId + "/victims/" + victimId + "/claims");
        }

        @Override
        int run() {
            long id = main.services().compensationService().claim(main.actor(), caseId, victimId,
                    Compensation.Claimant.parse(claimant), Optional.of(buyer), amount, currency, date(on));
            out.printf("Claim %d recorded.%n", id);
            out.flush();
            return 0;
        }
    }

    @Command(name = "award", mixinStandardHelpOptions = true, description = "Records an award against a convicted buyer.")
    public static final class Award extends ConsoleCommand {
        @Parameters(index = "0", paramLabel = "CASE") long caseId;
        @Parameters(index = "1", paramLabel = "VID", description = "The victim number.") long victimId;
        @Option(names = "--buyer", required = true, description = "The convicted buyer's record id.") String buyer;
        @Option(names = "--amount", required = true) BigDecimal amount;
        @Option(names = "--currency", required = true) String currency;
        @Option(names = "--on", required = true, description = "Decided on (YYYY-MM-DD).") String on;
        @Option(names = "--decision", required = true, description = "The court and decision reference.") String decision;

        @Override
        ConsoleAccess access() {
            return ConsoleAccess.change("/cases/" + caseId + "/victims/" + victimId + "/awards");
        }

        @Override
        int run() {
            long id = main.services().compensationService().award(main.actor(), caseId, victimId, buyer, amount, currency,
                    date(on), decision);
            out.printf("Award %d recorded.%n", id);
            out.flush();
            return 0;
        }
    }

    @Command(name = "payment", mixinStandardHelpOptions = true, description = "Records a payment received on an award.")
    public static final class Payment extends ConsoleCommand {
        @Parameters(index = "0", paramLabel = "CASE") long caseId;
        @Parameters(index = "1", paramLabel = "AWARD", description = "The award number.") long awardId;
        @Option(names = "--amount", required = true) BigDecimal amount;
        @Option(names = "--currency", required = true) String currency;
        @Option(names = "--on", required = true, description = "Received on (YYYY-MM-DD).") String on;

        @Override
        ConsoleAccess access() {
            return ConsoleAccess.change("/cases/" + caseId + "/compensation/awards/" + awardId + "/payments");
        }

        @Override
        int run() {
            long id = main.services().compensationService().payment(main.actor(), caseId, awardId, amount, currency, date(on));
            out.printf("Payment %d recorded.%n", id);
            out.flush();
            return 0;
        }
    }

    static LocalDate date(String text) {
        return Compensation.date(text);
    }

    static Optional<LocalDate> optionalDate(String text) {
        return Compensation.optionalDate(text);
    }
}
