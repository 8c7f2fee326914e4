package org.piste.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.piste.app.resolve.ResolutionService;
import org.piste.app.screen.ScreeningFiles;
import org.piste.app.screen.ScreeningService;
import org.piste.screen.EntityScore;
import org.piste.screen.Indicator;
import org.piste.screen.LearnedWeights;
import org.piste.screen.RuleSet;
import org.piste.screen.SharedRanks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "screen", mixinStandardHelpOptions = true,
        description = {"Ranks resolved senders and recipients by the typology's indicators, reinforced over the network,",
                "with the evidence for every point; stores the result with the rule set's version."})
public final class ScreenCommand extends ConsoleCommand {

    @Option(names = "--from", description = "First day of the period (default: all).")
    LocalDate from;

    @Option(names = "--to", description = "Last day of the period (default: all).")
    LocalDate to;

    @Option(names = "--rules", description = "A rule set file (default: the built-in rule set).")
    Path rules;

    @Option(names = "--out", description = "Also write senders.csv, recipients.csv and membership.csv here.")
    Path exportDir;

    @Option(names = "--top", description = "How many senders and recipients to show (default ${DEFAULT-VALUE}).")
    int top = 10;

    @Option(names = "--explain-model", description = {"Also show the indicator weights learned from analysts' rulings (confirmed and",
            "dismissed alerts, referral subjects), the labels they came from and how they moved the ranking."})
    boolean explainModel;

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.change("/alerts/screening");
    }

    @Override
    int run() {
        PrintWriter w = out;
        RuleSet used = rules == null ? RuleSet.builtIn() : RuleSet.load(rules);
        ScreeningService.Run run = run(main, Optional.ofNullable(from), Optional.ofNullable(to), used);
        main.audit("screening.view", "screening:" + run.id(), "top " + top); // before the names are printed
        print(w, run, top);
        if (explainModel) {
            model(w, "Senders", run.senderModel(), used.sender());
            model(w, "Recipients", run.recipientModel(), used.recipient());
        }
        if (exportDir != null) {
            ScreeningFiles.write(main.actor(), main.database(), run, exportDir);
            w.printf("Wrote %s, %s and %s%n", exportDir.resolve("senders.csv"), exportDir.resolve("recipients.csv"),
                    exportDir.resolve("membership.csv"));
        }
        w.flush();
        return 0;
    }

    /** A side's model: each indicator's rule points and learned multiplier, the labels, the notes, how the ranking moved. */
    static void model(PrintWriter w, String side, LearnedWeights.Outcome o, java.util.Map<Indicator, RuleSet.Rule> byIndicator) {
        java.util.Map<String, RuleSet.Rule> rules = new java.util.HashMap<>(); // by stable name, as the learned multipliers are
        byIndicator.forEach((indicator, rule) -> rules.put(indicator.key(), rule));
        LearnedWeights.Model m = o.model();
        w.printf(Locale.ROOT, "%s' model: %s (%s; %d confirmed, %d dismissed, %d unlabelled)%n", side, m.version(),
                m.learned() ? "weights learned from rulings" : "the rule set's weights", m.positives().size(), m.negatives().size(), m.unlabelled());
        java.util.TreeSet<String> indicators = new java.util.TreeSet<>(rules.keySet());
        indicators.addAll(m.multipliers().keySet());
        indicators.forEach(indicator -> {
            RuleSet.Rule rule = rules.get(indicator);
            double x = m.multipliers().getOrDefault(indicator, 1.0);
            w.printf(Locale.ROOT, "  %-24s rule %6.1f points  x%.2f  -> %6.1f%n", indicator, rule == null ? 0 : rule.points(), x,
                    rule == null ? 0 : rule.points() * x);
        });
        if (!m.positives().isEmpty()) w.println("  confirmed: " + String.join(", ", m.positives().subList(0, Math.min(20, m.positives().size())))
                + (m.positives().size() > 20 ? " ..." : ""));
        if (!m.negatives().isEmpty()) w.println("  dismissed: " + String.join(", ", m.negatives().subList(0, Math.min(20, m.negatives().size())))
                + (m.negatives().size() > 20 ? " ..." : ""));
        m.notes().forEach(n -> w.println("  " + n));
        o.movement().forEach(n -> w.println("  " + n));
    }

    /** Screens, resolving first when no resolution is stored. */
    static ScreeningService.Run run(Main main, Optional<LocalDate> from, Optional<LocalDate> to, RuleSet rules) {
        ResolutionService resolution = new ResolutionService(main.database());
        if (!resolution.hasResolution()) resolution.run(ResolutionService.Mode.FULL);
        return org.piste.app.pipeline.Refresh.screen(main.database(), from, to, rules);
    }

    /** One line: the run and who tops each ranking. */
    static void summary(PrintWriter w, ScreeningService.Run run) {
        var r = run.result();
        w.printf(Locale.ROOT, "Screening run #%d (rules %s): %,d senders, %,d recipients ranked%s%s; 'piste screen' shows why.%n",
                run.id(), r.ruleSetVersion(), r.senders().size(), r.recipients().size(),
                r.senders().isEmpty() ? "" : String.format(Locale.ROOT, "; top sender %s (%.1f)", r.senders().get(0).entityId(), r.senders().get(0).score()),
                r.recipients().isEmpty() ? "" : String.format(Locale.ROOT, ", top recipient %s (%.1f)", r.recipients().get(0).entityId(), r.recipients().get(0).score()));
    }

    static void print(PrintWriter w, ScreeningService.Run run, int top) {
        w.printf(Locale.ROOT, "Screening run #%d (rules %s; weights: senders %s, recipients %s): %,d transfers, %,d senders, %,d "
                + "recipients, %d confirmed seeds, %.1f s.%n", run.id(), run.result().ruleSetVersion(), run.senderModel().model().version(),
                run.recipientModel().model().version(), run.transfers(), run.result().senders().size(), run.result().recipients().size(),
                run.seeds(), run.seconds());
        section(w, "Senders", run.result().senders(), top);
        section(w, "Recipients", run.result().recipients(), top);
    }

    private static void section(PrintWriter w, String title, List<EntityScore> ranked, int top) {
        w.println(title + " (highest first; 'piste entity ID' shows who they are):");
        int[] rank = SharedRanks.of(ranked);
        for (int i = 0; i < Math.min(top, ranked.size()); i++) {
            EntityScore e = ranked.get(i);
            String why = e.contributions().stream().filter(k -> k.points() != 0).limit(3)
                    .map(k -> String.format(Locale.ROOT, "%s %+.1f (%s)", k.indicator(), k.points(), k.explanation()))
                    .collect(Collectors.joining("; "));
            w.printf(Locale.ROOT, "%4d  %-12s %6.1f  %s%n", rank[i], e.entityId(), e.score(), why);
        }
    }
}
