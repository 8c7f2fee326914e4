package org.piste.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.PartyExport;
import org.piste.app.PartyExport.Person;
import org.piste.app.TestDatabases;
import org.piste.app.imports.ImportRequest;
import org.piste.app.imports.ImportService;
import org.piste.app.resolve.ResolutionService;
import org.piste.app.store.Database;
import org.piste.ingest.Importer;
import org.piste.screen.EntityScore;
import org.piste.screen.RuleSet;
import org.piste.screen.Screener;

class ScreeningServiceTest {
    @TempDir Path dir;

    private Database importedAndResolved() {
        PartyExport e = new PartyExport();
        Person a = Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon");
        Person b = Person.sender("Jean-Marc", "Testeur", "1970-01-20", "06 00 00 00 44", "Nantes");
        Person r1 = Person.recipient("Lorna", "Testado", "0917 000 0001");
        Person r2 = Person.recipient("Ariel", "Sampol", "0917 000 0002");
        Person c = Person.sender("Claire", "Essai", "1975-03-03", "06 00 00 00 55", "Lille");
        // A pays both recipients; B pays r1 and C pays r2 the same way, on days as far apart: B and C score the same.
        for (int i = 0; i < 5; i++) {
            e.transfer("A-" + i, a, r1);
            e.transfer("B-" + i, b, r1);
            e.transfer("A2-" + i, a, r2);
            e.transfer("C-" + i, c, r2);
        }
        Database db = TestDatabases.fresh();
        new ImportService(db).importFile(ImportRequest.of(e.write(dir.resolve("x.csv")), "canonical"), Importer.Progress.NONE);
        new ResolutionService(db).run(ResolutionService.Mode.FULL);
        return db;
    }

