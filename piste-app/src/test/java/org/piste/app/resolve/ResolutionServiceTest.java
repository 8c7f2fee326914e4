package org.piste.app.resolve;

import org.piste.app.entities.EntityQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.app.resolve.ResolutionFixture.membership;
import static org.piste.app.resolve.ResolutionFixture.partition;
import static org.piste.app.resolve.ResolutionFixture.recipient;
import static org.piste.app.resolve.ResolutionFixture.sender;
import static org.piste.app.resolve.ResolutionFixture.senders;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.TestDatabases;
import org.piste.app.resolve.ResolutionService.Mode;
import org.piste.app.store.Database;
import org.piste.resolve.Decision;
import org.piste.resolve.Link;
import org.piste.resolve.Resolver;

class ResolutionServiceTest {
    @TempDir Path dir;

    private Database importedFirst() {
        Database db = TestDatabases.fresh();
        ResolutionFixture.importFile(db, ResolutionFixture.first(dir));
        return db;
    }

    private static ResolutionService.Summary resolve(Database db, Mode mode) {
        return new ResolutionService(db).run(mode).orElseThrow();
    }

    @Test
    void spellingVariantsOfOneSenderBecomeOneEntityAndANamesakeBornElsewhenStaysApart() {
        Database db = importedFirst();

        ResolutionService.Summary s = resolve(db, Mode.FULL);

        Map<String, String> entityOf = membership(db);
        assertThat(s.records()).isEqualTo(24).isEqualTo(entityOf.size());
        List<String> luz = senders(db, List.of("LUZ-1", "LUZ-2", "LUZ-3"));
        List<String> maria = senders(db, List.of("MARIA-1", "MARIA-2"));
        assertThat(luz).extracting(entityOf::get).containsOnly(entityOf.get(luz.get(0)));
        assertThat(maria).extracting(entityOf::get).containsOnly(entityOf.get(maria.get(0)));
        assertThat(entityOf.get(luz.get(0))).as("same surname, other date of birth").isNotEqualTo(entityOf.get(maria.get(0)));
        assertThat(entityOf.get(sender(db, "JM-1"))).isEqualTo(entityOf.get(sender(db, "JM-2")));
        assertThat(entityOf.get(recipient(db, "LUZ-1"))).as("a recipient is not its sender")
                .isNotEqualTo(entityOf.get(sender(db, "LUZ-1")));
        assertThat(s.entities()).isEqualTo(partition(entityOf).size());
        assertThat(s.links()).as("entities are trees of links").isEqualTo(s.records() - s.entities());
    }

    @Test
    void storedLinksCarryTheirEvidence() {
        Database db = importedFirst();
        resolve(db, Mode.FULL);

        var entity = new EntityQueries(db).find(sender(db, "LUZ-2"), 50).orElseThrow();

        assertThat(entity.size()).isEqualTo(3);
        assertThat(entity.members()).extracting(EntityQueries.Member::name)
                .contains("Maria Luz Dela Cruz", "Ma. Luz De La Cruz");
        assertThat(entity.members()).allSatisfy(m -> assertThat(m.source().line()).isGreaterThan(1));
        assertThat(entity.links()).hasSize(2).allSatisfy(l -> {
            assertThat(l.origin()).isEqualTo(Link.Origin.SCORED);
            assertThat(l.evidence()).extracting(e -> e.field()).contains("surname", "date of birth", "phone");
            assertThat(l.evidence().stream().mapToDouble(e -> e.weight()).sum()).isCloseTo(l.weight(),
                    org.assertj.core.data.Offset.offset(1e-6));
        });
    }

