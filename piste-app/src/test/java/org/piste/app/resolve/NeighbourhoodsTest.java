package org.piste.app.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.app.SimExportParts.importFile;
import static org.piste.app.SimExportParts.query;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.SimExportParts;
import org.piste.app.TestDatabases;
import org.piste.app.resolve.ResolutionService.Mode;
import org.piste.app.store.Database;
import org.piste.resolve.Decision;
import org.piste.resolve.MatchModel;
import org.piste.resolve.Resolver;

/**
 * An incremental run that reads only the entities around the new records must store what extending with every record
 * loaded stores: the same membership, the same links with the same weights and the same totals. Two databases take the
 * same imports; in one the neighbourhood index is dropped before each incremental run, so that run loads everything.
 */
class NeighbourhoodsTest {
    @TempDir static Path dir;
    static Path first, second, third;

    @BeforeAll
    static void exports() throws IOException {
        SimExportParts parts = SimExportParts.of(dir, 300);
        first = parts.first();
        second = parts.second();
        third = parts.third();
    }

    @Test
    void theNeighbourhoodStoresWhatExtendingWithEveryRecordStores() throws SQLException {
        Database around = TestDatabases.fresh(), whole = TestDatabases.fresh();
        for (Database db : List.of(around, whole)) {
            importFile(db, first);
            new ResolutionService(db).run(Mode.FULL).orElseThrow();
        }
        int windowed = 0;
        for (Path next : List.of(second, third)) {
            importFile(around, next);
            importFile(whole, next);
            ResolutionService.Summary a = new ResolutionService(around).run(Mode.INCREMENTAL).orElseThrow();
            dropIndex(whole);
            ResolutionService.Summary w = new ResolutionService(whole).run(Mode.INCREMENTAL).orElseThrow();

            assertThat(a.note()).as("the run read a neighbourhood").contains("around them");
            assertThat(w.note()).as("the run read every record").contains("added to the previous entities");
            assertSame(around, whole, a, w);
            windowed += Integer.parseInt(a.note().replaceAll(".*records read; (\\d+) blocks.*", "$1"));
        }
        assertThat(windowed).as("blocks larger than the cap were read in part: the window was tested").isPositive();
    }

    @Test
    void aDecisionIsAppliedAroundTheEntitiesItTouchesAsOverEveryRecord() throws SQLException {
        Database around = TestDatabases.fresh(), whole = TestDatabases.fresh();
        for (Database db : List.of(around, whole)) {
            importFile(db, first);
            importFile(db, second);
            new ResolutionService(db).run(Mode.FULL).orElseThrow();
        }
        // Two records of different multi-record entities, ruled the same person, and one pair of an entity split.
        List<String> multi = query(around, "SELECT entity_id FROM entity_member GROUP BY entity_id HAVING count(*) > 3 "
                + "ORDER BY entity_id LIMIT 2");
        List<String> split = query(around, "SELECT record_id FROM entity_member WHERE entity_id = '" + multi.get(1)
                + "' AND record_id <> entity_id ORDER BY record_id LIMIT 1");
        for (Database db : List.of(around, whole)) {
            try (Connection c = db.connect()) {
                DecisionStore.add(c, multi.get(0), multi.get(1), Decision.Kind.SAME, "test", "");
                DecisionStore.add(c, multi.get(1), split.get(0), Decision.Kind.NOT_SAME, "test", "");
            }
            importFile(db, third);
        }
        ResolutionService.Summary a = new ResolutionService(around).run(Mode.INCREMENTAL).orElseThrow();
        dropIndex(whole);
        ResolutionService.Summary w = new ResolutionService(whole).run(Mode.INCREMENTAL).orElseThrow();

        assertThat(a.note()).contains("around them");
        assertSame(around, whole, a, w);
        Map<String, String> entityOf = ResolutionFixture.membership(around);
        assertThat(entityOf.get(multi.get(0))).as("ruled the same").isEqualTo(entityOf.get(multi.get(1)));
        assertThat(entityOf.get(split.get(0))).as("ruled not the same").isNotEqualTo(entityOf.get(multi.get(1)));
    }

