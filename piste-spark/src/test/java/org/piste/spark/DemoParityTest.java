package org.piste.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.piste.ingest.Hashing;
import org.piste.ingest.Importer;
import org.piste.ingest.Profiles;
import org.piste.ingest.Rejection;
import org.piste.model.RowCounts;
import org.piste.model.Transfer;
import org.piste.resolve.PersonRecord;
import org.piste.resolve.PersonRecords;
import org.piste.resolve.Resolver;
import org.piste.screen.EntityScore;
import org.piste.screen.RuleSet;
import org.piste.screen.ScreeningResult;
import org.piste.screen.Screener;
import org.piste.screen.TransferFact;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.SimSummary;
import org.piste.sim.Simulator;

/**
 * The demo's data (default preset, 3,000 senders, seed 42, 24 months, the French operator's export) resolved and
 * screened by the Spark job and by the core on one machine, on the same records: the same entities (B-cubed F1 of one
 * partition against the other at least 0.999) and the same top alerts in the same order.
 */
class DemoParityTest {
    private static final int TOP = 20;
    private static SparkSession spark;
    private static Path dir;
    private static SparkJob.Run sparkRun;
    private static Map<String, String> sparkEntities;
    private static Map<String, String> coreEntities;
    private static ScreeningResult coreScreening;
    private static RowCounts coreCounts;

    @BeforeAll
    static void runBoth() throws Exception {
        dir = Files.createTempDirectory("piste-spark-parity");
        SimConfig config = SimConfig.defaults().withSenders(3_000).withMonths(24).withSeed(42);
        SimSummary sim = Simulator.run(config, dir.resolve("sim"), Format.OPERATOR, Simulator.Progress.NONE);

        List<PersonRecord> records = new ArrayList<>();
        List<Transfer> transfers = new ArrayList<>();
        Path file = sim.transfersFile();
        coreCounts = new Importer(Profiles.load("fr-operator"), config.provider(), Importer.StoredReferences.NONE).run(file,
                Hashing.sha256(file), new Importer.Sink() {
                    @Override
                    public void accepted(Transfer t) {
                        records.add(PersonRecords.sender(t.reference(), t));
                        records.add(PersonRecords.recipient(t.reference(), t));
                        transfers.add(t);
                    }

                    @Override
                    public void rejected(Rejection rejection) {}
                }, Importer.Progress.NONE).counts();
        coreEntities = new HashMap<>(new Resolver(Resolver.Settings.defaults()).resolve(records, List.of()).entityOf());
        List<TransferFact> facts = new ArrayList<>();
        for (Transfer t : transfers) {
            Row row = TransferRows.of(t);
            facts.add(TransferRows.fact(row, coreEntities.get(TransferRows.senderId(row)), coreEntities.get(TransferRows.recipientId(row))));
        }
        coreScreening = new Screener(RuleSet.builtIn()).screen(facts, java.util.Set.of());

        spark = LocalSpark.start();
        SparkJob.Options options = SparkJob.Options.parse(new String[] {"--input", file.toString(), "--profile", "fr-operator",
                "--provider", config.provider(), "--out", dir.resolve("out").toString()});
        sparkRun = SparkJob.run(spark, options, new Progress(System.out));
        sparkEntities = new HashMap<>(sparkRun.resolution().entityOf().collectAsMap());
    }

    @AfterAll
    static void stop() throws Exception {
        if (spark != null) spark.stop();
        if (dir != null) try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void theSameRowsAreAcceptedAndEveryRowIsCounted() {
        assertThat(sparkRun.counts()).isEqualTo(coreCounts);
        assertThat(sparkEntities).hasSize((int) (2 * coreCounts.accepted()));
    }

    @Test
    void theSameEntities() {
        BCubed b = BCubed.of(sparkEntities, coreEntities);
        long differing = sparkEntities.entrySet().stream().filter(e -> !e.getValue().equals(coreEntities.get(e.getKey()))).count();
        PrintStream out = System.out;
        out.printf("parity: B-cubed precision %.6f, recall %.6f, F1 %.6f over %,d records (%,d with another entity id);"
                        + " entities: spark %,d, core %,d%n", b.precision(), b.recall(), b.f1(), sparkEntities.size(), differing,
                sparkEntities.values().stream().distinct().count(), coreEntities.values().stream().distinct().count());
        assertThat(b.f1()).isGreaterThanOrEqualTo(0.999);
    }

    @Test
    void theSameTopSendersAndRecipientsInTheSameOrder() {
        List<String> sparkSenders = top(sparkRun.screening().senders()), coreSenders = top(coreScreening.senders());
        List<String> sparkRecipients = top(sparkRun.screening().recipients()), coreRecipients = top(coreScreening.recipients());
        System.out.printf("parity: top %d senders alike at %d of %d ranks, recipients at %d%n", TOP,
                alike(sparkSenders, coreSenders), TOP, alike(sparkRecipients, coreRecipients));
        assertThat(sparkSenders).hasSize(TOP).isEqualTo(coreSenders);
        assertThat(sparkRecipients).hasSize(TOP).isEqualTo(coreRecipients);
    }

    private static List<String> top(List<EntityScore> ranked) {
        return ranked.stream().limit(TOP).map(EntityScore::entityId).toList();
    }

    private static int alike(List<String> a, List<String> b) {
        int n = 0;
        for (int k = 0; k < Math.min(a.size(), b.size()); k++) if (a.get(k).equals(b.get(k))) n++;
        return n;
    }

}