    @Test
    void aNotSameDecisionSplitsAndASameDecisionMergesOnTheNextRun() {
        Database db = importedFirst();
        resolve(db, Mode.FULL);
        String luz1 = sender(db, "LUZ-1"), luz2 = sender(db, "LUZ-2");
        String oriane = sender(db, "ORIANE-1"), sylvie = sender(db, "SYLVIE-1");
        assertThat(membership(db).get(luz1)).isEqualTo(membership(db).get(luz2));
        assertThat(membership(db).get(oriane)).isNotEqualTo(membership(db).get(sylvie));

        DecisionStore decisions = new DecisionStore(db);
        decisions.add(luz1, luz2, Decision.Kind.NOT_SAME, "analyst-1", "two people after all");
        decisions.add(oriane, sylvie, Decision.Kind.SAME, "analyst-1", "same person, confirmed by the bank");
        ResolutionService.Summary s = resolve(db, Mode.INCREMENTAL);

        Map<String, String> entityOf = membership(db);
        assertThat(s.decisions()).isEqualTo(2);
        assertThat(entityOf.get(luz1)).isNotEqualTo(entityOf.get(luz2));
        assertThat(entityOf.get(oriane)).isEqualTo(entityOf.get(sylvie));
        var merged = new EntityQueries(db).find(oriane, 50).orElseThrow();
        assertThat(merged.links()).anySatisfy(l -> assertThat(l.origin()).isEqualTo(Link.Origin.ANALYST));
    }

    @Test
    void theLatestDecisionOnAPairWins() {
        Database db = importedFirst();
        String luz1 = sender(db, "LUZ-1"), luz2 = sender(db, "LUZ-2");
        DecisionStore decisions = new DecisionStore(db);
        decisions.add(luz1, luz2, Decision.Kind.NOT_SAME, "analyst-1", "");
        decisions.add(luz2, luz1, Decision.Kind.SAME, "analyst-2", "checked the passport");

        resolve(db, Mode.FULL);

        assertThat(membership(db).get(luz1)).isEqualTo(membership(db).get(luz2));
    }

    /** Without the neighbourhood index (a store from an older version), an incremental run reads every record. */
    @Test
    void anIncrementalRunTooLargeToExtendInMemoryStreamsWithThePreviousModel() throws SQLException {
        Database inMemory = importedFirst(), streamed = importedFirst();
        for (Database db : List.of(inMemory, streamed)) {
            resolve(db, Mode.FULL);
            ResolutionFixture.importFile(db, ResolutionFixture.second(dir));
            new DecisionStore(db).add(sender(db, "LUZ-1"), sender(db, "LUZ-2"), Decision.Kind.NOT_SAME, "analyst-1", "");
            try (Connection c = db.connect(); var st = c.createStatement()) {
                st.execute("DELETE FROM resolution_index");
            }
        }
        long modelBefore = latestModelVersion(streamed);

        ResolutionService.Summary extended = new ResolutionService(inMemory).run(Mode.INCREMENTAL).orElseThrow();
        ResolutionService.Summary s = new ResolutionService(streamed, Resolver.Settings.defaults(),
                StoredModel.Restorer.TABLES, 10).run(Mode.INCREMENTAL).orElseThrow();

        assertThat(s.mode()).isEqualTo(Mode.INCREMENTAL);
        assertThat(s.note()).contains("streamed").contains("8 new records");
        assertThat(extended.note()).doesNotContain("streamed");
        assertThat(membership(streamed)).isEqualTo(membership(inMemory));
        assertThat(membership(streamed).get(sender(streamed, "LUZ-1"))).isNotEqualTo(membership(streamed).get(sender(streamed, "LUZ-2")));
        assertThat(latestModelTables(streamed)).as("the previous model, not a new one learned")
                .isEqualTo(modelTables(streamed, modelBefore));
    }

    /**
     * A large export among entities with long histories reaches most of the store: when the entities around the new
     * records hold more records than the heap takes, they are not loaded (the kernel killed a 20 GB run at 10M
     * transfers); the run streams every record with the previous model instead, and says so.
     */
    @Test
    void aNeighbourhoodLargerThanTheHeapTakesStreamsInstead() throws SQLException {
        Database around = importedFirst(), streamed = importedFirst();
        for (Database db : List.of(around, streamed)) {
            resolve(db, Mode.FULL);
            ResolutionFixture.importFile(db, ResolutionFixture.second(dir));
        }
        ResolutionService.Summary a = new ResolutionService(around).run(Mode.INCREMENTAL).orElseThrow();
        ResolutionService.Summary s = new ResolutionService(streamed, Resolver.Settings.defaults(),
                StoredModel.Restorer.TABLES, 10).run(Mode.INCREMENTAL).orElseThrow();

        assertThat(a.note()).contains("around them").doesNotContain("streamed");
        int read = Integer.parseInt(a.note().replaceAll(".*\\((\\d+) records read.*", "$1"));
        assertThat(read + 8).as("the neighbourhood and the new records exceed the 10 allowed").isGreaterThan(10);
        assertThat(s.mode()).isEqualTo(Mode.INCREMENTAL);
        assertThat(s.note()).contains("streamed").contains("entities around the new records hold more").contains("8 new records");
        assertThat(membership(streamed)).isEqualTo(membership(around));
    }

