package org.piste.app.resolve;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.piste.ingest.PersonFiles;
import org.piste.ingest.Profiles;
import org.piste.ingest.RowMapper;
import org.piste.ingest.ValueSetAside;
import org.piste.resolve.BlockingReport;
import org.piste.resolve.MatchModel;
import org.piste.resolve.PersonRecord;
import org.piste.resolve.PersonRecords;
import org.piste.resolve.Resolution;
import org.piste.resolve.Resolver;

/**
 * Resolves person lists outside the database: deduplicates one list, or links two, and writes the clusters as
 * CSV. One list gives {@code record_id,cluster_id}; two give {@code file,record_id,cluster_id} where file is 1 or
 * 2 (the lists' order), so equal record ids in both lists stay apart. Cluster ids are numbers 1, 2, ... in the
 * order clusters first appear in the output; rows follow the input order.
 */
public final class PersonListResolution {
    private PersonListResolution() {}

    /** A person list and the mapping profile that reads it (record_id and sender_* fields). */
    public record Input(Path file, String profile) {
        public Input {
            Objects.requireNonNull(file);
            Objects.requireNonNull(profile);
        }
    }

    /** What was resolved and written. */
    public record Result(long records, long clusters, long multiRecordClusters, long links, BlockingReport blocking,
            List<String> unreadable, Map<ValueSetAside, Long> setAside, MatchModel model,
            Map<org.piste.resolve.NotCompared, Long> notCompared) {
        public Result {
            Objects.requireNonNull(blocking);
            unreadable = List.copyOf(unreadable);
            setAside = Map.copyOf(setAside);
            Objects.requireNonNull(model);
            notCompared = Map.copyOf(notCompared);
        }
    }

    /** @param settings the resolver's settings (the link threshold among them) */
    public static Result run(Input first, Optional<Input> second, Path out, Resolver.Settings settings) {
        List<Input> inputs = new ArrayList<>(List.of(first));
        second.ifPresent(inputs::add);
        boolean linking = inputs.size() == 2;
        List<PersonRecord> records = new ArrayList<>();
        List<String[]> rows = new ArrayList<>(); // file number, record id as written, internal id
        List<String> unreadable = new ArrayList<>();
        Map<ValueSetAside, Long> setAside = new java.util.EnumMap<>(ValueSetAside.class);
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            PersonFiles.Result read = PersonFiles.read(in.file(), Profiles.load(in.profile()));
            for (RowMapper.PersonRow p : read.persons()) {
                String internal = linking ? (i + 1) + ":" + p.recordId() : p.recordId();
                records.add(PersonRecords.of(internal, p.person()));
                rows.add(new String[] {String.valueOf(i + 1), p.recordId(), internal});
            }
            read.unreadableLines().forEach(line -> unreadable.add(in.file().getFileName() + ":" + line));
            read.setAside().forEach((why, n) -> setAside.merge(why, n, Long::sum));
        }
        if (records.isEmpty()) throw new IllegalArgumentException("no person read from " + inputs.stream().map(Input::file).toList());
        Resolution r = new Resolver(settings).resolve(records, List.of());
        Map<String, Integer> clusterNumbers = new HashMap<>();
        Map<Integer, Integer> sizes = new HashMap<>();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(linking ? "file,record_id,cluster_id\n" : "record_id,cluster_id\n");
            for (String[] row : rows) {
                int cluster = clusterNumbers.computeIfAbsent(r.entityOf().get(row[2]), e -> clusterNumbers.size() + 1);
                sizes.merge(cluster, 1, Integer::sum);
                if (linking) w.write(row[0] + ",");
                w.write(csv(row[1]) + "," + cluster + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        long multi = sizes.values().stream().filter(n -> n > 1).count();
        return new Result(records.size(), clusterNumbers.size(), multi, r.links().size(), r.blocking(), unreadable, setAside,
                r.model(), r.notCompared());
    }

    static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
