package org.piste.app.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.piste.app.referrals.ReferralStore;
import org.piste.app.store.Database;

/**
 * The confirmed entities that seed screening, in one place: those referrals name (see
 * {@link ReferralStore#seeds}) and alerts an analyst confirmed (latest ruling CONFIRM), a confirmed sender as a
 * buyer and a confirmed recipient as a facilitator; and those dismissed. Both are the labels screening learns its
 * weights from.
 */
public final class Seeds {
    private Seeds() {}

    /** entity id -> roles ("BUYER", "FACILITATOR" or "BUYER,FACILITATOR"), in entity id order. */
    public static Map<String, String> all(Database database) {
        try (Connection c = database.connect()) {
            return all(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read confirmed subjects: " + e.getMessage(), e);
        }
    }

    /** The same, on an open connection. */
    public static Map<String, String> all(Connection c) throws SQLException {
        Map<String, TreeSet<String>> roles = new TreeMap<>();
        ReferralStore.seeds(c).forEach((entity, r) -> roles.computeIfAbsent(entity, e -> new TreeSet<>())
                .addAll(java.util.List.of(r.split(","))));
        try (PreparedStatement ps = c.prepareStatement("SELECT entity, side FROM ("
                + AlertDecisions.LATEST + ") latest WHERE decision = 'CONFIRM'"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                roles.computeIfAbsent(rs.getString(1), e -> new TreeSet<>())
                        .add(rs.getString(2).equals("SENDER") ? "BUYER" : "FACILITATOR");
            }
        }
        Map<String, String> seeds = new TreeMap<>();
        roles.forEach((entity, r) -> seeds.put(entity, String.join(",", r)));
        return seeds;
    }

    /** The entities an analyst dismissed (latest ruling DISMISS), as the labels against: side -> entity ids. */
    public static Map<String, java.util.Set<String>> dismissed(Connection c) throws SQLException {
        Map<String, java.util.Set<String>> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT entity, side FROM (" + AlertDecisions.LATEST
                + ") latest WHERE decision = 'DISMISS'"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.computeIfAbsent(rs.getString(2), k -> new TreeSet<>()).add(rs.getString(1));
        }
        return out;
    }
}
