package org.piste.app.migration;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Schema 9: a link's evidence is stored as its parts: levels and weights on the link, the values compared once per
 * record in {@code link_record}. The JSON evidence took about 1.3 kB a link, 28 GB at 10M transfers. Existing links are
 * converted, not dropped: the explanation of every stored entity stays as it was. Named as Flyway expects of a Java
 * migration (V9__...), registered in {@code Database}.
 *
 * <p>Frozen: it reads the evidence of schema 8 (ten fields and their level wording as they were then) with its own
 * copy of that vocabulary, of the row formats and of the COPY text format, and imports nothing from the application,
 * so that later changes to the resolver's fields or to the stores cannot change what it does to a database that is
 * still at schema 8 (V12 converts its output to today's layout). An architecture test keeps this package so.
 */
public final class V9__Link_evidence_parts extends BaseJavaMigration {
    private static final String LINKS = "entity_link_parts (record_a, record_b, weight, probability, origin, levels, weights, run_id)";
    private final int fetchRows;
    private final int flushChars;

    public V9__Link_evidence_parts() {
        this(10_000, 1 << 20);
    }

    /**
     * Old rows are read {@code fetchRows} at a time and converted rows written whenever {@code flushChars} of them
     * are pending (both small in a test, so that writes happen between reads).
     */
    public V9__Link_evidence_parts(int fetchRows, int flushChars) {
        this.fetchRows = fetchRows;
        this.flushChars = flushChars;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE link_record (record_id text PRIMARY KEY, shown text[] NOT NULL, "
                    + "run_id bigint NOT NULL REFERENCES resolution_run (id))");
            s.execute("CREATE TABLE entity_link_parts (record_a text NOT NULL, record_b text NOT NULL, "
                    + "weight double precision NOT NULL, probability double precision NOT NULL, "
                    + "origin text NOT NULL CHECK (origin IN ('SCORED', 'ANALYST')), levels integer NOT NULL, "
                    + "weights double precision[] NOT NULL, run_id bigint NOT NULL REFERENCES resolution_run (id), "
                    + "PRIMARY KEY (record_a, record_b))");
        }
        convert(c);
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE entity_link");
            s.execute("ALTER TABLE entity_link_parts RENAME TO entity_link");
            s.execute("ALTER INDEX entity_link_parts_pkey RENAME TO entity_link_pkey");
            s.execute("CREATE INDEX entity_link_b ON entity_link (record_b)");
            s.execute("COMMENT ON TABLE entity_link IS 'Why two records are in one entity: the link''s weight, the "
                    + "agreement level of each compared field (packed, 3 bits a field, in the resolver''s field order) and "
                    + "the weights (the prior''s, then each field''s). The values compared are in link_record.'");
        }
    }

    private void convert(Connection c) throws SQLException {
        Map<String, Long> valuesOf = new HashMap<>(); // a record's values by 64-bit hash: 20M records fit
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder links = new StringBuilder(), records = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.record_a, l.record_b, l.weight, l.probability, l.origin, "
                + "l.run_id, x.e->>'field', x.e->>'value_a', x.e->>'value_b', x.e->>'level', (x.e->>'weight')::float8 "
                + "FROM entity_link l LEFT JOIN LATERAL jsonb_array_elements(l.evidence) WITH ORDINALITY AS x(e, n) ON true "
                + "ORDER BY l.record_a, l.record_b, x.n")) {
            ps.setFetchSize(fetchRows);
            try (ResultSet rs = ps.executeQuery()) {
                String a = null, b = null;
                Object[] link = null;
                List<Evidence8> evidence = new ArrayList<>();
                while (rs.next()) {
                    if (!rs.getString(1).equals(a) || !rs.getString(2).equals(b)) {
                        if (link != null) add(link, evidence, valuesOf, links, records);
                        if (links.length() >= flushChars) flush(copy, links, records);
                        a = rs.getString(1);
                        b = rs.getString(2);
                        link = new Object[] {a, b, rs.getDouble(3), rs.getDouble(4), rs.getString(5), rs.getLong(6)};
                        evidence = new ArrayList<>();
                    }
                    if (rs.getString(7) != null) {
                        evidence.add(new Evidence8(rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                rs.getDouble(11)));
                    }
                }
                if (link != null) add(link, evidence, valuesOf, links, records);
            }
        }
        flush(copy, links, records);
    }

    private static void flush(CopyManager copy, StringBuilder links, StringBuilder records) throws SQLException {
        copyIn(copy, LINKS, links);
        copyIn(copy, "link_record (record_id, shown, run_id)", records);
    }

    private static void copyIn(CopyManager copy, String table, StringBuilder rows) throws SQLException {
        if (rows.isEmpty()) return;
        try {
            copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("cannot write " + table + ": " + e.getMessage(), e);
        }
        rows.setLength(0);
    }

    private static void add(Object[] link, List<Evidence8> evidence, Map<String, Long> valuesOf, StringBuilder links,
            StringBuilder records) {
        String a = (String) link[0], b = (String) link[1];
        long run = (Long) link[5];
        try {
            linkRow(links, a, b, (Double) link[2], (Double) link[3], (String) link[4], levels(evidence), weights(evidence), run);
            record(a, values(evidence, true), run, valuesOf, records);
            record(b, values(evidence, false), run, valuesOf, records);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the stored link " + a + " - " + b + " cannot be converted (" + e.getMessage()
                    + "); its evidence was not written by this resolver", e);
        }
    }

    private static void record(String id, String[] values, long run, Map<String, Long> valuesOf, StringBuilder records) {
        long hash = hash(values);
        Long known = valuesOf.putIfAbsent(id, hash);
        if (known == null) recordRow(records, id, values, run);
        else if (known != hash) {
            throw new IllegalStateException("record " + id + " shows different values in two stored links, one of them "
                    + Arrays.toString(values));
        }
    }

    /** One entry of a schema-8 link's JSON evidence. */
    private record Evidence8(String field, String valueA, String valueB, String level, double weight) {}

    /** Schema 8's fields in stored order, each with its levels (level 0, "missing", first). */
    private static final String[][] FIELDS_8 = {
        {"given names", "missing", "exact", "nickname or first name", "similar", "weak", "different"},
        {"surname", "missing", "exact", "same without particles", "similar", "sounds alike", "different"},
        {"middle name", "missing", "exact", "initial", "different"},
        {"date of birth", "missing", "exact", "day and month swapped", "one part differs", "different"},
        {"ID number", "missing", "exact", "one character off", "different"},
        {"phone", "missing", "exact", "one digit off", "different"},
        {"e-mail", "missing", "exact", "same user name", "different"},
        {"address", "missing", "exact", "similar", "different"},
        {"postcode", "missing", "exact", "one character off", "different"},
        {"city", "missing", "exact", "similar", "different"},
    };
    private static final int SWAPPED_8 = 1 << 30;
    private static final String SWAPPED_NOTE_8 = ", names read swapped";

    /** The prior's entry then the ten fields', or the evidence was not written by the resolver of schema 8. */
    private static void check(List<Evidence8> evidence) {
        if (evidence.size() != FIELDS_8.length + 1 || !evidence.get(0).field().equals("prior")) {
            throw new IllegalArgumentException("evidence is the prior then " + FIELDS_8.length + " fields; got "
                    + evidence.size() + " entries");
        }
        for (int f = 0; f < FIELDS_8.length; f++) {
            if (!evidence.get(1 + f).field().equals(FIELDS_8[f][0])) {
                throw new IllegalArgumentException("evidence entry " + (1 + f) + " is '" + evidence.get(1 + f).field() + "'");
            }
        }
    }

    /** The levels packed 3 bits a field in field order, and bit 30 when the names were read swapped. */
    private static int levels(List<Evidence8> evidence) {
        check(evidence);
        int packed = 0;
        for (int f = 0; f < FIELDS_8.length; f++) {
            String text = evidence.get(1 + f).level();
            if (f <= 1 && text.endsWith(SWAPPED_NOTE_8)) {
                text = text.substring(0, text.length() - SWAPPED_NOTE_8.length());
                packed |= SWAPPED_8;
            }
            int level = Arrays.asList(FIELDS_8[f]).subList(1, FIELDS_8[f].length).indexOf(text);
            if (level < 0) throw new IllegalArgumentException("field '" + FIELDS_8[f][0] + "' has no level '" + text + "'");
            packed |= level << (f * 3);
        }
        return packed;
    }

    private static double[] weights(List<Evidence8> evidence) {
        check(evidence);
        double[] w = new double[evidence.size()];
        for (int i = 0; i < w.length; i++) w[i] = evidence.get(i).weight();
        return w;
    }

    private static String[] values(List<Evidence8> evidence, boolean first) {
        check(evidence);
        String[] v = new String[FIELDS_8.length];
        for (int i = 0; i < v.length; i++) v[i] = first ? evidence.get(1 + i).valueA() : evidence.get(1 + i).valueB();
        return v;
    }

    /** FNV-1a over the values and their lengths: the same values, the same hash. */
    private static long hash(String[] values) {
        long h = 0xcbf29ce484222325L;
        for (String v : values) {
            for (int i = 0; i < v.length(); i++) h = (h ^ v.charAt(i)) * 0x100000001b3L;
            h = (h ^ (v.length() + 0x10000L)) * 0x100000001b3L;
        }
        return h;
    }

    private static void linkRow(StringBuilder rows, String a, String b, double weight, double probability, String origin,
            int levels, double[] weights, long runId) {
        StringBuilder array = new StringBuilder(weights.length * 20).append('{');
        for (int i = 0; i < weights.length; i++) array.append(i == 0 ? "" : ",").append(weights[i]);
        row(rows, a, b, Double.toString(weight), Double.toString(probability), origin, Integer.toString(levels),
                array.append('}').toString(), Long.toString(runId));
    }

    private static void recordRow(StringBuilder rows, String id, String[] values, long runId) {
        StringBuilder array = new StringBuilder(160).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) array.append(',');
            array.append('"');
            for (char ch : values[i].toCharArray()) {
                if (ch == '"' || ch == '\\') array.append('\\');
                array.append(ch);
            }
            array.append('"');
        }
        row(rows, id, array.append('}').toString(), Long.toString(runId));
    }

    /** One row in COPY text format: tab-separated, with backslash, tab, newline and carriage return escaped. */
    private static void row(StringBuilder rows, String... values) {
        for (int v = 0; v < values.length; v++) {
            if (v > 0) rows.append('\t');
            for (char ch : values[v].toCharArray()) {
                switch (ch) {
                    case '\\' -> rows.append("\\\\");
                    case '\t' -> rows.append("\\t");
                    case '\n' -> rows.append("\\n");
                    case '\r' -> rows.append("\\r");
                    case '\0' -> rows.append("\\\\0");
                    default -> rows.append(ch);
                }
            }
        }
        rows.append('\n');
    }
}
