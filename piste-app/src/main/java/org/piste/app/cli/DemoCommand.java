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

    @Option(names = "--senders", description = "Senders simulated (default ${DEFAULT-VALUE}).")
    int senders = 3_000;

    @Option(names = "--port", description = "Port of the web application (default ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--no-serve", description = "Stop after the screening instead of starting the web application.")
    boolean noServe;

    @Override
    int run() throws InterruptedException {
        SimConfig config = SimConfig.defaults().withSenders(senders);
        Path dir = main.home().resolve("demo").resolve("sim-" + senders + "-seed-" + config.seed());
        out.printf("Piste demo. Data: %s (%s).%n", main.home(), main.database().description());
        out.printf("$ piste sim --senders %d --months %d --seed %d --format operator --out %s%n", senders,
                config.months(), config.seed(), dir);
        SimSummary sim = SimCommand.generate(config, dir, Format.OPERATOR);
        SimCommand.describe(out, sim, Format.OPERATOR);
        out.printf("%n$ piste import %s --profile fr-operator --provider %s --legal-ref REQ-DEMO-001%n",
                sim.transfersFile(), config.provider());
        ConsoleImport.run(main, out, ImportRequest.of(sim.transfersFile(), "fr-operator")
                .withProvider(config.provider()).withLegalReference("REQ-DEMO-001"), imported -> {
                    long rejected = imported.result().counts().quarantined() + imported.result().counts().duplicates();
                    out.printf("The simulator labelled %,d bad rows; the importer rejected %,d rows (see %s).%n",
                            sim.badRows(), rejected, dir.resolve("truth").resolve("bad_rows.csv"));
                });
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
        ScreenCommand.print(out, screened.orElseGet(() -> ScreenCommand.run(main, Optional.empty(), Optional.empty(),
                org.piste.screen.RuleSet.builtIn())), 5);
        out.println();
        out.println("Next: piste entity ENTITY_ID, piste screen --out DIR, piste referral list, piste sources,");
        out.println("      piste quarantine 1 --duplicates, piste import FILE --profile PROFILE --dry-run");
        if (noServe) {
            out.flush();
            return 0;
        }
        out.println();
        DemoAccounts.print(out, DemoAccounts.create(main), port);
        ServeCommand.serve(main, out, "127.0.0.1", port);
        return 0;
    }
}
