package org.piste.app.resolve;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.piste.model.Side;

/**
 * The current resolution's membership (table entity_member: record id -> entity id of the latest run) as other
 * features join it: one home for the joins, each taking its aliases from the caller so that no alias is shared
 * across packages.
 */
public final class CurrentEntities {
    private CurrentEntities() {}

    /** The entity the record belongs to now; empty when no run placed it. */
    public static Optional<String> of(Connection c, String recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT entity_id FROM entity_member WHERE record_id = ?")) {
            ps.setString(1, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * SQL (FROM clause): LEFT JOIN of the membership, as {@code m}, of the record whose id is {@code recordColumn}. A
     * record kept elsewhere (a ruling, a case subject, a referral match) follows its record into whatever entity the
     * latest run put it in; {@link #entityOr} reads it.
     */
    public static String joinRecord(String m, String recordColumn) {
        return " LEFT JOIN entity_member " + m + " ON " + m + ".record_id = " + recordColumn;
    }

    /** SQL: the current entity joined by {@link #joinRecord} as {@code m}, else {@code otherwise} (no run placed it). */
    public static String entityOr(String m, String otherwise) {
        return "coalesce(" + m + ".entity_id, " + otherwise + ")";
    }

    /**
     * SQL (FROM clause): the memberships of transfer {@code t}'s sender, as {@code s}, and recipient, as {@code r};
     * {@code resolvedOnly} keeps only transfers whose both sides are placed (inner joins), else left joins.
     */
    public static String joinParties(String t, String s, String r, boolean resolvedOnly) {
        String join = resolvedOnly ? " JOIN" : " LEFT JOIN";
        return join + " entity_member " + s + " ON " + s + ".record_id = " + RecordSql.id(t + ".id", Side.SENDER)
                + join + " entity_member " + r + " ON " + r + ".record_id = " + RecordSql.id(t + ".id", Side.RECIPIENT);
    }

    /**
     * SQL (FROM items): the membership {@code m} with each member's party record (view party_record) {@code p}; filter
     * on {@code m.entity_id}.
     */
    public static String records(String m, String p) {
        return "entity_member " + m + " JOIN party_record " + p + " ON " + p + ".transfer_id = " + m + ".transfer_id AND "
                + p + ".side = " + m + ".side";
    }
}
