package org.piste.app.resolve;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.piste.resolve.Evidence;
import org.piste.resolve.EvidenceParts;
import org.piste.resolve.Link;

/** The stored links of a resolution run read back with their evidence: the resolution's own reading of its rows. */
public final class StoredLinks {
    private StoredLinks() {}

    /**
     * Links with their evidence in stored order; {@code where} filters entity_link (alias l), e.g. by entity.
     * Strongest first.
     */
    public static List<Link> links(Connection c, String where, List<Object> params, int limit) throws SQLException {
        String sql = "WITH l AS (SELECT l.* FROM entity_link l " + where + " ORDER BY l.weight DESC, l.record_a, l.record_b"
                + " LIMIT ?) SELECT l.record_a, l.record_b, l.weight, l.probability, l.origin, l.levels, l.weights, ra.shown, "
                + "rb.shown FROM l LEFT JOIN link_record ra ON ra.record_id = l.record_a "
                + "LEFT JOIN link_record rb ON rb.record_id = l.record_b ORDER BY l.weight DESC, l.record_a, l.record_b";
        List<Link> links = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object p : params) ps.setObject(i++, p);
            ps.setInt(i, limit);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String a = rs.getString(1), b = rs.getString(2);
                    if (rs.getArray(8) == null || rs.getArray(9) == null) {
                        throw new IllegalStateException("the values compared in link " + a + " - " + b + " are not stored");
                    }
                    Double[] w = (Double[]) rs.getArray(7).getArray();
                    double[] weights = new double[w.length];
                    for (int k = 0; k < w.length; k++) weights[k] = w[k];
                    List<Evidence> evidence = EvidenceParts.join(rs.getLong(6), weights, (String[]) rs.getArray(8).getArray(),
                            (String[]) rs.getArray(9).getArray());
                    links.add(new Link(a, b, rs.getDouble(3), rs.getDouble(4), evidence, Link.Origin.valueOf(rs.getString(5))));
                }
            }
        }
        return links;
    }
}
