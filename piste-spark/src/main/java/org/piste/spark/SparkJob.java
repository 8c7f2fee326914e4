package org.piste.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.piste.model.RowCounts;
import org.piste.screen.RuleSet;
import org.piste.screen.ScreeningResult;

/**
 * Piste's resolve and screen as one Spark job: an export (CSV through a core mapping profile, or Parquet of the same
 * columns) in; entities, scores and explanations out, to Parquet and optionally to PostgreSQL.
 */
public final class SparkJob {
    static final String USAGE = """
            usage: piste-spark --input PATH --out DIR [options]
              --input PATH          the export: a CSV file, or a Parquet file or directory with the same columns
              --format csv|parquet  the input's format (default: csv)
              --profile P           the mapping profile, built-in name or YAML file (default: canonical)
              --provider X          the provider, when the export has no provider column and the profile names none
              --out DIR             where entities/, scores/ and explanations/ are written as Parquet
              --jdbc-url URL        also write the three tables to PostgreSQL (jdbc:postgresql://host:port/db)
              --jdbc-schema S       the schema the job creates its tables in (default: piste_spark; never public)
              --jdbc-user U         the database user (default: postgres)
              --jdbc-password-file F  the password, on the file's first line (or PGPASSWORD)
              --master M            the Spark master (default: local[*]; spark-submit's own when it sets one)
              --partitions N        shuffle partitions (default: 4 per core of a local master, Spark's otherwise)
              --learn-at-most N     records the model is learned from, a sample above (default: 2,000,000)
            """;

    private SparkJob() {}

