package org.piste.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.piste.ingest.Profiles;
import org.piste.ingest.RawRow;
import org.piste.ingest.RowSource;
import org.piste.ingest.RowSources;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.SimSummary;
import org.piste.sim.Simulator;

/**
 * The job end to end on a small simulated export: CSV and Parquet inputs, the Parquet outputs, and the PostgreSQL
 * tables it creates in its own schema of a real (embedded) server.
 */
class SparkJobOutputsTest {
    private static SparkSession spark;
    private static EmbeddedPostgres postgres;
    private static Path dir;
    private static SimSummary sim;
    private static SparkJob.Run csvRun;
    private static SparkJob.Options csvOptions;
    private static long parquetRows;

    @BeforeAll
    static void run() throws Exception {
        dir = Files.createTempDirectory("piste-spark-outputs");
        sim = Simulator.run(SimConfig.defaults().withSenders(120).withMonths(6).withSeed(7).withBadRows(0.02, 0.01),
                dir.resolve("sim"), Format.CANONICAL, Simulator.Progress.NONE);
        spark = LocalSpark.start();
        postgres = EmbeddedPostgres.builder().start();
        csvOptions = SparkJob.Options.parse(new String[] {"--input", sim.transfersFile().toString(), "--out",
                dir.resolve("out-csv").toString(), "--jdbc-url", postgres.getJdbcUrl("postgres", "postgres"), "--jdbc-schema",
                "spark_out"});
        csvRun = SparkJob.run(spark, csvOptions, new Progress(System.out));
        SparkJob.write(csvRun, csvOptions, new Progress(System.out));
        parquetRows = toParquet(sim.transfersFile(), dir.resolve("transfers.parquet"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (spark != null) spark.stop();
        if (postgres != null) postgres.close();
        if (dir != null) try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The CSV's rows of full width as Parquet of string columns named by the header (the core's CSV reader reads it). */
    private static long toParquet(Path csv, Path out) throws Exception {
        List<Row> rows = new ArrayList<>();
        List<String> header;
        try (RowSource source = RowSources.open(csv, Profiles.load("canonical"))) {
            header = RowSource.headerNames(source.header().orElseThrow());
            for (Optional<RawRow> r = source.next(); r.isPresent(); r = source.next()) {
                if (r.get().fields().length == header.size()) rows.add(RowFactory.create((Object[]) r.get().fields()));
            }
        }
        StructType schema = DataTypes.createStructType(header.stream()
                .map(h -> DataTypes.createStructField(h, DataTypes.StringType, true)).toList());
        spark.createDataFrame(rows, schema).repartition(3).write().parquet(out.toString());
        return rows.size();
    }

    @Test
    void everyCsvRowIsAcceptedQuarantinedOrADuplicate() {
        var c = csvRun.counts();
        assertThat(c.read()).isEqualTo(sim.lines() - 1); // its physical lines less the header
        assertThat(c.quarantined()).isPositive();
        assertThat(c.duplicates()).isPositive();
        assertThat(c.accepted() + c.quarantined() + c.duplicates()).isEqualTo(c.read());
    }

    @Test
    void parquetOfTheSameColumnsGivesTheSameEntities() throws Exception {
        SparkJob.Options o = SparkJob.Options.parse(new String[] {"--input", dir.resolve("transfers.parquet").toString(),
                "--format", "parquet", "--out", dir.resolve("out-parquet").toString()});
        SparkJob.Run run = SparkJob.run(spark, o, new Progress(System.out));
        assertThat(run.counts().read()).isEqualTo(parquetRows);
        assertThat(run.counts().accepted()).isEqualTo(csvRun.counts().accepted());
        assertThat(run.counts().duplicates()).isEqualTo(csvRun.counts().duplicates());
        assertThat(new HashMap<>(run.resolution().entityOf().collectAsMap()))
                .isEqualTo(new HashMap<>(csvRun.resolution().entityOf().collectAsMap()));
    }

    @Test
    void parquetTablesKeepTheSourceTraceAndTheScoresTheirEvidence() {
        Path out = Path.of(csvOptions.out());
        Dataset<Row> entities = spark.read().parquet(out.resolve("entities").toString());
        assertThat(entities.columns()).containsExactly("record_id", "entity_id", "transfer_ref", "side", "source_sha256", "source_line");
        assertThat(entities.count()).isEqualTo(2 * csvRun.counts().accepted());
        Row first = entities.orderBy("record_id").first();
        assertThat(first.getString(0)).isEqualTo(first.getString(2) + (first.getString(3).equals("sender") ? ":S" : ":R"));
        assertThat(first.getLong(5)).isGreaterThan(1); // line 1 is the header

        Dataset<Row> scores = spark.read().parquet(out.resolve("scores").toString());
        assertThat(scores.columns()).containsExactly("entity_id", "side", "score", "rank");
        List<Row> senders = scores.filter("side = 'sender'").orderBy("rank").collectAsList();
        assertThat(senders.get(0).getInt(3)).isEqualTo(1);
        for (int k = 1; k < senders.size(); k++) assertThat(senders.get(k).getDouble(2)).isLessThanOrEqualTo(senders.get(k - 1).getDouble(2));

        Dataset<Row> explanations = spark.read().parquet(out.resolve("explanations").toString());
        assertThat(explanations.columns()).containsExactly("entity_id", "side", "indicator", "value", "points", "explanation", "evidence");
        Map<String, Double> points = new HashMap<>();
        for (Row r : explanations.collectAsList()) points.merge(r.getString(1) + "/" + r.getString(0), r.getDouble(4), Double::sum);
        for (Row s : scores.collectAsList()) {
            assertThat(points.getOrDefault(s.getString(1) + "/" + s.getString(0), 0.0)).as("points of %s", s.getString(0))
                    .isCloseTo(s.getDouble(2), org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void postgresHoldsTheSameTablesInTheJobsOwnSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            assertThat(count(s, "spark_out.entities")).isEqualTo(2 * csvRun.counts().accepted());
            assertThat(count(s, "spark_out.scores")).isEqualTo(csvRun.tables().scores().count());
            assertThat(count(s, "spark_out.explanations")).isEqualTo(csvRun.tables().explanations().count());
            try (ResultSet rs = s.executeQuery("SELECT evidence FROM spark_out.explanations WHERE cardinality(evidence) > 0 LIMIT 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(Arrays.asList((Object[]) rs.getArray(1).getArray())).isNotEmpty();
            }
            // Written again, the job's tables are replaced, not appended to.
            Outputs.jdbc(csvRun.tables(), postgres.getJdbcUrl("postgres", "postgres"), "spark_out", props());
            assertThat(count(s, "spark_out.entities")).isEqualTo(2 * csvRun.counts().accepted());
        }
    }

    @Test
    void theApplicationsSchemaIsRefused() {
        assertThatThrownBy(() -> Outputs.jdbc(csvRun.tables(), postgres.getJdbcUrl("postgres", "postgres"), "public", props()))
                .hasMessageContaining("not this job's");
    }

    @Test
    void usageErrorsAreSaidPlainly() {
        assertThatThrownBy(() -> SparkJob.Options.parse(new String[] {"--out", "x"})).isInstanceOf(SparkJob.Usage.class)
                .hasMessage("--input is required");
        assertThatThrownBy(() -> SparkJob.Options.parse(new String[] {"--input", sim.transfersFile().toString(), "--out", "x",
                "--format", "orc"})).hasMessage("--format is csv or parquet, not orc");
        assertThatThrownBy(() -> SparkJob.Options.parse(new String[] {"--input"})).hasMessage("--input needs a value");
        assertThatThrownBy(() -> SparkJob.Options.parse(new String[] {"--input", "hdfs:///exports/t.csv", "--out", "x"}))
                .hasMessageStartingWith("a CSV input is read by the driver");
        assertThat(SparkJob.Options.parse(new String[] {"--input", "s3a://bucket/t.parquet", "--format", "parquet", "--out",
                "s3a://bucket/out"}).input()).isEqualTo("s3a://bucket/t.parquet");
    }

    private static Properties props() {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return p;
    }

    private static long count(Statement s, String table) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
