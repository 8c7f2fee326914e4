package org.piste.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.piste.ingest.Hashing;
import org.piste.ingest.Importer;
import org.piste.ingest.Profiles;
import org.piste.ingest.Rejection;
import org.piste.model.Money;
import org.piste.model.Transfer;
import org.piste.resolve.PersonRecord;
import org.piste.resolve.PersonRecords;
import org.piste.resolve.Resolution;
import org.piste.resolve.Resolver;
import org.piste.screen.TransferFact;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.Simulator;

/**
 * The screening benchmark's input: the simulator's canonical file imported with the real Importer, both sides of
 * every accepted transfer resolved (record ids reference + ":S" / ":R"), one TransferFact per accepted transfer,
 * and the truth of each entity (the person of the majority of its records, ties to the smaller person id).
 */
record ScreeningData(List<TransferFact> facts, Map<String, String> personOfEntity, Map<String, String> roleOfPerson,
        int rejected, double resolveSeconds) {

    static ScreeningData load(Path dir, int senders, int months, long seed) throws IOException {
        return load(dir, senders, months, seed, SimConfig.Preset.DEFAULT);
    }

    /** The data of one simulator preset; the default preset's marker stays as it was, so existing data is reused. */
    static ScreeningData load(Path dir, int senders, int months, long seed, SimConfig.Preset preset) throws IOException {
        return load(dir, senders, months, seed, preset, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Format.CANONICAL);
    }

    /**
     * The data of one preset with shares of careful buyers, of buyers paying a lone facilitator and of buyers also
     * supporting family, and of diaspora families sending a facilitator money (see {@link SimConfig.Buyers}); NaN keeps the
     * preset's share. The marker names every switch
     * that is on, so data made before a preset changed is made again. The layout is the export's (the canonical file, or
     * the French operator's, read through its own import profile).
     */
    static ScreeningData load(Path dir, int senders, int months, long seed, SimConfig.Preset preset, double careful,
            double lone, double family, double facilitatorFamily, Format layout) throws IOException {
        Path transfers = dir.resolve(layout.fileName()), marker = dir.resolve("generated-with.txt");
        SimConfig cfg = preset.config();
        SimConfig.Buyers b = cfg.buyers();
        if (!Double.isNaN(careful)) b = b.withCarefulShare(careful);
        if (!Double.isNaN(lone)) b = b.withLoneFacilitatorShare(lone);
        if (!Double.isNaN(family)) b = b.withFamilyShare(family);
        if (!Double.isNaN(facilitatorFamily)) b = b.withFacilitatorFamilyShare(facilitatorFamily);
        cfg = cfg.withBuyers(b);
        String config = "senders=" + senders + " months=" + months + " seed=" + seed
                + (preset == SimConfig.Preset.DEFAULT ? "" : " preset=" + preset.name().toLowerCase(java.util.Locale.ROOT))
                + (b.carefulShare() == 0 ? "" : " careful=" + b.carefulShare())
                + (b.loneFacilitatorShare() == 0 ? "" : " lone=" + b.loneFacilitatorShare())
                + (b.familyShare() == 0 ? "" : " family=" + b.familyShare())
                + (b.facilitatorFamilyShare() == 0 ? "" : " facilitator-family=" + b.facilitatorFamilyShare())
                + (layout == Format.CANONICAL ? "" : " layout=" + layout.profile());
        if (!Files.exists(marker) || !Files.readString(marker).equals(config)) {
            System.err.println("bench: simulating " + config + " into " + dir);
            Files.createDirectories(dir);
            Simulator.run(cfg.withSenders(senders).withMonths(months).withSeed(seed), dir,
                    layout, Simulator.Progress.NONE);
            Files.writeString(marker, config);
        }
        // Only what the facts need is kept through the import and the resolution: each fact is built at once (its
        // entities filled in after resolving), the truth is read afterwards, person ids shared.
        List<PersonRecord> records = new ArrayList<>();
        List<TransferFact> facts = new ArrayList<>();
        Map<Object, Object> pool = new HashMap<>(); // one instance of each repeated value (names, numbers, zones)
        int[] rejected = {0};
        // The operator's file names no provider (the user gives it at import, as here); the canonical file has a column.
        new Importer(Profiles.load(layout.profile()), layout == Format.OPERATOR ? "SIMOP" : "", Importer.StoredReferences.NONE).run(transfers,
                Hashing.sha256(transfers), new Importer.Sink() {
                    @Override
                    public void accepted(Transfer t) {
                        records.add(PersonRecords.sharingValues(PersonRecords.sender(t.reference(), t), pool));
                        records.add(PersonRecords.sharingValues(PersonRecords.recipient(t.reference(), t), pool));
                        facts.add(sharingValues(fact(t, "", ""), pool));
                    }

                    @Override
                    public void rejected(Rejection rejection) {
                        rejected[0]++;
                    }
                }, Importer.Progress.NONE);
        pool.clear();

        long t0 = System.nanoTime();
        Resolution resolution = new Resolver(Resolver.Settings.defaults()).resolve(records, List.of());
        double resolveSeconds = (System.nanoTime() - t0) / 1e9;
        records.clear();
        Map<String, String> entityOf = resolution.entityOf();
        for (int k = 0; k < facts.size(); k++) {
            TransferFact f = facts.get(k);
            String s = entityOf.get(PersonRecords.senderId(f.reference())),
                    r = entityOf.get(PersonRecords.recipientId(f.reference()));
            if (s == null || r == null) throw new IllegalStateException("transfer " + f.reference() + " lacks an entity");
            facts.set(k, withEntities(f, s, r));
        }
        resolution = null;
        entityOf = null;

        List<String> persons = new ArrayList<>();
        Map<String, Long> personsOf = truth(dir.resolve("truth/transfers.csv"), persons);
        Map<String, String> roleOf = LabelledRecords.column(dir.resolve("truth/persons.csv"), "person_id", "role");
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (TransferFact f : facts) {
            Long both = personsOf.get(f.reference());
            if (both == null) throw new IllegalStateException("transfer " + f.reference() + " lacks a truth row");
            String sp = persons.get((int) (both >>> 32)), rp = persons.get((int) (long) both);
            votes.computeIfAbsent(f.senderEntity(), k -> new TreeMap<>()).merge(sp, 1, Integer::sum);
            votes.computeIfAbsent(f.recipientEntity(), k -> new TreeMap<>()).merge(rp, 1, Integer::sum);
        }
        Map<String, String> personOf = new HashMap<>();
        votes.forEach((entity, counts) -> personOf.put(entity,
                counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
        return new ScreeningData(facts, personOf, roleOf, rejected[0], resolveSeconds);
    }

    /**
     * The truth file's sender and recipient person of each reference (the last row of a reference, as a map would
     * keep): reference -> the two persons' indexes in {@code persons}, packed in a long.
     */
    private static Map<String, Long> truth(Path csv, List<String> persons) {
        Map<String, Long> out = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            int k = -1, sender = -1, recipient = -1;
            for (CsvRecord r : reader) {
                if (k < 0) {
                    k = r.getFields().indexOf("reference");
                    sender = r.getFields().indexOf("sender_person_id");
                    recipient = r.getFields().indexOf("recipient_person_id");
                    if (k < 0 || sender < 0 || recipient < 0) throw new IllegalArgumentException(csv + " lacks a column");
                    continue;
                }
                long s = index.computeIfAbsent(r.getField(sender), p -> { persons.add(p); return persons.size() - 1; });
                long t = index.computeIfAbsent(r.getField(recipient), p -> { persons.add(p); return persons.size() - 1; });
                out.put(r.getField(k), (s << 32) | t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static TransferFact sharingValues(TransferFact f, Map<Object, Object> pool) {
        return new TransferFact(f.reference(), f.senderEntity(), f.recipientEntity(), f.sent(),
                PersonRecords.shared(f.senderZone(), pool), f.payout(), f.sentAmount(), PersonRecords.shared(f.sentCurrency(), pool),
                f.paidAmount(), PersonRecords.shared(f.paidCurrency(), pool), f.status(), f.channel(),
                PersonRecords.shared(f.sendAgency(), pool), PersonRecords.shared(f.purpose(), pool),
                PersonRecords.shared(f.senderIdNumber(), pool), PersonRecords.shared(f.senderPhone(), pool),
                PersonRecords.shared(f.senderEmail(), pool), PersonRecords.shared(f.senderAddress(), pool),
                PersonRecords.shared(f.senderSurname(), pool), PersonRecords.shared(f.senderMiddleName(), pool),
                PersonRecords.shared(f.recipientSurname(), pool), PersonRecords.shared(f.recipientMiddleName(), pool));
    }

    private static TransferFact withEntities(TransferFact f, String sender, String recipient) {
        return new TransferFact(f.reference(), sender, recipient, f.sent(), f.senderZone(), f.payout(), f.sentAmount(),
                f.sentCurrency(), f.paidAmount(), f.paidCurrency(), f.status(), f.channel(), f.sendAgency(), f.purpose(),
                f.senderIdNumber(), f.senderPhone(), f.senderEmail(), f.senderAddress(), f.senderSurname(), f.senderMiddleName(), f.recipientSurname(),
                f.recipientMiddleName());
    }

    private static TransferFact fact(Transfer t, String sender, String recipient) {
        return new TransferFact(t.reference(), sender, recipient, t.sendInstant(), t.sendZone(), t.payoutInstant(), t.sent().amount(),
                t.sent().currency().getCurrencyCode(), t.paid().map(Money::amount),
                t.paid().map(m -> m.currency().getCurrencyCode()).orElse(""), t.status(), t.channel(),
                t.sendPlace().agency(), t.purpose(), t.sender().idNumberNormalized(),
                t.sender().phoneE164().orElse(t.sender().phone()), t.sender().email(), t.sender().address(), t.sender().surname(), t.sender().middleName(),
                t.recipient().surname(), t.recipient().middleName());
    }

    /** The true role of an entity (its majority person's role). */
    String roleOf(String entity) {
        String role = roleOfPerson.get(personOfEntity.get(entity));
        if (role == null) throw new IllegalStateException("no true role for entity " + entity);
        return role;
    }
}
