package org.piste.app.entities;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.piste.app.resolve.RecordSql;

/** Names of party records as written, in SQL, and the name an entity is shown under. */
public final class EntityNames {
    private EntityNames() {}

    /**
     * SQL for the name a party record was written with: given names, middle name and surname when the row split
     * them, else the full name. {@code side} is an SQL expression giving 'S' or 'R', {@code t} the transfer alias.
     */
    public static String asWritten(String side, String t) {
        return RecordSql.bySide(side, name(t, "sender_"), name(t, "recipient_"));
    }

    private static String name(String t, String p) {
        return "coalesce(nullif(concat_ws(' ', nullif(" + t + "." + p + "given_names, ''), nullif(" + t + "." + p
                + "middle_name, ''), nullif(" + t + "." + p + "surname, '')), ''), " + t + "." + p + "full_name)";
    }

    /** Each entity's most frequent name as written among its records (ties: alphabetical); unknown ids are absent. */
    public static Map<String, String> shown(Connection c, Collection<String> entityIds) throws SQLException {
        Map<String, String> names = new HashMap<>();
        if (entityIds.isEmpty()) return names;
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT ON (entity_id) entity_id, name FROM (SELECT "
                + "m.entity_id, " + asWritten("m.side", "t") + " AS name, count(*) AS n FROM entity_member m JOIN transfer t "
                + "ON t.id = m.transfer_id WHERE m.entity_id = ANY (?) GROUP BY 1, 2) x ORDER BY entity_id, n DESC, name")) {
            ps.setArray(1, c.createArrayOf("text", entityIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) names.put(rs.getString(1), rs.getString(2));
            }
        }
        return names;
    }
}
