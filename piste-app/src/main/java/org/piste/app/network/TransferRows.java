package org.piste.app.network;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.piste.app.resolve.CurrentEntities;
import org.piste.resolve.Names;
import org.piste.screen.FamilyTie;

/**
 * The transfers a network view counts, read with their resolved sender and recipient entities and their
 * provenance. One definition of the filter for every count, total and export, so the numbers agree.
 */
final class TransferRows {
    private TransferRows() {}

    /** A counted transfer; {@code date} is the sender's local date, the one the period filter uses. */
    record Row(long id, String reference, String sender, String recipient, OffsetDateTime sentAt, String zone, LocalDate date,
            BigDecimal sent, String sentCurrency, Optional<BigDecimal> paid, Optional<String> paidCurrency,
            String status, String purpose, String sha256, long line, boolean family) {

        NetworkView.Transfer view() {
            return new NetworkView.Transfer(id, reference, sentAt, zone, date, sent.toPlainString(), sentCurrency,
                    paid.map(BigDecimal::toPlainString), paidCurrency, status, purpose,
                    new NetworkView.Provenance(sha256, line));
        }
    }

    /** The sender's local date of a transfer. */
    static final String LOCAL_DATE = "(t.send_at AT TIME ZONE t.send_zone)::date";

    /** Moved money, within the period and above the minimum amount; binds 6 parameters (see {@link #bind}). */
    static final String COUNTED = " AND " + org.piste.app.screen.MovedMoney.SQL
            + " AND (?::date IS NULL OR " + LOCAL_DATE + " >= ?::date)"
            + " AND (?::date IS NULL OR " + LOCAL_DATE + " <= ?::date)"
            + " AND (?::numeric IS NULL OR t.sent_amount >= ?::numeric)";

    /** Binds {@link #COUNTED}'s parameters from index {@code i}; returns the next index. */
    static int bind(PreparedStatement ps, int i, NetworkFilter filter) throws SQLException {
        for (Optional<LocalDate> d : List.of(filter.from(), filter.from(), filter.to(), filter.to())) {
            ps.setObject(i++, d.orElse(null));
        }
        ps.setObject(i++, filter.minAmount().orElse(null));
        ps.setObject(i++, filter.minAmount().orElse(null));
        return i;
    }

    /** The transfers involving any entity of {@code scope}, as a subquery on t.id (1 parameter: the scope array). */
    static final String INVOLVING = "t.id IN (SELECT transfer_id FROM entity_member WHERE entity_id = ANY(?))";

    /** Transfers with both sides resolved: sender s, recipient r. */
    static final String RESOLVED = " FROM transfer t" + CurrentEntities.joinParties("t", "s", "r", true);

    /**
     * The counted transfers from an entity of {@code a} to one of {@code b}, or from {@code b} to {@code a}, in
     * sending order.
     */
    static List<Row> between(Connection c, Collection<String> a, Collection<String> b, NetworkFilter filter)
            throws SQLException {
        String sql = "SELECT t.id, t.reference, s.entity_id, r.entity_id, t.send_at, t.send_zone, t.sent_amount,"
                + " t.sent_currency, t.paid_amount, t.paid_currency, t.status, t.purpose, f.sha256, t.line_no,"
                + " t.sender_surname, t.sender_middle_name, t.sender_full_name,"
                + " t.recipient_surname, t.recipient_middle_name, t.recipient_full_name"
                + RESOLVED + " JOIN source_file f ON f.id = t.source_id WHERE " + INVOLVING + COUNTED
                + " AND ((s.entity_id = ANY(?) AND r.entity_id = ANY(?)) OR (s.entity_id = ANY(?) AND r.entity_id = ANY(?)))"
                + " ORDER BY t.send_at, t.id";
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            var arrayA = c.createArrayOf("text", a.toArray());
            var arrayB = c.createArrayOf("text", b.toArray());
            int i = 1;
            ps.setArray(i++, arrayA);
            i = bind(ps, i, filter);
            ps.setArray(i++, arrayA);
            ps.setArray(i++, arrayB);
            ps.setArray(i++, arrayB);
            ps.setArray(i, arrayA);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(row(rs));
            }
        }
        return rows;
    }

    /**
     * Exactly these transfers, in sending order, whatever the filters; a side no resolution placed is named by its
     * record id (a package sent abroad holds the transfers chosen, resolved or not).
     */
    static List<Row> byIds(Connection c, Collection<Long> ids) throws SQLException {
        String sql = "SELECT t.id, t.reference, coalesce(s.entity_id, t.id || ':S'), coalesce(r.entity_id, t.id || ':R'),"
                + " t.send_at, t.send_zone, t.sent_amount, t.sent_currency, t.paid_amount, t.paid_currency, t.status,"
                + " t.purpose, f.sha256, t.line_no, t.sender_surname, t.sender_middle_name, t.sender_full_name,"
                + " t.recipient_surname, t.recipient_middle_name, t.recipient_full_name FROM transfer t"
                + CurrentEntities.joinParties("t", "s", "r", false) + " JOIN source_file f ON f.id = t.source_id"
                + " WHERE t.id = ANY(?) ORDER BY t.send_at, t.id";
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(row(rs));
            }
        }
        return rows;
    }

    private static Row row(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject(5, OffsetDateTime.class).atZoneSameInstant(ZoneId.of(rs.getString(6)))
                .toOffsetDateTime();
        boolean family = FamilyTie.related(Names.surnameAsWritten(rs.getString(15), rs.getString(17)), rs.getString(16),
                Names.surnameAsWritten(rs.getString(18), rs.getString(20)), rs.getString(19));
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), at, rs.getString(6), at.toLocalDate(),
                rs.getBigDecimal(7), rs.getString(8), Optional.ofNullable(rs.getBigDecimal(9)),
                Optional.ofNullable(rs.getString(10)), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getLong(14), family);
    }
}
