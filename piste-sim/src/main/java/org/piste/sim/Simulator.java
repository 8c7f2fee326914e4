package org.piste.sim;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulator's entry point. Writes, in the output directory: the transfers file (canonical or operator
 * layout), referrals.json, and truth/ (persons.csv, transfers.csv, bad_rows.csv, referrals.csv).
 *
 * <p>Rows are generated month by month across all households, so the file is in chronological order by month;
 * within a month, rows are grouped by household and chronological within it. Memory does not grow with the
 * number of transfers: households are rebuilt from the seed every month, and only buyers' links (a fraction of a
 * percent of senders) and the referral samples are kept.
 */
public final class Simulator {
    /** Told after each month. */
    @FunctionalInterface
    public interface Progress {
        void update(int monthsDone, int months, long transfers);

        Progress NONE = (done, months, transfers) -> {};
    }

    private Simulator() {}

    public static SimSummary run(SimConfig cfg, Path outDir, Format format, Progress progress) {
        try {
            return generate(cfg, outDir, format, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulation to " + outDir + ": " + e.getMessage(), e);
        }
    }

    private static SimSummary generate(SimConfig cfg, Path outDir, Format format, Progress progress) throws IOException {
        World w = new World(cfg);
        Path truthDir = outDir.resolve("truth");
        Files.createDirectories(truthDir);

        // Pass 1: the population, into the ground truth; buyers' links for the referrals.
        Map<Role, Long> senders = new EnumMap<>(Role.class);
        List<Referrals.BuyerLink> buyers = new ArrayList<>();
        long[] persons = {0};
        try (CsvWriter out = Truth.writer(truthDir.resolve("persons.csv"))) {
            out.writeRecord(Truth.PERSON_HEADER);
            w.population.forEachHead(head -> {
                Household h = Household.of(w, head);
                for (Person p : h.persons()) {
                    Truth.person(out, p);
                    persons[0]++;
                    if (p.role().side() == Role.Side.SENDER) senders.merge(p.role(), 1L, Long::sum);
                }
                if (h instanceof BuyerHousehold b) buyers.add(new Referrals.BuyerLink(b.sender(), b.operations, b.payments));
            });
            w.population.forEachPooled(p -> {
                Truth.person(out, p);
                persons[0]++;
            });
        }
        Referrals referrals = new Referrals(w, buyers);

        // Pass 2: the transfers, month after month.
        Operator operator = new Operator(w);
        Map<Role, Long> byRole = new EnumMap<>(Role.class);
        Path file = outDir.resolve(format.fileName());
        TransferFile transfers = new TransferFile(file, truthDir, format.layout(cfg.provider()), cfg, referrals);
        try (transfers) {
            List<Event> events = new ArrayList<>();
            for (int m = 0; m < cfg.months(); m++) {
                int month = m;
                w.population.forEachHead(head -> {
                    SplittableRandom r = Seeds.rng(cfg.seed(), Seeds.UNIT_MONTH, head.index(), month);
                    SplittableRandom x = Seeds.rng(cfg.seed(), Seeds.ROW_PATTERNS, head.index(), month);
                    events.clear();
                    Household.of(w, head).month(month, r, events);
                    events.removeIf(e -> !w.inWindow(e.when()));
                    events.sort(Comparator.comparing(Event::when));
                    for (Event e : events) {
                        try {
                            transfers.write(operator.record(r, x, e));
                        } catch (IOException io) {
                            throw new UncheckedIOException(io);
                        }
                        byRole.merge(e.sender().role(), 1L, Long::sum);
                    }
                });
                progress.update(m + 1, cfg.months(), transfers.transfers());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        referrals.write(outDir.resolve("referrals.json"), truthDir.resolve("referrals.csv"));
        return new SimSummary(file, transfers.lines(), transfers.transfers(), transfers.badRows(),
                transfers.duplicates(), persons[0], senders, byRole, referrals.count());
    }
}
