package org.piste.sim;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.piste.ingest.Importer;
import org.piste.ingest.Profiles;
import org.piste.ingest.Rejection;
import org.piste.model.Transfer;

/** Test helpers: run the simulator, read its CSV files, import the transfers with the real importer. */
final class Runs {
    private Runs() {}

    static SimConfig small(int senders, int months) {
        return SimConfig.defaults().withSenders(senders).withMonths(months);
    }

    /** The records of a UTF-8 truth file, header excluded. */
    static List<List<String>> truth(Path file) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord rec : reader) {
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(rec.getFields());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    record Imported(Importer.Result result, List<Transfer> accepted, List<Rejection> rejected) {}

    static Imported importFile(Path file, Format format) {
        List<Transfer> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        Importer importer = new Importer(Profiles.load(format.profile()), "SIMOP", Importer.StoredReferences.NONE);
        Importer.Result result = importer.run(file, "0".repeat(64), new Importer.Sink() {
            @Override
            public void accepted(Transfer transfer) {
                accepted.add(transfer);
            }

            @Override
            public void rejected(Rejection rejection) {
                rejected.add(rejection);
            }
        }, Importer.Progress.NONE);
        return new Imported(result, accepted, rejected);
    }
}
