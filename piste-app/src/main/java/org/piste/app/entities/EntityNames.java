package org.piste.app.entities;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.piste.app.resolve.CurrentEntities;
import org.piste.model.RecordId;

/** Names of party records as written, in SQL, and the name an entity is shown under. */
public final class EntityNames {
    private EntityNames() {}

    /**
     * SQL for the name a party record was written with: given names, middle name and surname when the row split
     * them, else the full name. {@code p} is the alias of a party_record row.
     */
    public static String asWritten(String p) {
        return "coalesce(nullif(concat_ws(' ', nullif(" + p + ".given_names, ''), nullif(" + p + ".middle_name, ''), nullif("
                + p + ".surname, '')), ''), " + p + ".full_name)";
    }

    /** Each entity's most frequent name as written among its records (ties: alphabetical); unknown ids are absent. */
    public static Map<String, String> shown(Connection c, Collection<String> entityIds) throws SQLException {
        Map<String, String> names = new HashMap<>();
        if (entityIds.isEmpty()) return names;
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT ON (entity_id) entity_id, name FROM (SELECT "
                + "m.entity_id, " + asWritten("p") + " AS name, count(*) AS n FROM " + CurrentEntities.records("m", "p")
                + " WHERE m.entity_id = ANY (?) GROUP BY 1, 2) x ORDER BY entity_id, n DESC, name")) {
            ps.setArray(1, c.createArrayOf("text", entityIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) names.put(rs.getString(1), rs.getString(2));
            }
        }
        return names;
    }

    /**
     * The one way pages name ids in bulk (two queries, whatever the number of ids): an entity's shown name, else,
     * for a record no resolution has placed yet, its name as written. Ids neither names (unknown, malformed) are
     * absent. Callers audit the read as part of the page it belongs to.
     */
    public static Map<String, String> of(Connection c, Collection<String> ids) throws SQLException {
        Map<String, String> names = shown(c, ids);
        List<Long> transfers = new ArrayList<>();
        List<String> sides = new ArrayList<>();
        for (String id : ids) {
            if (names.containsKey(id)) continue;
            RecordId.parse(id).filter(r -> r.toString().equals(id)).ifPresent(r -> {
                transfers.add(r.transferId());
                sides.add(String.valueOf(r.side().letter()));
            });
        }
        if (transfers.isEmpty()) return names;
        try (PreparedStatement ps = c.prepareStatement("SELECT p.record_id, " + asWritten("p")
                + " FROM unnest(?::bigint[], ?::text[]) AS w(transfer_id, side) JOIN party_record p"
                + " ON p.transfer_id = w.transfer_id AND p.side = w.side")) {
            ps.setArray(1, c.createArrayOf("bigint", transfers.toArray()));
            ps.setArray(2, c.createArrayOf("text", sides.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) names.putIfAbsent(rs.getString(1), rs.getString(2));
            }
        }
        return names;
    }
}