    /**
     * 120 payees named Maria in one city, one record each: their "given name + city" block is over the cap (100), so a
     * new Maria is paired with her three neighbours on each side in name order only, and only the entities sorting
     * near her are read. Reading too few (or pairing the part read as a small block) changes the pairs compared.
     */
    @Test
    void aNewRecordInABlockOverTheCapIsComparedWithTheSameNeighbours() throws SQLException {
        org.piste.app.PartyExport before = new org.piste.app.PartyExport(), after = new org.piste.app.PartyExport();
        for (int k = 0; k < 120; k++) {
            before.transfer("M-" + k, org.piste.app.PartyExport.Person.sender("Expediteur", "Q" + letters(k),
                    "1970-01-%02d".formatted(1 + k % 28), "06 10 00 %02d %02d".formatted(k / 100, k % 100), "Lyon"),
                    org.piste.app.PartyExport.Person.recipient("Maria", "Q" + letters(k), "0917 100 %04d".formatted(k)));
        }
        after.transfer("M-NEW", org.piste.app.PartyExport.Person.sender("Expediteur", "Zzzz", "1980-02-02",
                "06 20 00 00 01", "Lyon"), org.piste.app.PartyExport.Person.recipient("Maria", "Q" + letters(60) + "a",
                "0917 200 0001"));
        Path first = before.write(dir.resolve("marias-1.csv")), second = after.write(dir.resolve("marias-2.csv"));
        Database around = TestDatabases.fresh(), whole = TestDatabases.fresh();
        for (Database db : List.of(around, whole)) {
            ResolutionFixture.importFile(db, first);
            new ResolutionService(db).run(Mode.FULL).orElseThrow();
            ResolutionFixture.importFile(db, second);
        }
        ResolutionService.Summary a = new ResolutionService(around).run(Mode.INCREMENTAL).orElseThrow();
        dropIndex(whole);
        ResolutionService.Summary w = new ResolutionService(whole).run(Mode.INCREMENTAL).orElseThrow();

        assertThat(a.note()).contains("around them").doesNotContain("; 0 blocks larger than the cap");
        assertThat(w.blocking().candidatePairs()).as("three neighbours on each side, at least").isGreaterThanOrEqualTo(6);
        assertSame(around, whole, a, w);
        long read = Long.parseLong(a.note().replaceAll(".*\\((\\d+) records read.*", "$1"));
        assertThat(read).as("fewer than half the 240 stored records").isBetween(6L, 119L);
    }

    /**
     * Two of the 120 Marias ruled the same person: a full run pairs their records within the window of their names only,
     * so only the entities sorting near the two names are read again, not the whole block (reading it whole gives the
     * same result, at the cost of every entity sharing a name key with a buyer ruled on).
     */
    @Test
    void aDecisionInABlockOverTheCapReadsTheWindowsAroundItsRecords() throws SQLException {
        org.piste.app.PartyExport marias = new org.piste.app.PartyExport();
        for (int k = 0; k < 120; k++) {
            marias.transfer("M-" + k, org.piste.app.PartyExport.Person.sender("Expediteur", "Q" + letters(k),
                    "1970-01-%02d".formatted(1 + k % 28), "06 10 00 %02d %02d".formatted(k / 100, k % 100), "Lyon"),
                    org.piste.app.PartyExport.Person.recipient("Maria", "Q" + letters(k), "0917 100 %04d".formatted(k)));
        }
        Path file = marias.write(dir.resolve("marias-ruled.csv"));
        Database around = TestDatabases.fresh(), whole = TestDatabases.fresh();
        String recipientOf = "SELECT m.record_id FROM entity_member m JOIN transfer t ON t.id = m.transfer_id "
                + "WHERE m.side = 'R' AND t.reference = ";
        for (Database db : List.of(around, whole)) {
            ResolutionFixture.importFile(db, file);
            new ResolutionService(db).run(Mode.FULL).orElseThrow();
            String a = query(db, recipientOf + "'M-10'").get(0), b = query(db, recipientOf + "'M-100'").get(0);
            try (Connection c = db.connect()) {
                DecisionStore.add(c, a, b, Decision.Kind.SAME, "test", "");
            }
        }
        ResolutionService.Summary a = new ResolutionService(around).run(Mode.INCREMENTAL).orElseThrow();
        dropIndex(whole);
        ResolutionService.Summary w = new ResolutionService(whole).run(Mode.INCREMENTAL).orElseThrow();

        assertThat(a.note()).contains("around them").doesNotContain("; 0 blocks larger than the cap");
        assertSame(around, whole, a, w);
        assertThat(query(around, "SELECT count(DISTINCT m.entity_id) FROM entity_member m JOIN transfer t ON t.id = m.transfer_id "
                + "WHERE m.side = 'R' AND t.reference IN ('M-10', 'M-100')")).as("ruled the same").containsExactly("1");
        long read = Long.parseLong(a.note().replaceAll(".*\\((\\d+) records read.*", "$1"));
        assertThat(read).as("the two ruled on and their neighbours, not the 120 Marias").isBetween(2L, 60L);
    }

