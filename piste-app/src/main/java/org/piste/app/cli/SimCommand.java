package org.piste.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.SimSummary;
import org.piste.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Generates synthetic France -> Philippines transfers with ground truth (piste-sim/README.md).",
                "The same seed gives byte-identical files."})
public final class SimCommand extends ConsoleCommand {

    @Option(names = "--senders", description = "Senders in France (default ${DEFAULT-VALUE}).")
    int senders = SimConfig.defaults().senders();

    @Option(names = "--months", description = "Months simulated (default ${DEFAULT-VALUE}).")
    int months = SimConfig.defaults().months();

    @Option(names = "--start", description = "First month, YYYY-MM (default ${DEFAULT-VALUE}).")
    YearMonth start = SimConfig.defaults().start();

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = SimConfig.defaults().seed();

    @Option(names = "--bad-rows", description = "Share of malformed rows (default ${DEFAULT-VALUE}).")
    double badRows = SimConfig.defaults().badRowRate();

    @Option(names = "--duplicates", description = "Share of exact duplicate lines (default ${DEFAULT-VALUE}).")
    double duplicates = SimConfig.defaults().duplicateRate();

    @Option(names = "--out", required = true, description = "Output directory.")
    Path directory;

    @Option(names = "--format", description = "canonical or operator (default ${DEFAULT-VALUE}).")
    String format = "canonical";

    @Option(names = "--preset", description = {"Data shaped for entity-resolution tests (default ${DEFAULT-VALUE}):",
            "default (today's data), names-only (beneficiaries as a name and the payout place only),",
            "family-heavy (more and larger families sharing homes, e-mails and names),",
            "hard (names-only + family-heavy + shared office contacts + date-of-birth typos and placeholders,",
            "15% careful buyers, 20% of buyers also paying family, a few families sending a facilitator money)."})
    String preset = "default";

    @Option(names = "--careful-buyers", paramLabel = "SHARE",
            description = "Share of buyers paying one facilitator 2-10 times in the daytime, without bursts (default: the preset's).")
    Double carefulBuyers;

    @Option(names = "--lone-facilitators", paramLabel = "SHARE",
            description = "Share of buyers paying first a facilitator of their own, whom about no other buyer pays (default: the preset's).")
    Double loneFacilitators;

    @Option(names = "--buyers-paying-family", paramLabel = "SHARE",
            description = "Share of buyers also sending a relative or a partner a monthly remittance (default: the preset's).")
    Double buyersPayingFamily;

    @Option(names = "--facilitator-family", paramLabel = "SHARE",
            description = "Share of diaspora families whose receiving parent is a facilitator (default: the preset's).")
    Double facilitatorFamily;

    @Override
    ConsoleAccess access() {
        return new ConsoleAccess.FilesOnly();
    }

    @Override
    int run() {
        SimSummary summary = generate(config(), directory, parseFormat(format));
        describe(out, summary, parseFormat(format));
        return 0;
    }

    SimConfig config() {
        SimConfig c = SimConfig.preset(parsePreset(preset)).withSenders(senders).withMonths(months).withStart(start).withSeed(seed)
                .withBadRows(badRows, duplicates);
        SimConfig.Buyers b = c.buyers();
        if (carefulBuyers != null) b = b.withCarefulShare(carefulBuyers);
        if (loneFacilitators != null) b = b.withLoneFacilitatorShare(loneFacilitators);
        if (buyersPayingFamily != null) b = b.withFamilyShare(buyersPayingFamily);
        if (facilitatorFamily != null) b = b.withFacilitatorFamilyShare(facilitatorFamily);
        return c.withBuyers(b);
    }

    static Format parseFormat(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "canonical" -> Format.CANONICAL;
            case "operator", "fr-operator" -> Format.OPERATOR;
            default -> throw new IllegalArgumentException("--format must be canonical or operator, was '" + name + "'");
        };
    }

    static SimConfig.Preset parsePreset(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "default" -> SimConfig.Preset.DEFAULT;
            case "names-only" -> SimConfig.Preset.NAMES_ONLY;
            case "family-heavy" -> SimConfig.Preset.FAMILY_HEAVY;
            case "hard" -> SimConfig.Preset.HARD;
            default -> throw new IllegalArgumentException(
                    "--preset must be default, names-only, family-heavy or hard, was '" + name + "'");
        };
    }

    /** Runs the simulator, reporting each month on stderr when the run is long. */
    static SimSummary generate(SimConfig config, Path dir, Format format) {
        long started = System.nanoTime();
        return Simulator.run(config, dir, format, (done, total, transfers) -> {
            if (System.nanoTime() - started > 5_000_000_000L) {
                System.err.printf("piste: simulating: month %d/%d, %,d transfers%n", done, total, transfers);
            }
        });
    }

    static void describe(PrintWriter out, SimSummary s, Format format) {
        out.printf("Wrote %,d transfers (%,d lines, of which %,d labelled bad rows and %,d duplicate lines) to %s%n",
                s.transfers(), s.lines(), s.badRows(), s.duplicates(), s.transfersFile());
        out.printf("  %,d persons; senders by role %s; %d referrals; ground truth in %s%n", s.persons(),
                s.sendersByRole(), s.referrals(), s.transfersFile().resolveSibling("truth"));
        out.printf("  import with: piste import %s --profile %s%n", s.transfersFile(), format.profile());
        out.flush();
    }
}
