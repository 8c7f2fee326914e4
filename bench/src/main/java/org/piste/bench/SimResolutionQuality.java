package org.piste.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.piste.ingest.Hashing;
import org.piste.ingest.Importer;
import org.piste.ingest.Profiles;
import org.piste.ingest.Rejection;
import org.piste.model.Transfer;
import org.piste.normal.Text;
import org.piste.resolve.ClusterMetrics;
import org.piste.resolve.PersonRecord;
import org.piste.resolve.PersonRecords;
import org.piste.resolve.Resolution;
import org.piste.resolve.Resolver;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.Simulator;

/**
 * Resolution quality on the simulator's presets (DEFAULT, NAMES_ONLY, FAMILY_HEAVY, HARD), both sides of every transfer
 * resolved together as the application does (each party with its transfer's context: agency, payout place, the other
 * party as counterpart), scored per side against the truth. Besides pairwise and B-cubed figures: how many facilitators
 * end in one entity, how often two distinct recipients of one name are merged, how often two relatives (one family)
 * are. Not a test. Usage: SimResolutionQuality OUT_DIR SENDERS MONTHS SEED PRESET...
 */
public final class SimResolutionQuality {
    private SimResolutionQuality() {}

    /** A person of the truth: side, role, group and name as the simulator made them. */
    record Person(String id, String side, String role, String group, String given, String surname) {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int senders = Integer.parseInt(args[1]), months = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        System.out.printf("%-13s %-5s %9s %6s %6s %6s %6s %6s %6s %7s %7s %9s %11s %11s %7s%n", "preset", "side", "records", "P",
                "R", "F1", "B3 P", "B3 R", "B3 F", "facil.", "placed", "one ent.", "same-name", "relatives", "seconds");
        for (int k = 4; k < args.length; k++) {
            SimConfig.Preset preset = SimConfig.Preset.valueOf(args[k].toUpperCase(Locale.ROOT).replace('-', '_'));
            run(preset, out.resolve(preset.name().toLowerCase(Locale.ROOT) + "-" + senders + "x" + months + "-" + seed),
                    senders, months, seed);
        }
        System.out.println("(pairwise P/R/F1 and B-cubed per side; facil. = facilitators whose records are all in one entity; "
                + "placed = those whose records with a payout agency are (a row without one - cancelled, not yet paid - "
                + "carries only a name and a sender); one ent. = their records' share in their largest entity; same-name = "
                + "pairs of distinct recipients of one "
                + "name (given and surname as folded) that share an entity; relatives = pairs of distinct persons of one "
                + "family or household group that share an entity)");
    }