    /**
     * One sender pays Marc Quinn and Maryse Quillard, whose names begin alike ("mar", "qui") but sort far apart in a
     * block over the cap (here 10, of fourteen people). A full run pairs them (same counterparty, same beginnings)
     * whatever the window; when a ruling touches Marc, Maryse must be read although no window reaches her (the pair
     * leaves no trace when it does not link, so what was read is checked).
     */
    @Test
    void aRuledRecordMeetsTheRecordsOfItsCounterpartyOutsideTheWindows() throws SQLException {
        List<String> givens = List.of("Marc", "Marcel", "Marco", "Margot", "Maria", "Marie", "Marine", "Mario", "Marius",
                "Marta", "Martin", "Marvin", "Maryse", "Maribel");
        List<String> surnames = List.of("Quinn", "Quiroga", "Quintal", "Quiles", "Quimper", "Quiquet", "Quirin", "Quivy",
                "Quibel", "Quidet", "Quillet", "Quijano", "Quizz", "Quisset");
        org.piste.app.PartyExport export = new org.piste.app.PartyExport();
        List<org.piste.app.PartyExport.Person> people = new java.util.ArrayList<>();
        for (int k = 0; k < givens.size(); k++) {
            org.piste.app.PartyExport.Person payee = org.piste.app.PartyExport.Person.recipient(givens.get(k), surnames.get(k),
                    "0917 %03d %04d".formatted(k * 379 % 1000, k * 7919 % 10000));
            people.add(payee);
            export.transfer("M-" + k, org.piste.app.PartyExport.Person.sender("Expediteur", "Q" + letters(k * 7),
                    "1970-01-%02d".formatted(1 + k), "06 %02d 00 00 %02d".formatted(10 + k, k), "Lyon"), payee);
        }
        org.piste.app.PartyExport.Person payer = org.piste.app.PartyExport.Person.sender("Payeur", "Unique", "1960-06-06",
                "06 99 99 99 99", "Lyon");
        export.transfer("FIRST", payer, people.get(0));
        export.transfer("LAST", payer, people.get(12));
        Path file = export.write(dir.resolve("one-payer.csv"));
        Resolver.Settings capTen = new Resolver.Settings(Resolver.Settings.defaults().threshold(), 10,
                Resolver.Settings.defaults().seed());
        Database around = TestDatabases.fresh(), whole = TestDatabases.fresh();
        String recipientOf = "SELECT m.record_id FROM entity_member m JOIN transfer t ON t.id = m.transfer_id "
                + "WHERE m.side = 'R' AND t.reference = ";
        for (Database db : List.of(around, whole)) {
            ResolutionFixture.importFile(db, file);
            new ResolutionService(db, capTen, StoredModel.Restorer.TABLES).run(Mode.FULL).orElseThrow();
            assertThat(query(db, "SELECT count(DISTINCT m.entity_id) FROM entity_member m JOIN transfer t ON t.id = m.transfer_id "
                    + "WHERE m.side = 'R' AND t.reference IN ('FIRST', 'LAST')")).as("two people").containsExactly("2");
            String first = query(db, recipientOf + "'FIRST'").get(0), other = query(db, recipientOf + "'M-2'").get(0);
            try (Connection c = db.connect()) {
                DecisionStore.add(c, first, other, Decision.Kind.SAME, "test", "");
            }
        }
        // Maryse sorts last in the block, by given name or by surname: no window around Marc or Marco reaches her.
        String maryse = ResolutionFixture.membership(around).get(query(around, recipientOf + "'LAST'").get(0));
        try (Connection c = around.connect()) {
            MatchModel model = ResolutionStore.latestModel(c).flatMap(StoredModel.Restorer.TABLES::restore).orElseThrow();
            Neighbourhoods.Delta read = Neighbourhoods.extend(c, new Resolver(capTen), model,
                    DecisionStore.effective(c).decisions(), Long.MAX_VALUE).orElseThrow();
            assertThat(read.loadedEntities()).as("Maryse's entity, paid by Marc's payer, read").contains(maryse);
        }
        ResolutionService.Summary a = new ResolutionService(around, capTen, StoredModel.Restorer.TABLES)
                .run(Mode.INCREMENTAL).orElseThrow();
        dropIndex(whole);
        ResolutionService.Summary w = new ResolutionService(whole, capTen, StoredModel.Restorer.TABLES)
                .run(Mode.INCREMENTAL).orElseThrow();

        assertThat(a.note()).contains("around them").doesNotContain("; 0 blocks larger than the cap");
        assertSame(around, whole, a, w);
    }