    @Test
    void linksCarriedOverWithValuesAnotherVersionComparedMakeTheRunFullAndSaySo() throws SQLException {
        Database db = importedFirst();
        resolve(db, Mode.FULL);
        List<String> luz = senders(db, List.of("LUZ-1", "LUZ-2", "LUZ-3"));
        try (Connection c = db.connect(); var ps = c.prepareStatement(
                "UPDATE link_record SET shown = array_replace(shown, 'dela cruz', 'dela-cruz') WHERE record_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", luz.toArray()));
            assertThat(ps.executeUpdate()).as("the stored values an older normaliser wrote").isPositive();
        }
        ResolutionFixture.importFile(db, ResolutionFixture.second(dir));

        ResolutionService.Summary s = resolve(db, Mode.INCREMENTAL);

        assertThat(s.requested()).isEqualTo(Mode.INCREMENTAL);
        assertThat(s.mode()).isEqualTo(Mode.FULL);
        assertThat(s.note()).contains("another version").contains("full run");
        assertThat(membership(db).get(sender(db, "LUZ-4"))).isEqualTo(membership(db).get(luz.get(0)));
        try (Connection c = db.connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM link_record WHERE 'dela-cruz' = ANY (shown)")) {
            rs.next();
            assertThat(rs.getLong(1)).as("values compared by this version only").isZero();
        }
    }

    private static long latestModelVersion(Database db) {
        try (Connection c = db.connect()) {
            return ResolutionStore.latestModel(c).orElseThrow().id();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String latestModelTables(Database db) {
        return modelTables(db, latestModelVersion(db));
    }

    private static String modelTables(Database db, long id) {
        try (Connection c = db.connect(); var ps = c.prepareStatement("SELECT prior || m::text || u::text FROM match_model WHERE id = ?")) {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void incrementalRunAfterASecondImportGivesTheSameEntitiesAsAFullRun() throws SQLException {
        Database db = importedFirst();
        // The default service rebuilds the stored model of the previous run.
        ResolutionService incremental = new ResolutionService(db);
        assertThat(incremental.run(Mode.INCREMENTAL).orElseThrow().mode()).as("nothing to extend").isEqualTo(Mode.FULL);
        ResolutionFixture.importFile(db, ResolutionFixture.second(dir));

        ResolutionService.Summary extended = incremental.run(Mode.INCREMENTAL).orElseThrow();
        Map<String, String> afterExtend = membership(db);
        ResolutionService.Summary full = resolve(db, Mode.FULL);

        assertThat(extended.mode()).isEqualTo(Mode.INCREMENTAL);
        assertThat(extended.newRecords()).isEqualTo(8);
        assertThat(afterExtend).hasSize(32);
        assertThat(afterExtend.get(sender(db, "LUZ-4"))).isEqualTo(afterExtend.get(sender(db, "LUZ-1")));
        assertThat(partition(afterExtend)).isEqualTo(partition(membership(db)));
        assertThat(full.entities()).isEqualTo(extended.entities());
    }

    @Test
    void anIncrementalRunWithNothingAddedOrDecidedSinceKeepsTheLatestRun() throws SQLException {
        Database db = importedFirst();
        ResolutionService.Summary first = resolve(db, Mode.FULL);
        Map<String, String> before = membership(db);

        ResolutionService.Summary kept = resolve(db, Mode.INCREMENTAL);

        assertThat(kept.runId()).isEqualTo(first.runId());
        assertThat(kept.note()).contains("nothing added or decided since run #" + first.runId());
        assertThat(kept.newRecords()).isZero();
        assertThat(List.of(kept.records(), kept.entities(), kept.multiRecordEntities(), kept.links(), (long) kept.decisions()))
                .isEqualTo(List.of(first.records(), first.entities(), first.multiRecordEntities(), first.links(), (long) first.decisions()));
        assertThat(kept.blocking()).isEqualTo(first.blocking());
        assertThat(runs(db)).as("no new run stored").isEqualTo(1);
        assertThat(membership(db)).isEqualTo(before);
        assertThat(resolve(db, Mode.FULL).runId()).as("a full run is always run").isGreaterThan(first.runId());
    }

    @Test
    void aDecisionSinceTheLatestRunIsResolvedEvenWhenItRepeatsAnEarlierOne() throws SQLException {
        Database db = importedFirst();
        String luz1 = sender(db, "LUZ-1"), luz2 = sender(db, "LUZ-2");
        DecisionStore decisions = new DecisionStore(db);
        decisions.add(luz1, luz2, Decision.Kind.NOT_SAME, "analyst-1", "");
        resolve(db, Mode.FULL);
        decisions.add(luz1, luz2, Decision.Kind.SAME, "analyst-2", "checked the passport");

        ResolutionService.Summary s = resolve(db, Mode.INCREMENTAL);

        assertThat(s.decisions()).as("as many effective decisions as before").isEqualTo(1);
        assertThat(runs(db)).isEqualTo(2);
        assertThat(membership(db).get(luz1)).isEqualTo(membership(db).get(luz2));
        assertThat(resolve(db, Mode.INCREMENTAL).runId()).as("then nothing new").isEqualTo(s.runId());
    }

    @Test
    void aRunStoredBeforeRunsRecordedTheDecisionsTheyReadIsNotKept() throws SQLException {
        Database db = importedFirst();
        resolve(db, Mode.FULL);
        try (Connection c = db.connect(); var st = c.createStatement()) {
            st.execute("UPDATE resolution_run SET decisions_read = NULL, multi_record_entities = NULL");
        }

        resolve(db, Mode.INCREMENTAL);

        assertThat(runs(db)).isEqualTo(2);
    }

    /** Ids are taken at insert and seen at commit: a decision with a lower id can commit after a run read a higher one. */
    @Test
    void aDecisionCommittedAfterARunThatReadALaterOneIsStillResolved() throws SQLException {
        Database db = importedFirst();
        resolve(db, Mode.FULL);
        String luz1 = sender(db, "LUZ-1"), luz2 = sender(db, "LUZ-2");
        assertThat(membership(db).get(luz1)).isEqualTo(membership(db).get(luz2));
        try (Connection slow = db.connect()) {
            slow.setAutoCommit(false);
            try (var ps = slow.prepareStatement("INSERT INTO analyst_decision (record_a, record_b, kind, decided_by, note) "
                    + "VALUES (?, ?, 'NOT_SAME', 'analyst-a', '')")) {
                ps.setString(1, luz1);
                ps.setString(2, luz2);
                ps.executeUpdate(); // the lower id, not committed yet
            }
            new DecisionStore(db).add(sender(db, "ORIANE-1"), sender(db, "SYLVIE-1"), Decision.Kind.NOT_SAME, "analyst-b", "");
            resolve(db, Mode.INCREMENTAL); // reads the higher id only
            slow.commit();
        }

        ResolutionService.Summary s = resolve(db, Mode.INCREMENTAL);

        assertThat(s.note()).doesNotContain("kept");
        assertThat(membership(db).get(luz1)).isNotEqualTo(membership(db).get(luz2));
    }

    private static long runs(Database db) throws SQLException {
        try (Connection c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM resolution_run")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void withoutARestorableModelAnIncrementalRunIsAFullRunThatSaysWhy() {
        Database db = importedFirst();
        ResolutionService service = new ResolutionService(db, Resolver.Settings.defaults(), StoredModel.Restorer.NONE);
        service.run(Mode.INCREMENTAL);
        ResolutionFixture.importFile(db, ResolutionFixture.second(dir));

        ResolutionService.Summary s = service.run(Mode.INCREMENTAL).orElseThrow();

        assertThat(s.requested()).isEqualTo(Mode.INCREMENTAL);
        assertThat(s.mode()).isEqualTo(Mode.FULL);
        assertThat(s.note()).contains("cannot be rebuilt");
        assertThat(s.newRecords()).isEqualTo(8);
        assertThat(membership(db)).hasSize(32);
    }

    @Test
    void nothingStoredNothingResolved() {
        assertThat(new ResolutionService(TestDatabases.fresh()).run(Mode.FULL)).isEmpty();
    }
}