    /** The command line, checked. */
    record Options(String input, String format, String profile, String provider, String out, Optional<String> jdbcUrl,
            String jdbcSchema, String jdbcUser, Optional<Path> jdbcPasswordFile, Optional<String> master,
            Optional<Integer> partitions, int learnAtMost) {

        static Options parse(String[] args) {
            Path passwordFile = null;
            String input = null, out = null, format = "csv", profile = "canonical", provider = "", url = null, schema = "piste_spark", user = "postgres",
                    master = null;
            Integer partitions = null;
            int learnAtMost = SparkResolve.Settings.defaults().learnAtMost();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) throw new Usage("");
                if (i + 1 >= args.length) throw new Usage(a + " needs a value");
                String v = args[++i];
                switch (a) {
                    case "--input" -> input = v;
                    case "--format" -> format = v;
                    case "--profile" -> profile = v;
                    case "--provider" -> provider = v;
                    case "--out" -> out = v;
                    case "--jdbc-url" -> url = v;
                    case "--jdbc-schema" -> schema = v;
                    case "--jdbc-user" -> user = v;
                    case "--jdbc-password-file" -> passwordFile = Path.of(v);
                    case "--master" -> master = v;
                    case "--partitions" -> partitions = positive(a, v);
                    case "--learn-at-most" -> learnAtMost = positive(a, v);
                    default -> throw new Usage("unknown option " + a);
                }
            }
            if (input == null) throw new Usage("--input is required");
            if (out == null) throw new Usage("--out is required");
            if (!format.equals("csv") && !format.equals("parquet")) throw new Usage("--format is csv or parquet, not " + format);
            if (format.equals("csv") && !isLocal(input)) {
                throw new Usage("a CSV input is read by the driver: give a local file, or Parquet for data on a cluster's storage");
            }
            if (isLocal(input) && !Files.exists(localPath(input))) throw new Usage("no such input: " + input);
            if (url != null && !url.startsWith("jdbc:postgresql:")) throw new Usage("--jdbc-url must be a jdbc:postgresql: URL");
            return new Options(input, format, profile, provider, out, Optional.ofNullable(url), schema, user,
                    Optional.ofNullable(passwordFile), Optional.ofNullable(master), Optional.ofNullable(partitions), learnAtMost);
        }

        /** A path on this machine (no scheme, or file:), as opposed to a cluster's storage (hdfs:, s3a:...). */
        static boolean isLocal(String path) {
            return !path.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*") || path.startsWith("file:");
        }

        static Path localPath(String path) {
            return path.startsWith("file:") ? Path.of(java.net.URI.create(path)) : Path.of(path);
        }

        private static int positive(String option, String v) {
            try {
                int n = Integer.parseInt(v.replace(",", "").replace("_", ""));
                if (n > 0) return n;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new Usage(option + " takes a positive whole number, not " + v);
        }

        Properties jdbcProperties() throws IOException {
            Properties p = new Properties();
            p.setProperty("user", jdbcUser);
            String password = jdbcPasswordFile.isPresent()
                    ? Files.readAllLines(jdbcPasswordFile.get()).stream().findFirst().orElse("")
                    : Optional.ofNullable(System.getenv("PGPASSWORD")).orElse("");
            if (!password.isEmpty()) p.setProperty("password", password);
            return p;
        }
    }

    /** A usage error: the message, then the usage text, exit code 2. */
    static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }

    /** What one run produced, for the console, the tests and the benchmark. */
    record Run(RowCounts counts, SparkResolve.Result resolution, ScreeningResult screening, Outputs.Tables tables,
            JavaRDD<Row> transfers) {}

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Usage u) {
            if (!u.getMessage().isEmpty()) System.err.println("piste-spark: error: " + u.getMessage());
            System.err.print(USAGE);
            System.exit(u.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("piste-spark")
                .config("spark.ui.showConsoleProgress", "false");
        options.master().ifPresent(builder::master);
        if (options.master().isEmpty() && System.getProperty("spark.master") == null) builder.master("local[*]");
        try (SparkSession spark = builder.getOrCreate()) {
            spark.sparkContext().setLogLevel("WARN");
            int partitions = options.partitions().orElse(spark.sparkContext().isLocal()
                    ? 4 * spark.sparkContext().defaultParallelism() : spark.sessionState().conf().numShufflePartitions());
            spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(partitions));
            Progress progress = new Progress(System.out);
            Run run = run(spark, options, progress);
            write(run, options, progress);
            progress.line(String.format(Locale.ROOT, "done in %.1f s", progress.seconds().values().stream().mapToDouble(d -> d).sum()));
        } catch (RuntimeException | IOException e) {
            System.err.println("piste-spark: error: " + e.getMessage());
            if (System.getenv("PISTE_DEBUG") != null) e.printStackTrace();
            System.exit(1);
        }
    }

    /** Ingest, resolve and screen; nothing written yet. */
    static Run run(SparkSession spark, Options o, Progress progress) throws IOException {
        if (Options.isLocal(o.out())) Files.createDirectories(Options.localPath(o.out()));
        Ingest.Result in = o.format().equals("csv")
                ? Ingest.csv(spark, Options.localPath(o.input()), o.profile(), o.provider(), o.out() + "/staging")
                : Ingest.parquet(spark, o.input(), o.profile(), o.provider());
        RowCounts c = in.counts();
        progress.stage("ingest", "%,d rows read: %,d accepted, %,d quarantined, %,d duplicates", c.read(), c.accepted(),
                c.quarantined(), c.duplicates());
        JavaRDD<Row> transfers = in.transfers().javaRDD();
        SparkResolve.Settings settings = SparkResolve.Settings.defaults();
        SparkResolve.Result r = SparkResolve.run(transfers, new SparkResolve.Settings(settings.threshold(), settings.blockCap(),
                settings.seed(), o.learnAtMost()), progress);
        printModel(r, System.out, System.err);
        ScreeningResult screening = SparkScreen.run(transfers, r.entityOf(), RuleSet.builtIn());
        progress.stage("screen", "%,d senders, %,d recipients ranked (rule set %s)", screening.senders().size(),
                screening.recipients().size(), screening.ruleSetVersion());
        return new Run(c, r, screening, Outputs.tables(spark, transfers, r.entityOf(), screening), transfers);
    }

    static void write(Run run, Options o, Progress progress) throws IOException {
        Outputs.parquet(run.tables(), o.out());
        progress.stage("write parquet", "entities/, scores/, explanations/ under %s", o.out());
        if (o.jdbcUrl().isPresent()) {
            Outputs.jdbc(run.tables(), o.jdbcUrl().get(), o.jdbcSchema(), o.jdbcProperties());
            progress.stage("write postgresql", "tables %s.entities, .scores, .explanations", o.jdbcSchema());
        }
    }

    /** The model on {@code out}, its warnings on {@code err} (always). */
    static void printModel(SparkResolve.Result r, PrintStream out, PrintStream err) {
        out.print(r.model().describe());
        List<String> warnings = new ArrayList<>(r.model().warnings());
        if (r.sampled()) warnings.add("the model was learned from a sample of the records (--learn-at-most)");
        for (String w : warnings) err.println("piste-spark: warning: " + w);
    }
}
