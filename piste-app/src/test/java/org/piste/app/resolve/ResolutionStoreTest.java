package org.piste.app.resolve;

import org.piste.app.migration.V9__Link_evidence_parts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.TestDatabases;
import org.piste.app.store.Database;
import org.piste.resolve.BlockingReport;
import org.piste.resolve.Evidence;
import org.piste.resolve.EvidenceParts;
import org.piste.resolve.Link;
import org.piste.resolve.MatchModel;
import org.piste.resolve.Resolution;

/** Links are stored as evidence parts (levels and weights per link, values per record) and read back whole. */
class ResolutionStoreTest {
    @TempDir Path dir;

    /** Values an array literal or COPY could mangle: quotes, backslashes, braces, commas, tabs, NULL, empty, non-Latin. */
    private static final String[] AWKWARD = {"o\"neil", "back\\slash", "{braces}", "a,b", "tab\there", "NULL", "",
            "Ñiño 李", "line\nbreak", " spaced "};

    private static String[] values(String prefix) {
        String[] v = new String[EvidenceParts.FIELDS];
        for (int i = 0; i < v.length; i++) v[i] = prefix + AWKWARD[i % AWKWARD.length];
        return v;
    }

    private static List<Evidence> evidence(String[] a, String[] b, double base) {
        double[] w = new double[EvidenceParts.FIELDS + 1];
        for (int i = 0; i < w.length; i++) w[i] = base / (i + 3) - 1e-17 * i; // not round in binary
        return EvidenceParts.join(0b001_010_011_001L, w, a, b);
    }

    @Test
    void linksReadBackExactlyAsStoredWithAwkwardValues() throws SQLException {
        Database db = TestDatabases.fresh();
        ResolutionFixture.importFile(db, ResolutionFixture.first(dir));
        new ResolutionService(db).run(ResolutionService.Mode.FULL);
        String s1 = ResolutionFixture.sender(db, "LUZ-1"), s2 = ResolutionFixture.sender(db, "LUZ-2"),
                s3 = ResolutionFixture.sender(db, "LUZ-3");
        String[] v1 = values(""), v2 = values("2:"), v3 = values("3:");
        List<Link> links = List.of(new Link(s1, s2, 31.5, 0.999, evidence(v1, v2, 31.5), Link.Origin.SCORED),
                new Link(s3, s1, -2.25, 0.2, evidence(v3, v1, -2.25), Link.Origin.ANALYST));
        Map<String, String> entityOf = new LinkedHashMap<>();
        entityOf.put(s1, s1);
        entityOf.put(s2, s1);
        entityOf.put(s3, s1);

        try (Connection c = db.connect()) {
            MatchModel model = ResolutionStore.latestModel(c).flatMap(StoredModel.Restorer.TABLES::restore).orElseThrow();
            long run = latestRun(c);
            ResolutionStore.replace(c, new Resolution(entityOf, links, model, new BlockingReport(3, 0, 0, 100, Map.of())), run);

            assertThat(StoredLinks.links(c, "", List.of(), 100)).as("strongest first").containsExactlyElementsOf(links);
            assertThat(count(c, "SELECT count(*) FROM link_record")).as("values once per record").isEqualTo(3);
        }
    }

    @Test
    void linksStoredAsJsonBeforeSchema9AreConvertedNotLost() throws SQLException {
        assertConverted(Database::migrated);
    }

    @Test
    void theConversionWritesInChunksWhileItReads() throws SQLException {
        assertConverted(db -> Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration")
                .javaMigrations(new V9__Link_evidence_parts(3, 1)).load().migrate());
    }

    /** Schema 8's ten fields, in its stored order. */
    private static final String[] FIELDS_8 = {"given names", "surname", "middle name", "date of birth", "ID number", "phone",
        "e-mail", "address", "postcode", "city"};

    /** A link's evidence as schema 8 wrote it: the prior, then its ten fields with these levels ("missing" after them). */
    private static List<Evidence> evidence8(String[] a, String[] b, double base, String... levels) {
        List<Evidence> out = new java.util.ArrayList<>();
        out.add(new Evidence("prior", "", "", "prior odds of a candidate pair", base / 3));
        for (int i = 0; i < FIELDS_8.length; i++) {
            out.add(new Evidence(FIELDS_8[i], a[i], b[i], i < levels.length ? levels[i] : "missing", base / (i + 4) - 1e-17 * i));
        }
        return out;
    }

    /** The same link as read today: the two new fields missing, levels as given (in today's wording, packed). */
    private static Link today(Link old, long levels) {
        double[] w = new double[EvidenceParts.FIELDS + 1];
        String[] a = new String[EvidenceParts.FIELDS], b = new String[EvidenceParts.FIELDS];
        java.util.Arrays.fill(a, "");
        java.util.Arrays.fill(b, "");
        for (int i = 0; i < old.evidence().size(); i++) w[i] = old.evidence().get(i).weight();
        for (int i = 0; i < FIELDS_8.length; i++) {
            a[i] = old.evidence().get(1 + i).valueA();
            b[i] = old.evidence().get(1 + i).valueB();
        }
        return new Link(old.recordA(), old.recordB(), old.weight(), old.probability(), EvidenceParts.join(levels, w, a, b),
                old.origin());
    }