    @Test
    void aRunStoresEveryEntitysScoreWithContributionsThatAddUpAndCiteStoredTransfers() throws SQLException {
        Database db = importedAndResolved();
        ScreeningService.Run run = new ScreeningService(db, new Screener(RuleSet.builtIn())).screen(Optional.empty(), Optional.empty(), Map.of(), Map.of());

        assertThat(run.transfers()).isEqualTo(20);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(one(s, "SELECT count(*) FROM entity_score WHERE run_id = " + run.id()))
                    .isEqualTo(run.result().senders().size() + run.result().recipients().size());
            assertThat(one(s, "SELECT count(*) FROM entity_score e WHERE abs(e.score - (SELECT coalesce(sum((k->>'points')::float8), 0) "
                    + "FROM jsonb_array_elements(e.contributions) k)) > 1e-9")).as("scores that are not their contributions' sum").isZero();
            assertThat(one(s, "SELECT count(*) FROM entity_score e, jsonb_array_elements(e.contributions) k, "
                    + "jsonb_array_elements_text(k->'evidence') ref WHERE NOT EXISTS (SELECT 1 FROM transfer t WHERE t.reference = ref)"))
                    .as("evidence references that are not stored transfers").isZero();
            assertThat(one(s, "SELECT count(*) FROM entity_score e WHERE run_id = " + run.id() + " AND rank <> 1 + (SELECT count(*) "
                    + "FROM entity_score h WHERE h.run_id = e.run_id AND h.side = e.side AND h.score > e.score)"))
                    .as("ranks that are not 1 + the number of higher scores on the side").isZero();
            assertThat(one(s, "SELECT count(*) FROM (SELECT 1 FROM entity_score WHERE run_id = " + run.id()
                    + " GROUP BY side, score HAVING count(*) > 1) tied")).as("equal scores in this world").isPositive();
            assertThat(one(s, "SELECT count(DISTINCT position) - max(position) FROM entity_score WHERE run_id = " + run.id()
                    + " GROUP BY side ORDER BY 1 LIMIT 1")).as("positions are 1..n on each side").isZero();
            try (ResultSet rs = s.executeQuery("SELECT rule_set_version, sender_alert_minimum, sender_model->>'version', "
                    + "sender_model->'notes'->>0, recipient_model->>'learned' FROM screening_run WHERE id = " + run.id())) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(RuleSet.builtIn().version());
                assertThat(rs.getDouble(2)).isEqualTo(RuleSet.builtIn().senderAlertMinimum());
                // No ruling yet: the rule set's weights, and the run says why.
                assertThat(rs.getString(3)).isEqualTo("prior");
                assertThat(rs.getString(4)).isEqualTo("0 confirmed entities, fewer than 5: the rule set's weights are kept");
                assertThat(rs.getString(5)).isEqualTo("false");
            }
        }
    }

    @Test
    void aRunAgainStoresItsScoresButNotTheContributionsAlreadyStored() throws SQLException {
        Database db = importedAndResolved();
        ScreeningService service = new ScreeningService(db, new Screener(RuleSet.builtIn()));
        ScreeningService.Run first = service.screen(Optional.empty(), Optional.empty(), Map.of(), Map.of());
        long distinct;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            distinct = one(s, "SELECT count(*) FROM score_contributions");
            assertThat(distinct).isPositive().isEqualTo(one(s, "SELECT count(DISTINCT contributions) FROM entity_score"));
        }

        ScreeningService.Run second = service.screen(Optional.empty(), Optional.empty(), Map.of(), Map.of());

        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(one(s, "SELECT count(*) FROM score_contributions")).as("the same explanations, stored once").isEqualTo(distinct);
            assertThat(one(s, "SELECT count(*) FROM entity_score WHERE run_id = " + second.id()))
                    .isEqualTo(second.result().senders().size() + second.result().recipients().size());
            assertThat(one(s, "SELECT count(*) FROM entity_score a JOIN entity_score b ON b.entity_id = a.entity_id AND "
                    + "b.side = a.side WHERE a.run_id = " + first.id() + " AND b.run_id = " + second.id()
                    + " AND a.contributions <> b.contributions")).as("read back whole through the view").isZero();
            // No foreign key checks them row by row any more (V33): the writer must.
            assertThat(one(s, "SELECT count(*) FROM score_row r WHERE NOT EXISTS (SELECT 1 FROM score_contributions k "
                    + "WHERE k.hash = r.contributions_hash) OR NOT EXISTS (SELECT 1 FROM screening_run u WHERE u.id = r.run_id)"))
                    .as("score rows pointing to no stored explanation or run").isZero();
        }
    }

    /**
     * A run looks up only the keys the run before it did not use: explanations that changed must still be stored, those
     * of an older run found again, and every row must read back its own.
     */
    @Test
    void eachRunStoresTheExplanationsNewToTheDatabaseAndReadsBackItsOwn() throws SQLException {
        Database db = importedAndResolved();
        ScreeningService service = new ScreeningService(db, new Screener(RuleSet.builtIn()));
        String buyer = service.screen(Optional.empty(), Optional.empty(), Map.of(), Map.of()).result().senders().get(0).entityId();
        long before = count(db, "SELECT count(*) FROM score_contributions");

        // A confirmed buyer: the explanations of the entities around it change; then unconfirmed again, as at first.
        ScreeningService.Run seeded = service.screen(Optional.empty(), Optional.empty(), Map.of(buyer, "BUYER"), Map.of());
        long afterSeeded = count(db, "SELECT count(*) FROM score_contributions");
        ScreeningService.Run asFirst = service.screen(Optional.empty(), Optional.empty(), Map.of(), Map.of());
        long afterAsFirst = count(db, "SELECT count(*) FROM score_contributions");
        ScreeningService.Run again = service.screen(Optional.empty(), Optional.empty(), Map.of(), Map.of());

        assertThat(afterSeeded).as("new explanations stored").isGreaterThan(before);
        assertThat(afterAsFirst).as("the first run's found again, not stored twice").isEqualTo(afterSeeded);
        assertThat(count(db, "SELECT count(*) FROM score_contributions")).isEqualTo(afterSeeded);
        for (ScreeningService.Run run : List.of(seeded, asFirst, again)) readsBackItsOwn(db, run);
    }

    /**
     * The database behind the same object restored to before the last run (the run's id given again): the keys that run
     * used may no longer be stored, and are looked up again.
     */
    @Test
    void aRunAfterTheDatabaseLostTheLastRunStoresItsExplanationsAgain() throws SQLException {
        Database db = importedAndResolved();
        ScreeningService service = new ScreeningService(db, new Screener(RuleSet.builtIn()));
        ScreeningService.Run lost = service.screen(Optional.empty(), Optional.empty(), Map.of(), Map.of());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica"); // as a restore does: the triggers do not fire
            s.execute("DELETE FROM score_row");
            s.execute("DELETE FROM score_contributions");
            s.execute("DELETE FROM screening_run");
            s.execute("ALTER TABLE screening_run ALTER COLUMN id RESTART WITH " + lost.id());
            s.execute("RESET session_replication_role");
        }

        ScreeningService.Run again = service.screen(Optional.empty(), Optional.empty(), Map.of(), Map.of());

        assertThat(again.id()).as("the same id as the lost run").isEqualTo(lost.id());
        readsBackItsOwn(db, again);
    }

    private static void readsBackItsOwn(Database db, ScreeningService.Run run) throws SQLException {
        try (Connection c = db.connect(); java.sql.PreparedStatement ps = c.prepareStatement("SELECT contributions = ?::jsonb "
                + "FROM entity_score WHERE run_id = ? AND side = ? AND entity_id = ?")) {
            for (List<EntityScore> side : List.of(run.prior().senders(), run.prior().recipients())) {
                for (EntityScore e : side) {
                    ps.setString(1, ScreeningService.contributionsJson(e.contributions()));
                    ps.setLong(2, run.id());
                    ps.setString(3, e.side().name());
                    ps.setString(4, e.entityId());
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).as(e.entityId()).isTrue();
                        assertThat(rs.getBoolean(1)).as(e.entityId() + "'s explanation, run " + run.id()).isTrue();
                    }
                }
            }
        }
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            return one(s, sql);
        }
    }

    /** Each key is the SHA-256 of that entity's JSON alone, whichever slice computed it and whatever it computed before. */
    @Test
    void anExplanationsKeyIsTheSha256OfItsJsonAlone() throws Exception {
        Database db = importedAndResolved();
        List<EntityScore> ranked = new ScreeningService(db, new Screener(RuleSet.builtIn()))
                .screen(Optional.empty(), Optional.empty(), Map.of(), Map.of()).result().senders();
        assertThat(ranked).hasSizeGreaterThan(2).anyMatch(e -> !e.contributions().isEmpty());
        List<EntityScore> withEmpty = new java.util.ArrayList<>(ranked);
        withEmpty.add(1, new EntityScore("S-none", ranked.get(0).side(), 0, List.of()));

        String[] keys = ScreeningService.keys(withEmpty, 2);

        assertThat(keys[1]).as("SHA-256 of []").isEqualTo("4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945");
        for (int i = 0; i < withEmpty.size(); i++) {
            byte[] json = ScreeningService.contributionsJson(withEmpty.get(i).contributions()).getBytes(StandardCharsets.UTF_8);
            assertThat(keys[i]).as(withEmpty.get(i).entityId())
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)));
        }
    }

    @Test
    void theRunsAndExplanationsScoreRowsPointToCannotBeRemovedOrRekeyed() throws SQLException {
        Database db = importedAndResolved();
        new ScreeningService(db, new Screener(RuleSet.builtIn())).screen(Optional.empty(), Optional.empty(), Map.of(), Map.of());
        for (String change : List.of("DELETE FROM screening_run", "TRUNCATE screening_run CASCADE", "UPDATE screening_run SET id = DEFAULT",
                "DELETE FROM score_contributions", "TRUNCATE score_contributions CASCADE",
                "UPDATE score_contributions SET hash = sha256(hash)")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute(change)).as(change).isInstanceOf(SQLException.class)
                        .hasMessageContaining("rows are kept: score rows point to them");
            }
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // A run's closing fields and an explanation's text may still be written (older runs are read in their form).
            assertThat(s.executeUpdate("UPDATE score_contributions SET contributions = contributions")).isPositive();
            assertThat(one(s, "SELECT count(*) FROM score_row r WHERE NOT EXISTS (SELECT 1 FROM score_contributions k "
                    + "WHERE k.hash = r.contributions_hash)")).isZero();
        }
    }

    @Test
    void theAuditFilesListTheRankingAndEveryTransfersEntities() throws Exception {
        Database db = importedAndResolved();
        ScreeningService.Run run = new ScreeningService(db, new Screener(RuleSet.builtIn())).screen(Optional.empty(), Optional.empty(), Map.of(), Map.of());

        ScreeningFiles.write(db, run, dir.resolve("out"));

        List<String> senders = Files.readAllLines(dir.resolve("out/senders.csv"));
        assertThat(senders.get(0)).isEqualTo("rank,entity_id,score,rule_set_version,top_indicators");
        assertThat(senders).hasSize(1 + run.result().senders().size());
        assertThat(senders.get(1)).startsWith("1," + run.result().senders().get(0).entityId() + ",");
        // Equal scores, equal ranks: the file never orders entities the scores do not.
        List<EntityScore> ranked = run.result().senders();
        for (int i = 2; i < senders.size(); i++) {
            boolean tied = ranked.get(i - 1).score() == ranked.get(i - 2).score();
            assertThat(senders.get(i).split(",")[0]).isEqualTo(tied ? senders.get(i - 1).split(",")[0] : String.valueOf(i));
        }
        List<String> membership = Files.readAllLines(dir.resolve("out/membership.csv"));
        assertThat(membership).hasSize(1 + 20);
        assertThat(membership.subList(1, membership.size())).allSatisfy(line -> assertThat(line.split(",")).hasSize(3));
    }

    private static long one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
