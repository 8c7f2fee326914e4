package org.piste.app.network;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.piste.app.entities.EntityNames;
import org.piste.app.resolve.CurrentEntities;
import org.piste.model.RecordId;
import org.piste.model.Side;

/** Entities as network nodes: the name most often written, the latest run's scores, and whether a referral seeds it. */
final class EntityNodes {
    private EntityNodes() {}


    /** The latest screening run's scores of an entity (joined laterally on the entity column named). */
    static String bestScore(String entityColumn) {
        return "coalesce((SELECT max(e.score) FROM entity_score e WHERE e.entity_id = " + entityColumn
                + " AND e.run_id = (SELECT max(id) FROM screening_run)), 0)";
    }

    /** The entity a record or entity id names, if it is resolved. */
    static Optional<String> entityOf(Connection c, String recordOrEntityId) throws SQLException {
        String id = RecordId.parse(recordOrEntityId).map(RecordId::toString).orElse(recordOrEntityId.strip());
        return CurrentEntities.of(c, id);
    }

    /** The nodes of these entities, in the order given; unknown ids are left out. */
    static List<NetworkView.Node> of(Connection c, Collection<String> ids) throws SQLException {
        var array = c.createArrayOf("text", ids.toArray());
        Map<String, String> names = new HashMap<>();
        Map<String, Long> records = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT ON (entity_id) entity_id, name,"
                + " sum(n) OVER (PARTITION BY entity_id) FROM (SELECT m.entity_id, " + EntityNames.asWritten("p") + " AS name,"
                + " count(*) AS n FROM " + CurrentEntities.records("m", "p") + " WHERE m.entity_id = ANY(?) GROUP BY 1, 2) g ORDER BY entity_id, n DESC, name")) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                    records.put(rs.getString(1), rs.getLong(3));
                }
            }
        }
        Map<String, List<NetworkView.Score>> scores = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT entity_id, side, score, rank FROM entity_score"
                + " WHERE run_id = (SELECT max(id) FROM screening_run) AND entity_id = ANY(?) ORDER BY side DESC")) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) scores.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new NetworkView.Score(rs.getString(2), rs.getDouble(3), rs.getInt(4)));
            }
        }
        Map<String, String> seeds = org.piste.app.alerts.Seeds.all(c); // referrals and analysts' confirmations
        Set<String> named = org.piste.app.referrals.ReferralStore.seeds(c).keySet();
        Map<String, List<String>> sides = sides(c, array);
        Map<String, NetworkView.Node> nodes = new LinkedHashMap<>();
        for (String id : ids) {
            if (!names.containsKey(id) || nodes.containsKey(id)) continue;
            List<NetworkView.Score> s = scores.getOrDefault(id, List.of());
            nodes.put(id, new NetworkView.Node(id, names.get(id), records.get(id),
                    s.stream().mapToDouble(NetworkView.Score::score).max().orElse(0), s, Optional.ofNullable(seeds.get(id)),
                    sides.getOrDefault(id, List.of()), named.contains(id)));
        }
        return List.copyOf(nodes.values());
    }

    /** The sides each entity holds records on ("SENDER" before "RECIPIENT"): what its shape in the graph shows. */
    private static Map<String, List<String>> sides(Connection c, java.sql.Array ids) throws SQLException {
        Map<String, List<String>> sides = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT entity_id, side FROM entity_member WHERE entity_id = ANY(?)"
                + " GROUP BY 1, 2 ORDER BY 1, 2 DESC")) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) sides.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(Side.ofLetter(rs.getString(2).charAt(0)).orElseThrow().name());
            }
        }
        return sides;
    }
}