    /** Field {@code field} (in today's order, which keeps schema 8's ten first) at {@code level}. */
    private static long at(int field, int level) {
        return (long) level << (3 * field);
    }

    /**
     * Imports the fixture with today's importer into a schema-8 database: the importer writes the raw line, a column
     * schema 20 added, so the column is there for the import and gone after it, as schema 8 had it.
     */
    private void importIntoSchema8(Database db) throws SQLException {
        try (Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("ALTER TABLE transfer ADD COLUMN raw_text text NOT NULL DEFAULT ''");
        }
        ResolutionFixture.importFile(db, ResolutionFixture.first(dir));
        try (Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("ALTER TABLE transfer DROP COLUMN raw_text");
        }
    }

    private void assertConverted(java.util.function.Consumer<Database> migrate) throws SQLException {
        Database db = TestDatabases.blank();
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").target("8").load().migrate();
        importIntoSchema8(db);
        String s1 = ResolutionFixture.sender(db, "LUZ-1"), s2 = ResolutionFixture.sender(db, "LUZ-2"),
                s3 = ResolutionFixture.sender(db, "LUZ-3");
        String[] v1 = java.util.Arrays.copyOf(values(""), 10), v2 = java.util.Arrays.copyOf(values("b"), 10);
        String[] d3 = java.util.Arrays.copyOf(values("c"), 10);
        v1[3] = "1975-04-12"; // a record shows the same values in all its links
        d3[3] = "1975-04-30";
        Link awkward = new Link(s1, s2, 40.0, 0.9999, evidence8(v1, v2, 40, "exact", "similar", "initial", "exact"), Link.Origin.SCORED);
        Link dated = new Link(s1, s3, 12.0, 0.99, evidence8(v1, d3, 12, "exact, names read swapped", "similar, names read swapped",
                "missing", "one part differs"), Link.Origin.ANALYST);
        try (Connection c = db.connect()) {
            long run = oldRun(c);
            oldLink(c, awkward, run);
            oldLink(c, dated, run);
        }

        migrate.accept(db);

        // the swapped flag moves from bit 30 to bit 62; "one part differs" is computed again from the two dates
        List<Link> expected = List.of(today(awkward, at(0, 1) | at(1, 3) | at(2, 2) | at(3, 1)),
                today(dated, (1L << 62) | at(0, 1) | at(1, 3) | at(3, 5)));
        try (Connection c = db.connect()) {
            List<Link> read = StoredLinks.links(c, "", List.of(), 100);
            assertThat(read).containsExactlyElementsOf(expected);
            assertThat(read.get(1).evidence().get(4).level()).isEqualTo("within a month");
            assertThat(read.get(1).evidence().get(1).level()).isEqualTo("exact, names read swapped");
        }
    }

    @Test
    void aStoredLinkThatCannotBeConvertedStopsTheMigrationAndSaysWhich() throws SQLException {
        Database db = TestDatabases.blank();
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").target("8").load().migrate();
        importIntoSchema8(db);
        String s1 = ResolutionFixture.sender(db, "LUZ-1"), s2 = ResolutionFixture.sender(db, "LUZ-2");
        try (Connection c = db.connect()) {
            oldLink(c, new Link(s1, s2, 1.0, 0.5, List.of(), Link.Origin.ANALYST), oldRun(c));
        }

        assertThatThrownBy(() -> Database.migrated(db)).hasStackTraceContaining("the stored link " + s1 + " - " + s2);
        try (Connection c = db.connect()) {
            assertThat(count(c, "SELECT count(*) FROM entity_link")).as("left as it was").isEqualTo(1);
        }
    }

    private static long latestRun(Connection c) throws SQLException {
        return count(c, "SELECT max(id) FROM resolution_run");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long oldRun(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO match_model (version, prior, m, u, description) VALUES ('v', 0.01, '[]', '[]', 'test')");
            s.execute("INSERT INTO resolution_run (started_at, finished_at, requested, mode, note, records, new_records, "
                    + "entities, candidate_pairs, reduction_ratio, block_cap, oversized_blocks, links, decisions, model_id) "
                    + "SELECT now(), now(), 'FULL', 'FULL', '', 3, 3, 1, 2, 0.5, 100, '{}', 2, 0, max(id) FROM match_model");
        }
        return latestRun(c);
    }

    /** A link as schema 8 stored it: evidence as a JSON array of {field, value_a, value_b, level, weight}. */
    private static void oldLink(Connection c, Link l, long run) throws SQLException {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var array = json.createArrayNode();
        for (Evidence e : l.evidence()) {
            array.addObject().put("field", e.field()).put("value_a", e.valueA()).put("value_b", e.valueB())
                    .put("level", e.level()).put("weight", e.weight());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO entity_link (record_a, record_b, weight, probability, "
                + "origin, evidence, run_id) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)")) {
            ps.setString(1, l.recordA());
            ps.setString(2, l.recordB());
            ps.setDouble(3, l.weight());
            ps.setDouble(4, l.probability());
            ps.setString(5, l.origin().name());
            ps.setString(6, json.writeValueAsString(array));
            ps.setLong(7, run);
            ps.executeUpdate();
        }
    }
}
