package org.piste.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.TestDatabases;
import org.piste.app.imports.ImportRequest;
import org.piste.app.imports.ImportService;
import org.piste.app.resolve.ResolutionService;
import org.piste.app.screen.ScreeningService;
import org.piste.app.store.Database;
import org.piste.ingest.Importer;
import org.piste.model.Side;
import org.piste.screen.Contribution;
import org.piste.screen.EntityScore;
import org.piste.screen.RuleSet;
import org.piste.screen.Screener;
import org.piste.screen.Wording;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.Simulator;

/**
 * A run with learned weights stores its explanations before the weights and reads them back with them: what a reader
 * gets is what the screening computed, and a ruling that moves the weights stores almost no new explanation.
 */
class LearnedRunExplanationsTest {
    private static Database db;
    private static ScreeningService screening;
    private static List<EntityScore> firstSenders, firstRecipients;

    @BeforeAll
    static void simulatedImportedAndResolved(@TempDir Path dir) {
        var sim = Simulator.run(SimConfig.defaults().withSenders(300), dir, Format.OPERATOR, Simulator.Progress.NONE);
        db = TestDatabases.fresh();
        new ImportService(db).importFile(ImportRequest.of(sim.transfersFile(), "fr-operator").withProvider("MTO-FICTIF"),
                Importer.Progress.NONE);
        new ResolutionService(db).run(ResolutionService.Mode.FULL);
        screening = new ScreeningService(db, new Screener(RuleSet.builtIn()));
        var first = screening.screen(Optional.empty(), Optional.empty(), Map.of(), Map.of()).result();
        firstSenders = first.senders();
        firstRecipients = first.recipients();
    }

    /**
     * The top n senders of the first run confirmed as buyers and its top six recipients as facilitators, five from the
     * bottom of each side dismissed: both sides learn their weights.
     */
    private static ScreeningService.Run ruled(int buyers) {
        Map<String, String> seeds = new java.util.HashMap<>();
        firstSenders.subList(0, buyers).forEach(e -> seeds.put(e.entityId(), "BUYER"));
        firstRecipients.subList(0, 6).forEach(e -> seeds.merge(e.entityId(), "FACILITATOR", (a, b) -> a + "," + b));
        return screening.screen(Optional.empty(), Optional.empty(), seeds,
                Map.of("SENDER", bottom(firstSenders), "RECIPIENT", bottom(firstRecipients)));
    }

    private static Set<String> bottom(List<EntityScore> ranked) {
        return ranked.subList(ranked.size() - 5, ranked.size()).stream().map(EntityScore::entityId).collect(Collectors.toSet());
    }

    @Test
    void aLearnedRunsExplanationsReadBackAsTheScreeningWeighedThem() throws SQLException {
        ScreeningService.Run run = ruled(6);
        for (var model : List.of(run.senderModel().model(), run.recipientModel().model())) {
            assertThat(model.learned()).as("weights learned from six confirmations").isTrue();
            assertThat(model.multipliers().values()).anySatisfy(m -> assertThat(m).isNotEqualTo(1.0));
        }

        try (Connection c = db.connect()) {
            AlertRun stored = AlertRun.latest(c).orElseThrow();
            assertThat(stored.id()).isEqualTo(run.id());
            for (Side side : Side.values()) {
                List<EntityScore> ranked = side == Side.SENDER ? run.result().senders() : run.result().recipients();
                Map<String, List<Contribution>> read = Alerts.contributions(c, stored, side,
                        ranked.stream().map(EntityScore::entityId).toList());
                for (EntityScore e : ranked) assertThat(read.get(e.entityId())).as(e.entityId()).isEqualTo(e.contributions());
            }
            // Some contributions do say their weight was learned: the weights were applied, not only kept.
            assertThat(Alerts.contributions(c, stored, Side.SENDER, List.of(run.result().senders().get(0).entityId())).values())
                    .flatMap(Function.identity()).anySatisfy(k -> assertThat(k.sentence().wording()).isEqualTo(Wording.LEARNED_WEIGHT));
            String top = run.result().senders().get(0).entityId();
            Explanations.Explanation explained = Explanations.explain(c, Side.SENDER, top).orElseThrow();
            assertThat(explained.addsUp()).as("the learned score is the sum of the weighed contributions").isTrue();
        }
    }

    @Test
    void aRulingThatMovesTheWeightsStoresOnlyTheExplanationsThatChanged() throws SQLException {
        ScreeningService.Run before = ruled(6);
        long stored = count("SELECT count(*) FROM score_contributions");

        ScreeningService.Run after = ruled(7);

        assertThat(after.senderModel().model().version()).as("the ruling moved the weights")
                .isNotEqualTo(before.senderModel().model().version());
        long entities = after.result().senders().size() + after.result().recipients().size();
        // The new buyer's explanation changes, and those its confirmation reaches through the network: few.
        assertThat(count("SELECT count(*) FROM score_contributions") - stored).as("new explanations of " + entities)
                .isLessThan(entities / 20);
    }

    @Test
    void aRunStoredBeforeItsWeightsWereAppliedWhenReadIsReadAsStored() throws SQLException {
        ScreeningService.Run run = ruled(6);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE screening_run SET weights_applied_when_read = false WHERE id = " + run.id());
            AlertRun stored = AlertRun.latest(c).orElseThrow();
            EntityScore top = run.prior().senders().get(0);
            assertThat(Alerts.contributions(c, stored, Side.SENDER, List.of(top.entityId())).get(top.entityId()))
                    .isEqualTo(top.contributions());
            s.execute("UPDATE screening_run SET weights_applied_when_read = true WHERE id = " + run.id());
        }
    }

    /** A learned multiplier of 0 leaves the indicator's stored points without weight: no filter finds them positive. */
    @Test
    void anIndicatorWeighedZeroGivesNoPointsToFilterOn() throws SQLException {
        ScreeningService.Run run = ruled(6);
        Alerts alerts = new Alerts(db);
        String indicator = alerts.list(Alerts.Filter.all(Side.SENDER)).orElseThrow().indicators().get(0);
        Alerts.Filter on = new Alerts.Filter(Side.SENDER, Optional.empty(), Optional.of(indicator), Set.of(), Optional.empty(), 1, 50);
        assertThat(alerts.list(on).orElseThrow().total()).isPositive();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE screening_run SET sender_model = jsonb_set(sender_model, '{multipliers," + indicator + "}', '0') "
                    + "WHERE id = " + run.id());
        }

        Alerts.Page page = alerts.list(on).orElseThrow();
        assertThat(page.total()).isZero();
        assertThat(alerts.list(Alerts.Filter.all(Side.SENDER)).orElseThrow().indicators()).doesNotContain(indicator)
                .isNotEmpty();
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
