package org.piste.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.piste.ingest.PersonFiles;
import org.piste.ingest.Profiles;
import org.piste.resolve.PersonRecord;
import org.piste.resolve.PersonRecords;

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
}
