package org.piste.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.piste.app.imports.ImportRequest;
import org.piste.app.pipeline.Refresh;
import org.piste.app.screen.ScreeningService;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.SimSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generates a synthetic French operator export with the simulator, imports it and shows the result.")
public final class DemoCommand extends ConsoleCommand {
    /** The legal reference the demo's imports carry: what tells them from anyone else's. */
    static final String LEGAL_REFERENCE = "REQ-DEMO-001";


    @Option(names = "--senders", description = "Senders simulated (default ${DEFAULT-VALUE}).")
    int senders = 3_000;

    @Option(names = "--port", description = "Port of the web application (default ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--no-serve", description = "Stop after the screening instead of starting the web application.")
    boolean noServe;

    @Override
    ConsoleAccess access() {
        return new ConsoleAccess.Installation();
    }

    @Override
    int run() throws InterruptedException {
        refuseAHomeNotItsOwn(main);
        SimConfig config = SimConfig.defaults().withSenders(senders);
        Path dir = main.home().resolve("demo").resolve("sim-" + senders + "-seed-" + config.seed());
        out.printf("Piste demo. Data: %s (%s).%n", main.home(), main.database().description());
        out.printf("$ piste sim --senders %d --months %d --seed %d --format operator --out %s%n", senders,
                config.months(), config.seed(), dir);
        SimSummary sim = SimCommand.generate(config, dir, Format.OPERATOR);
        SimCommand.describe(out, sim, Format.OPERATOR);
        var accounts = DemoAccounts.create(main);
        out.println();
        DemoProcedure.Opened opened = DemoProcedure.openCase(main, out);
        long caseId = opened.id();
        if (opened.fresh()) DemoProcedure.requisition(main, out, caseId, config, LEGAL_REFERENCE);
        out.printf("%n$ piste import %s --profile fr-operator --provider %s --legal-ref %s%n",
                sim.transfersFile(), config.provider(), LEGAL_REFERENCE);
        ConsoleImport.run(main, out, ImportRequest.of(sim.transfersFile(), "fr-operator")
                .withProvider(config.provider()).withLegalReference(LEGAL_REFERENCE), imported -> {
                    long rejected = imported.result().counts().quarantined() + imported.result().counts().duplicates();
                    out.printf("The simulator labelled %,d bad rows; the importer rejected %,d rows (see %s).%n",
                            sim.badRows(), rejected, dir.resolve("truth").resolve("bad_rows.csv"));
                });
        DemoProcedure.answered(main, out, caseId, LEGAL_REFERENCE);
        out.println();
        out.println("$ piste transfers --limit 5");
        TransfersCommand.print(main, out, Optional.empty(), 5);
        Path referrals = dir.resolve("referrals.json");
        Optional<ScreeningService.Run> screened = Optional.empty(); // the refresh after the referrals screens
        if (java.nio.file.Files.exists(referrals)) {
            out.printf("%n$ piste referral import %s%n", referrals);
            out.printf("(foreign referrals naming suspects with partial identifiers; matched subjects seed the screening)%n");
            var change = main.services().changes().importReferrals(main.actor(), referrals, "");
            screened = change.refresh().flatMap(Refresh.Outcome::screening);
            if (change.outcome() instanceof org.piste.app.referrals.ReferralImport.Outcome.Imported i) {
                out.printf("%d referrals, %d subjects matched to entities.%n", i.referrals().size(),
                        i.matches().values().stream().filter(l -> !l.isEmpty()).count());
            }
        }
        out.println();
        out.println("$ piste screen --top 5");
        ScreeningService.Run run = screened.orElseGet(() -> ScreenCommand.run(main, Optional.empty(), Optional.empty(),
                org.piste.screen.RuleSet.builtIn()));
        ScreenCommand.print(out, run, 5);
        out.println();
        DemoProcedure.Subjects subjects = DemoProcedure.addSubjects(main, out, caseId, run.result());
        if (opened.fresh()) DemoProcedure.procedure(main, out, caseId, subjects, dir);
        out.println();
        DemoAccounts.print(out, accounts);
        out.println("Next, as one of them: piste --as analyste entity ENTITY_ID, piste --as analyste screen --out DIR,");
        out.println("      piste --as analyste referral list, piste --as analyste quarantine 1 --duplicates");
        if (noServe) {
            out.flush();
            return 0;
        }
        out.println();
        out.printf("Sign in at http://localhost:%d/ with one of the demo accounts.%n", port);
        ServeCommand.serve(main, out, "127.0.0.1", port);
        return 0;
    }

    /**
     * The demo runs as the installation's owner, shows what it imported and resets its accounts' passwords: on a home
     * holding anyone else's imports or accounts it would show their data and could take over an account of the same
     * name, so it runs only on a home of its own.
     */
    static void refuseAHomeNotItsOwn(Main main) {
        long imports = main.services().sourceRepository().all().stream()
                .filter(s -> !s.file().legalReference().equals(LEGAL_REFERENCE)).count();
        long accounts = main.services().userStore().list().stream()
                .filter(u -> !DemoAccounts.NAMES.contains(u.username())).count();
        if (imports + accounts > 0) {
            throw new IllegalStateException("this home holds " + imports + " imports and " + accounts + " accounts the demo"
                    + " did not make; the demo runs on a home of its own: give --home DIR (or PISTE_HOME) a new directory");
        }
    }
}
