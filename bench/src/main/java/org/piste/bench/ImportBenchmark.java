package org.piste.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.piste.app.imports.ImportOutcome;
import org.piste.app.imports.ImportRequest;
import org.piste.app.imports.ImportService;
import org.piste.app.imports.TransferColumns;
import org.piste.app.store.Database;
import org.piste.ingest.Importer;
import org.postgresql.PGConnection;

/**
 * Import throughput against PostgreSQL's own COPY, in the same run on the same server:
 * <ol>
 *   <li>Piste imports the input file (hash, decode, parse, validate, normalise, COPY, commit);</li>
 *   <li>the reference COPYs the very rows Piste stored, exported as a pre-normalised CSV, into the same table
 *       (same columns, constraints and indexes), from the client, in one transaction.</li>
 * </ol>
 * Both are repeated and the medians compared. With {@code bulk}, Piste imports as a bulk load (search indexes built
 * after the rows); the reference still COPYs into the indexed table. Usage: ImportBenchmark INPUT.csv PROFILE [REPEATS]
 * [WORKDIR] [bulk]
 */
public final class ImportBenchmark {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ImportBenchmark INPUT PROFILE [REPEATS] [WORKDIR]");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        String profile = args[1];
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("piste-bench-");
        boolean bulk = args.length > 4 && args[4].equals("bulk"); // as `piste import --bulk`: indexes built after the rows
        Path prenormalised = work.resolve("prenormalised.csv");

        try (Database db = Database.open(new Database.Settings(work, java.util.Optional.empty(), "", ""))) {
            reset(db);
            List<Double> piste = new ArrayList<>();
            List<Double> copy = new ArrayList<>();
            long rows = 0;
            for (int i = 0; i < repeats; i++) {
                reset(db);
                checkpoint(db);
                long t0 = System.nanoTime();
                ImportOutcome outcome = new ImportService(db).importFile(
                        bulk ? ImportRequest.of(input, profile).withProvider("BENCH").asBulkLoad()
                                : ImportRequest.of(input, profile).withProvider("BENCH"), Importer.Progress.NONE);
                piste.add((System.nanoTime() - t0) / 1e9);
                if (!(outcome instanceof ImportOutcome.Imported imported)) throw new IllegalStateException("not imported: " + outcome);
                rows = imported.result().counts().accepted();
                System.out.printf("run %d: piste import %.2f s (%s)%n", i + 1, piste.getLast(), imported.result().counts());

                exportStored(db, prenormalised); // each run: the source id changes
                truncateTransfers(db);
                checkpoint(db);
                long t1 = System.nanoTime();
                long copied = copyIn(db, prenormalised);
                copy.add((System.nanoTime() - t1) / 1e9);
                if (copied != rows) throw new IllegalStateException("reference copied " + copied + " rows, Piste stored " + rows);
                System.out.printf("run %d: raw COPY     %.2f s (%,d rows)%n", i + 1, copy.getLast(), copied);
            }
            double p = median(piste), c = median(copy);
            System.out.printf("%nrows accepted: %,d; input %s (%,d bytes)%n", rows, input.getFileName(), Files.size(input));
            System.out.printf("piste import median %.2f s (%,.0f rows/s); raw COPY median %.2f s (%,.0f rows/s)%n",
                    p, rows / p, c, rows / c);
            System.out.printf("RATIO import / raw COPY = %.2f (target <= 2.00)%n", p / c);
            System.out.printf("peak JVM heap used: %,d MiB%n", peakHeapMiB());
        }
    }

    private static void reset(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE row_rejection, transfer, source_file RESTART IDENTITY CASCADE"); // entities refer to transfers
        }
    }

    private static void truncateTransfers(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE transfer CASCADE");
        }
    }

    private static void checkpoint(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    private static void exportStored(Database db, Path file) throws Exception {
        try (Connection c = db.connect(); BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut(
                    "COPY (SELECT " + TransferColumns.LIST + " FROM transfer ORDER BY id) TO STDOUT WITH (FORMAT csv)", out);
        }
    }

    private static long copyIn(Database db, Path file) throws Exception {
        try (Connection c = db.connect(); BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            c.setAutoCommit(false);
            long n = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY transfer (" + TransferColumns.LIST + ") FROM STDIN WITH (FORMAT csv)", in);
            c.commit();
            return n;
        }
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = xs.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak >> 20;
    }
}