    /** k written in letters (0 = "aa", 1 = "ab", ...): distinct names that sort as k does. */
    private static String letters(int k) {
        return "" + (char) ('a' + k / 26) + (char) ('a' + k % 26);
    }

    private static void assertSame(Database around, Database whole, ResolutionService.Summary a,
            ResolutionService.Summary w) throws SQLException {
        assertThat(differences(ResolutionFixture.membership(around), ResolutionFixture.membership(whole)))
                .as("records in other entities").isEmpty();
        assertThat(differences(links(around), links(whole))).as("links stored otherwise").isEmpty();
        assertThat(List.of(a.records(), a.entities(), a.multiRecordEntities(), a.links()))
                .isEqualTo(List.of(w.records(), w.entities(), w.multiRecordEntities(), w.links()));
        // Both compare only pairs with a new (or decided) record: the same pairs, whatever else either loaded.
        assertThat(a.blocking().candidatePairs()).as("candidate pairs").isEqualTo(w.blocking().candidatePairs());
        assertThat(a.entities()).isEqualTo(count(around, "SELECT count(DISTINCT entity_id) FROM entity_member"));
        assertThat(a.links()).isEqualTo(count(around, "SELECT count(*) FROM entity_link"));
        String index = "SELECT entity_id || ' ' || key || ' ' || name || ' ' || records FROM entity_block_key ORDER BY 1";
        assertThat(query(around, index)).as("the index kept in step equals the index rebuilt").isEqualTo(query(whole, index));
        assertThat(query(around, "SELECT kind || name || records FROM name_count ORDER BY 1"))
                .isEqualTo(query(whole, "SELECT kind || name || records FROM name_count ORDER BY 1"));
    }

    /** The keys whose values differ (first few), "key: around | whole". */
    private static List<String> differences(Map<String, String> around, Map<String, String> whole) {
        java.util.Set<String> keys = new java.util.TreeSet<>(around.keySet());
        keys.addAll(whole.keySet());
        return keys.stream().filter(k -> !java.util.Objects.equals(around.get(k), whole.get(k)))
                .map(k -> k + ": " + around.get(k) + " | " + whole.get(k)).limit(8).toList();
    }

    /** Each stored link with its weight, origin and the values shown for both records. */
    private static Map<String, String> links(Database db) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT l.record_a, l.record_b, l.weight, l.origin, l.weights::text, ra.shown::text, rb.shown::text FROM entity_link l "
                        + "JOIN link_record ra ON ra.record_id = l.record_a JOIN link_record rb ON rb.record_id = l.record_b")) {
            while (rs.next()) {
                out.put(rs.getString(1) + " " + rs.getString(2), rs.getDouble(3) + " " + rs.getString(4) + " "
                        + rs.getString(5) + " " + rs.getString(6) + " " + rs.getString(7));
            }
        }
        return out;
    }

    private static void dropIndex(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM resolution_index");
        }
    }

    private static long count(Database db, String sql) throws SQLException {
        return Long.parseLong(query(db, sql).get(0));
    }
}
