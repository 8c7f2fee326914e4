package org.piste.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    static Result csv(SparkSession spark, Path file, String profileName, String provider, String staging) {
        MappingProfile profile = Profiles.load(profileName);
        String sha = Hashing.sha256(file);
        List<Row> chunk = new ArrayList<>(CHUNK);
        String dir = staging + "/transfers.parquet";
        boolean[] written = {false};
        Runnable flush = () -> {
            if (chunk.isEmpty() && written[0]) return;
            spark.createDataFrame(chunk, TransferRows.SCHEMA).write().mode(written[0] ? SaveMode.Append : SaveMode.Overwrite)
                    .parquet(dir);
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
        return new Result(spark.read().schema(TransferRows.SCHEMA).parquet(dir), result.counts());
    }

    /**
     * Parquet with the export's columns (as text, named as the CSV header): each row mapped by the profile, its line its
     * position in the files (1-based, files in name order), its source the SHA-256 of the file (of a directory: of its part files'
     * SHA-256s in name order).
     * A reference seen on an earlier row is a duplicate, as the importer counts it (by reference: one file,
     * one provider).
     */
    static Result parquet(SparkSession spark, String input, String profileName, String provider) {
        Profiles.load(profileName); // a wrong profile fails here, on the driver, not in every task
        String sha = sha256OfFiles(spark, input);
        Dataset<Row> raw = spark.read().parquet(input);
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

    /**
     * The SHA-256 of a Parquet file, or of a directory's part files' SHA-256s in name order; read through Hadoop's file
     * system, so that a cluster's storage (hdfs:, s3a:) is read as a local path is.
     */
    private static String sha256OfFiles(SparkSession spark, String input) {
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(input);
            org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.getFileStatus(path).isFile()) return sha256(fs, path);
            List<org.apache.hadoop.fs.Path> parts = Arrays.stream(fs.listStatus(path)).map(org.apache.hadoop.fs.FileStatus::getPath)
                    .filter(p -> p.getName().endsWith(".parquet")).sorted().toList();
            StringBuilder shas = new StringBuilder();
            for (org.apache.hadoop.fs.Path p : parts) shas.append(sha256(fs, p));
            return Hashing.sha256(shas.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(org.apache.hadoop.fs.FileSystem fs, org.apache.hadoop.fs.Path file) throws IOException {
        try (java.io.InputStream in = fs.open(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
