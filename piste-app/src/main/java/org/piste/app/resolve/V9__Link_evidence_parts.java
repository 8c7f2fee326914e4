package org.piste.app.resolve;

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
import org.piste.app.store.CopyText;
import org.piste.resolve.Evidence;
import org.piste.resolve.EvidenceParts;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Schema 9: a link's evidence is stored as its parts ({@link EvidenceParts}): levels and weights on the link, the
 * values compared once per record in {@code link_record}. The JSON evidence took about 1.3 kB a link, 28 GB at 10M
 * transfers. Existing links are converted, not dropped: the explanation of every stored entity stays as it was.
 * Named as Flyway expects of a Java migration (V9__...), registered in {@code Database}.
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
    V9__Link_evidence_parts(int fetchRows, int flushChars) {
        this.fetchRows = fetchRows;
        this.flushChars = flushChars;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute(ResolutionStore.LINK_RECORD_TABLE);
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
                List<Evidence> evidence = new ArrayList<>();
                while (rs.next()) {
                    if (!rs.getString(1).equals(a) || !rs.getString(2).equals(b)) {
                        if (link != null) add(link, evidence, valuesOf, links, records);
                        if (links.length() >= flushChars) flush(copy, links, records);
                        a = rs.getString(1);
                        b = rs.getString(2);
                        link = new Object[] {a, b, rs.getDouble(3), rs.getDouble(4), rs.getString(5), rs.getLong(6)};
                        evidence = new ArrayList<>();
                    }
                    if (rs.getString(7) != null) evidence.add(new Evidence(rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getDouble(11)));
                }
                if (link != null) add(link, evidence, valuesOf, links, records);
            }
        }
        flush(copy, links, records);
    }

    private static void flush(CopyManager copy, StringBuilder links, StringBuilder records) throws SQLException {
        CopyText.copyIn(copy, LINKS, links);
        CopyText.copyIn(copy, "link_record (record_id, shown, run_id)", records);
    }

    private static void add(Object[] link, List<Evidence> evidence, Map<String, Long> valuesOf, StringBuilder links,
            StringBuilder records) {
        String a = (String) link[0], b = (String) link[1];
        long run = (Long) link[5];
        try {
            ResolutionStore.linkRow(links, a, b, (Double) link[2], (Double) link[3], (String) link[4],
                    EvidenceParts.levels(evidence), EvidenceParts.weights(evidence), run);
            record(a, EvidenceParts.values(evidence, true), run, valuesOf, records);
            record(b, EvidenceParts.values(evidence, false), run, valuesOf, records);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the stored link " + a + " - " + b + " cannot be converted (" + e.getMessage()
                    + "); its evidence was not written by this resolver", e);
        }
    }

    private static void record(String id, String[] values, long run, Map<String, Long> valuesOf, StringBuilder records) {
        long hash = EvidenceParts.hash(values);
        Long known = valuesOf.putIfAbsent(id, hash);
        if (known == null) ResolutionStore.recordRow(records, id, values, run);
        else if (known != hash) {
            throw new IllegalStateException("record " + id + " shows different values in two stored links, one of them "
                    + Arrays.toString(values));
        }
    }
}
