package org.piste.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.piste.screen.Contribution;
import org.piste.screen.EntityScore;
import org.piste.screen.RuleSet;
import org.piste.screen.Screener;
import org.piste.screen.ScreeningResult;
import org.piste.screen.TransferFact;

/**
 * Writes every screening result in full (scores, contributions, values and points as exact doubles, explanations,
 * evidence in order) for the simulator's data, with the built-in rules, without and with seeds, and with any extra
 * rule files: a refactoring of the Screener must leave these files byte-identical. Not a test.
 * Usage: ScreeningDump SIM_DIR SENDERS MONTHS SEED OUT_DIR [RULES.yaml...]
 */
public final class ScreeningDump {
    private ScreeningDump() {}

    public static void main(String[] args) throws IOException {
        ScreeningData data = ScreeningData.load(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Long.parseLong(args[3]));
        Path out = Path.of(args[4]);
        Files.createDirectories(out);
        List<TransferFact> facts = data.facts();
        // Seeds on both sides, picked deterministically, so that the seed paths of the propagation are covered too.
        Set<String> seeds = new HashSet<>();
        for (int i = 0; i < facts.size() && seeds.size() < 40; i += 997) {
            seeds.add(facts.get(i).senderEntity());
            seeds.add(facts.get(i).recipientEntity());
        }
        Screener builtIn = new Screener(RuleSet.builtIn());
        write(builtIn.screen(facts, Set.of()), out.resolve("built-in.txt"));
        write(builtIn.screen(facts, seeds), out.resolve("built-in-seeded.txt"));
        for (int i = 5; i < args.length; i++) {
            write(new Screener(RuleSet.load(Path.of(args[i]))).screen(facts, Set.of()),
                    out.resolve(Path.of(args[i]).getFileName() + ".txt"));
        }
    }

    private static void write(ScreeningResult r, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("rules " + r.ruleSetVersion() + "\n");
            for (List<EntityScore> side : List.of(r.senders(), r.recipients())) {
                for (EntityScore e : side) {
                    w.write(e.side() + " " + e.entityId() + " " + e.score() + "\n");
                    for (Contribution c : e.contributions()) {
                        w.write("  " + c.indicator() + " " + c.value() + " " + c.points() + " " + c.explanation() + "\n    "
                                + String.join(",", c.evidence()) + "\n");
                    }
                }
            }
        }
    }
}
