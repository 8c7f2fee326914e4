package org.piste.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.piste.ingest.Hashing;
import org.piste.ingest.Importer;
import org.piste.ingest.MappingProfile;
import org.piste.ingest.Profiles;
import org.piste.ingest.RawRow;
import org.piste.ingest.Rejection;
import org.piste.ingest.RowMapper;
import org.piste.model.RowCounts;
import org.piste.model.Transfer;
import scala.Tuple2;

/**
 * Reads an export into {@link TransferRows} through the core's ingest: a mapping profile, its row mapper and (for CSV)
 * the core's CSV reader, never a second parser. Every row read is accepted, quarantined or a duplicate reference, and
 * the counts reconcile ({@link RowCounts} checks it).
 *
 * <p>CSV is read once, in order, on the driver (the core's importer: quoted fields may span lines, so a CSV file does
 * not split safely), and its accepted rows are staged as Parquet in chunks: the driver holds one chunk at a time. Parquet
 * is read in parallel, each partition's rows mapped by the profile where they are.
 */
final class Ingest {
    private static final int CHUNK = 50_000;

    private Ingest() {}

    record Result(Dataset<Row> transfers, RowCounts counts) {}

    static Result csv(SparkSession spark, Path file, String profileName, String provider, Path staging) {
        MappingProfile profile = Profiles.load(profileName);
        String sha = Hashing.sha256(file);
        List<Row> chunk = new ArrayList<>(CHUNK);
        Path dir = staging.resolve("transfers.parquet");
        boolean[] written = {false};
        Runnable flush = () -> {
            if (chunk.isEmpty() && written[0]) return;
            spark.createDataFrame(chunk, TransferRows.SCHEMA).write().mode(written[0] ? SaveMode.Append : SaveMode.Overwrite)
                    .parquet(dir.toString());
            written[0] = true;
            chunk.clear();
        };
        Importer.Result result = new Importer(profile, provider, Importer.StoredReferences.NONE).run(file, sha, new Importer.Sink() {
            @Override
            public void accepted(Transfer t) {
                chunk.add(TransferRows.of(t));
                if (chunk.size() == CHUNK) flush.run();
            }

            @Override
            public void rejected(Rejection rejection) {
                // counted by the importer; the rows' reasons are the application's quarantine to show, not this job's
            }
        }, Importer.Progress.NONE);
        flush.run();
        return new Result(spark.read().schema(TransferRows.SCHEMA).parquet(dir.toString()), result.counts());
    }

    /**
     * Parquet with the export's columns (as text, named as the CSV header): each row mapped by the profile, its line its
     * position in the files (1-based, files in name order), its source the SHA-256 of the file (of a directory: of its part files'
     * SHA-256s in name order).
     * A reference seen on an earlier row is a duplicate, as the importer counts it (by reference: one file,
     * one provider).
     */
    static Result parquet(SparkSession spark, Path input, String profileName, String provider) {
        Profiles.load(profileName); // a wrong profile fails here, on the driver, not in every task
        String sha = sha256OfFiles(input);
        Dataset<Row> raw = spark.read().parquet(input.toString());
        List<String> header = Arrays.asList(raw.columns());
        LongAccumulator quarantined = spark.sparkContext().longAccumulator("quarantined");
        JavaRDD<Tuple2<Row, Long>> numbered = raw.javaRDD().zipWithIndex().map(t -> new Tuple2<>(t._1(), t._2() + 1));
        JavaRDD<Tuple2<Long, Row>> accepted = numbered.mapPartitions(rows -> {
            // Loaded where the rows are (a profile is not serializable): a path must be readable by every executor.
            RowMapper mapper = new RowMapper(Profiles.load(profileName), header, sha, provider);
            List<Tuple2<Long, Row>> out = new ArrayList<>();
            while (rows.hasNext()) {
                Tuple2<Row, Long> r = rows.next();
                String[] fields = new String[header.size()];
                for (int k = 0; k < fields.length; k++) fields[k] = r._1().isNullAt(k) ? "" : String.valueOf(r._1().get(k));
                switch (mapper.map(new RawRow(r._2(), fields))) {
                    case RowMapper.Result.Accepted(Transfer t) -> out.add(new Tuple2<>(r._2(), TransferRows.of(t)));
                    case RowMapper.Result.Rejected rejected -> quarantined.add(1);
                }
            }
            return out.iterator();
        }).cache();
        long read = numbered.count();
        // The first row of each (provider, reference) is kept; later ones are duplicates, as in the importer.
        JavaRDD<Row> firsts = accepted.mapToPair(t -> new Tuple2<>(t._2().getString(0), t))
                .reduceByKey((a, b) -> a._1() <= b._1() ? a : b).map(t -> t._2()._2());
        Dataset<Row> transfers = spark.createDataFrame(firsts, TransferRows.SCHEMA).cache();
        long kept = transfers.count();
        long mapped = accepted.count();
        accepted.unpersist();
        return new Result(transfers, new RowCounts(read, kept, quarantined.value(), mapped - kept));
    }

    /** The SHA-256 of a Parquet file, or of a directory's part files' SHA-256s in name order. */
    private static String sha256OfFiles(Path input) {
        if (Files.isRegularFile(input)) return Hashing.sha256(input);
        try (Stream<Path> files = Files.list(input)) {
            List<Path> parts = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (Path p : parts) digest.update(Hashing.sha256(p).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