    private static void run(SimConfig.Preset preset, Path dir, int senders, int months, long seed) throws IOException {
        Path transfers = dir.resolve("transfers.csv");
        if (!Files.exists(dir.resolve("truth/persons.csv"))) {
            Files.createDirectories(dir);
            Simulator.run(preset.config().withSenders(senders).withMonths(months).withSeed(seed), dir, Format.CANONICAL,
                    Simulator.Progress.NONE);
        }
        Map<String, String> senderOf = LabelledRecords.column(dir.resolve("truth/transfers.csv"), "reference", "sender_person_id");
        Map<String, String> recipientOf = LabelledRecords.column(dir.resolve("truth/transfers.csv"), "reference", "recipient_person_id");
        Map<String, Person> persons = persons(dir.resolve("truth/persons.csv"));
        List<PersonRecord> records = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        new Importer(Profiles.load(Format.CANONICAL.profile()), "", Importer.StoredReferences.NONE).run(transfers,
                Hashing.sha256(transfers), new Importer.Sink() {
                    @Override
                    public void accepted(Transfer t) {
                        records.add(PersonRecords.sender(t.reference(), t));
                        truth.add(senderOf.get(t.reference()));
                        records.add(PersonRecords.recipient(t.reference(), t));
                        truth.add(recipientOf.get(t.reference()));
                    }

                    @Override
                    public void rejected(Rejection rejection) {}
                }, Importer.Progress.NONE);
        long t0 = System.nanoTime();
        Resolution r = new Resolver(Resolver.Settings.defaults()).resolve(records, List.of());
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> predicted = records.stream().map(p -> r.entityOf().get(p.id())).toList();
        for (String side : List.of("S", "R")) {
            List<String> t = new ArrayList<>(), p = new ArrayList<>(), placedTruth = new ArrayList<>(), placedPredicted = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                if (records.get(i).id().endsWith(":" + side)) {
                    t.add(truth.get(i));
                    p.add(predicted.get(i));
                    if (!records.get(i).agency().isEmpty()) {
                        placedTruth.add(truth.get(i));
                        placedPredicted.add(predicted.get(i));
                    }
                }
            }
            ClusterMetrics m = ClusterMetrics.of(t, p, new long[0]);
            String facilitators = "", placed = "", oneEntity = "", sameName = "", relatives = relatives(t, p, persons);
            if (side.equals("R")) {
                double[] f = facilitators(t, p, persons), fp = facilitators(placedTruth, placedPredicted, persons);
                facilitators = String.format(Locale.ROOT, "%.0f/%.0f", f[0], f[1]);
                placed = String.format(Locale.ROOT, "%.0f/%.0f", fp[0], fp[1]);
                oneEntity = String.format(Locale.ROOT, "%.4f", f[2]);
                sameName = sameName(t, p, persons);
            }
            System.out.printf(Locale.ROOT, "%-13s %-5s %,9d %6.4f %6.4f %6.4f %6.4f %6.4f %6.4f %7s %7s %9s %11s %11s %7.1f%n",
                    preset.name().toLowerCase(Locale.ROOT), side.equals("S") ? "send" : "recv", m.records(), m.precision(),
                    m.recall(), m.f1(), m.bcubedPrecision(), m.bcubedRecall(), m.bcubedF(), facilitators, placed, oneEntity,
                    sameName, relatives, seconds);
        }
        if (!r.model().warnings().isEmpty()) r.model().warnings().forEach(w -> System.out.println("  model warning: " + w));
    }

    /** {facilitators all in one entity, facilitators, mean share of a facilitator's records in its largest entity}. */
    private static double[] facilitators(List<String> truth, List<String> predicted, Map<String, Person> persons) {
        Map<String, Map<String, Integer>> entitiesOf = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            Person p = persons.get(truth.get(i));
            if (p != null && p.role().equals("FACILITATOR")) {
                entitiesOf.computeIfAbsent(p.id(), k -> new HashMap<>()).merge(predicted.get(i), 1, Integer::sum);
            }
        }
        double one = 0, share = 0;
        for (Map<String, Integer> e : entitiesOf.values()) {
            if (e.size() == 1) one++;
            int total = e.values().stream().mapToInt(Integer::intValue).sum();
            share += (double) e.values().stream().mapToInt(Integer::intValue).max().orElse(0) / total;
        }
        return new double[] {one, entitiesOf.size(), entitiesOf.isEmpty() ? 1 : share / entitiesOf.size()};
    }

    /** Merged pairs over pairs of distinct persons with one folded name, as "merged/pairs (rate)". */
    private static String sameName(List<String> truth, List<String> predicted, Map<String, Person> persons) {
        Map<String, Set<String>> personsOfName = new HashMap<>();
        Map<String, Set<String>> entitiesOfPerson = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            Person p = persons.get(truth.get(i));
            if (p == null) continue;
            personsOfName.computeIfAbsent(Text.fold(p.given()) + "|" + Text.fold(p.surname()), k -> new HashSet<>()).add(p.id());
            entitiesOfPerson.computeIfAbsent(p.id(), k -> new HashSet<>()).add(predicted.get(i));
        }
        return pairsSharing(personsOfName.values(), entitiesOfPerson);
    }

    /** The same over pairs of distinct persons of one group (family, household, operation, ring). */
    private static String relatives(List<String> truth, List<String> predicted, Map<String, Person> persons) {
        Map<String, Set<String>> personsOfGroup = new HashMap<>();
        Map<String, Set<String>> entitiesOfPerson = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            Person p = persons.get(truth.get(i));
            if (p == null) continue;
            if (!p.group().isEmpty()) personsOfGroup.computeIfAbsent(p.group(), k -> new HashSet<>()).add(p.id());
            entitiesOfPerson.computeIfAbsent(p.id(), k -> new HashSet<>()).add(predicted.get(i));
        }
        return pairsSharing(personsOfGroup.values(), entitiesOfPerson);
    }

    private static String pairsSharing(java.util.Collection<Set<String>> groups, Map<String, Set<String>> entitiesOfPerson) {
        long pairs = 0, merged = 0;
        for (Set<String> g : groups) {
            List<String> ids = new ArrayList<>(g);
            for (int a = 0; a < ids.size(); a++) {
                for (int b = a + 1; b < ids.size(); b++) {
                    pairs++;
                    Set<String> ea = entitiesOfPerson.get(ids.get(a));
                    if (entitiesOfPerson.get(ids.get(b)).stream().anyMatch(ea::contains)) merged++;
                }
            }
        }
        return pairs == 0 ? "-" : String.format(Locale.ROOT, "%d/%d", merged, pairs);
    }

    private static Map<String, Person> persons(Path csv) {
        Map<String, Person> out = new HashMap<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            List<String> header = null;
            for (CsvRecord r : reader) {
                if (header == null) {
                    header = r.getFields();
                    continue;
                }
                Person p = new Person(r.getField(header.indexOf("person_id")), r.getField(header.indexOf("side")),
                        r.getField(header.indexOf("role")), r.getField(header.indexOf("group_id")),
                        r.getField(header.indexOf("given_names")), r.getField(header.indexOf("surname")));
                out.put(p.id(), p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
