package org.piste.bench;

import java.io.IOException;
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
        Path transfers = dir.resolve("transfers.csv"), marker = dir.resolve("generated-with.txt");
        String config = "senders=" + senders + " months=" + months + " seed=" + seed;
        if (!Files.exists(marker) || !Files.readString(marker).equals(config)) {
            System.err.println("bench: simulating " + config + " into " + dir);
            Files.createDirectories(dir);
            Simulator.run(SimConfig.defaults().withSenders(senders).withMonths(months).withSeed(seed), dir,
                    Format.CANONICAL, Simulator.Progress.NONE);
            Files.writeString(marker, config);
        }
        Path truthFile = dir.resolve("truth/transfers.csv");
        Map<String, String> senderOf = LabelledRecords.column(truthFile, "reference", "sender_person_id");
        Map<String, String> recipientOf = LabelledRecords.column(truthFile, "reference", "recipient_person_id");
        Map<String, String> roleOf = LabelledRecords.column(dir.resolve("truth/persons.csv"), "person_id", "role");

        List<PersonRecord> records = new ArrayList<>();
        List<Transfer> accepted = new ArrayList<>();
        int[] rejected = {0};
        new Importer(Profiles.load(Format.CANONICAL.profile()), "", Importer.StoredReferences.NONE).run(transfers,
                Hashing.sha256(transfers), new Importer.Sink() {
                    @Override
                    public void accepted(Transfer t) {
                        records.add(PersonRecords.of(t.reference() + ":S", t.sender()));
                        records.add(PersonRecords.of(t.reference() + ":R", t.recipient()));
                        accepted.add(t);
                    }

                    @Override
                    public void rejected(Rejection rejection) {
                        rejected[0]++;
                    }
                }, Importer.Progress.NONE);

        long t0 = System.nanoTime();
        Resolution resolution = new Resolver(Resolver.Settings.defaults()).resolve(records, List.of());
        double resolveSeconds = (System.nanoTime() - t0) / 1e9;
        records.clear();
        Map<String, String> entityOf = resolution.entityOf();

        List<TransferFact> facts = new ArrayList<>(accepted.size());
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (Transfer t : accepted) {
            String s = entityOf.get(t.reference() + ":S"), r = entityOf.get(t.reference() + ":R");
            String sp = senderOf.get(t.reference()), rp = recipientOf.get(t.reference());
            if (s == null || r == null || sp == null || rp == null) {
                throw new IllegalStateException("transfer " + t.reference() + " lacks an entity or a truth row");
            }
            votes.computeIfAbsent(s, k -> new TreeMap<>()).merge(sp, 1, Integer::sum);
            votes.computeIfAbsent(r, k -> new TreeMap<>()).merge(rp, 1, Integer::sum);
            facts.add(fact(t, s, r));
        }
        Map<String, String> personOf = new HashMap<>();
        votes.forEach((entity, counts) -> personOf.put(entity,
                counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
        return new ScreeningData(facts, personOf, roleOf, rejected[0], resolveSeconds);
    }

    private static TransferFact fact(Transfer t, String sender, String recipient) {
        return new TransferFact(t.reference(), sender, recipient, t.sendInstant(), t.sendZone(), t.sent().amount(),
                t.sent().currency().getCurrencyCode(), t.paid().map(Money::amount),
                t.paid().map(m -> m.currency().getCurrencyCode()).orElse(""), t.status(), t.channel(),
                t.sendPlace().agency(), t.purpose(), t.sender().idNumberNormalized(),
                t.sender().phoneE164().orElse(t.sender().phone()), t.sender().surname(), t.sender().middleName(),
                t.recipient().surname(), t.recipient().middleName());
    }

    /** The true role of an entity (its majority person's role). */
    String roleOf(String entity) {
        String role = roleOfPerson.get(personOfEntity.get(entity));
        if (role == null) throw new IllegalStateException("no true role for entity " + entity);
        return role;
    }
}
