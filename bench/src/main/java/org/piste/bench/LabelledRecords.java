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
import java.util.function.Function;
import org.piste.ingest.Hashing;
import org.piste.ingest.Importer;
import org.piste.ingest.PersonFiles;
import org.piste.ingest.Profiles;
import org.piste.ingest.Rejection;
import org.piste.model.Transfer;
import org.piste.resolve.PersonRecord;
import org.piste.resolve.PersonRecords;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.Simulator;

/** A labelled data set: person records and, by position, the true cluster of each. */
record LabelledRecords(String name, List<PersonRecord> records, List<String> truth) {

    /** A person file read with PersonFiles through a profile; the truth is derived from the record id. */
    static LabelledRecords personFile(String name, Path file, Path profile, Function<String, String> truthOfId) {
        PersonFiles.Result read = PersonFiles.read(file, Profiles.load(profile.toString()));
        if (!read.unreadableLines().isEmpty()) System.err.println(name + ": unreadable lines " + read.unreadableLines());
        List<PersonRecord> records = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (var row : read.persons()) {
            records.add(PersonRecords.of(row.recordId(), row.person()));
            truth.add(truthOfId.apply(row.recordId()));
        }
        return new LabelledRecords(name, records, truth);
    }

    /** FEBRL: rec-N-org and rec-N-dup-k are the same person N. */
    static String febrlTruth(String recordId) {
        String[] parts = recordId.split("-");
        return parts[1];
    }

    /** Two columns of a CSV with a header, as a map (first column -> second). */
    static Map<String, String> column(Path csv, String key, String value) {
        Map<String, String> out = new HashMap<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            int k = -1, v = -1;
            for (CsvRecord r : reader) {
                if (k < 0) {
                    k = r.getFields().indexOf(key);
                    v = r.getFields().indexOf(value);
                    if (k < 0 || v < 0) throw new IllegalArgumentException(csv + " lacks " + key + " or " + value);
                    continue;
                }
                out.put(r.getField(k), r.getField(v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The simulator's transfers (generated into dir unless there for the same number of senders), imported with
     * the real Importer and the canonical profile. One record per side of each accepted transfer (reference + ":S",
     * ":R"), truth from truth/transfers.csv.
     */
    static LabelledRecords simulated(String name, Path dir, int senders, int months, boolean recipients) throws IOException {
        Path transfers = dir.resolve("transfers.csv"), marker = dir.resolve("generated-with.txt");
        String config = "senders=" + senders + " months=" + months;
        if (!Files.exists(marker) || !Files.readString(marker).equals(config)) {
            System.err.println("bench: simulating " + config + " into " + dir);
            Files.createDirectories(dir);
            Simulator.run(SimConfig.defaults().withSenders(senders).withMonths(months), dir, Format.CANONICAL,
                    Simulator.Progress.NONE);
            Files.writeString(marker, config);
        }
        Path truthFile = dir.resolve("truth/transfers.csv");
        Map<String, String> senderOf = column(truthFile, "reference", "sender_person_id");
        Map<String, String> recipientOf = recipients ? column(truthFile, "reference", "recipient_person_id") : Map.of();
        List<PersonRecord> records = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        new Importer(Profiles.load(Format.CANONICAL.profile()), "", Importer.StoredReferences.NONE).run(transfers,
                Hashing.sha256(transfers), new Importer.Sink() {
                    @Override
                    public void accepted(Transfer t) {
                        records.add(PersonRecords.of(t.reference() + ":S", t.sender()));
                        truth.add(senderOf.get(t.reference()));
                        if (recipients) {
                            records.add(PersonRecords.of(t.reference() + ":R", t.recipient()));
                            truth.add(recipientOf.get(t.reference()));
                        }
                    }

                    @Override
                    public void rejected(Rejection rejection) {}
                }, Importer.Progress.NONE);
        if (truth.contains(null)) throw new IllegalStateException(name + ": a transfer has no truth row");
        return new LabelledRecords(name, records, truth);
    }
}
