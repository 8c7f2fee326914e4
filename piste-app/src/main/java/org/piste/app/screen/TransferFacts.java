package org.piste.app.screen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.piste.model.Channel;
import org.piste.model.TransferStatus;
import org.piste.resolve.Names;
import org.piste.screen.Columns;

/**
 * Reads stored transfers with their resolved entities, for a period, straight into screening columns: each row goes
 * into the column builder as it streams from the driver, so no object per transfer is kept.
 */
final class TransferFacts {
    private TransferFacts() {}

    static Columns read(Connection c, Optional<LocalDate> from, Optional<LocalDate> to) throws SQLException {
        String sql = "SELECT t.reference, s.entity_id, r.entity_id, t.send_at, t.send_zone, t.sent_amount, "
                + "t.paid_amount, t.status, t.channel, t.send_agency, t.purpose, "
                + "t.sender_id_number_norm, coalesce(t.sender_phone_e164, t.sender_phone), t.sender_surname, "
                + "t.sender_middle_name, t.sender_full_name, t.recipient_surname, t.recipient_middle_name, t.recipient_full_name, "
                + "t.payout_at "
                + "FROM transfer t JOIN entity_member s ON s.record_id = t.id || ':S' "
                + "JOIN entity_member r ON r.record_id = t.id || ':R' "
                + "WHERE (?::date IS NULL OR t.send_at >= ?::date) AND (?::date IS NULL OR t.send_at < ?::date + 1) ORDER BY t.id";
        Columns.Builder columns = new Columns.Builder();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false); // lets the driver stream with a fetch size
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(10_000);
            ps.setObject(1, from.orElse(null));
            ps.setObject(2, from.orElse(null));
            ps.setObject(3, to.orElse(null));
            ps.setObject(4, to.orElse(null));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) add(columns, rs);
            }
        } finally {
            c.commit();
            c.setAutoCommit(autoCommit);
        }
        return columns.build();
    }

    private static void add(Columns.Builder columns, ResultSet rs) throws SQLException {
        String senderSurname = Names.surnameAsWritten(rs.getString(14), rs.getString(16));
        String recipientSurname = Names.surnameAsWritten(rs.getString(17), rs.getString(19));
        OffsetDateTime sent = rs.getObject(4, OffsetDateTime.class), payout = rs.getObject(20, OffsetDateTime.class);
        columns.add(rs.getString(1), rs.getString(2), rs.getString(3), sent.toEpochSecond(), sent.getNano(), rs.getString(5),
                payout == null ? Columns.NO_PAYOUT : payout.toEpochSecond(), rs.getBigDecimal(6), rs.getBigDecimal(7), TransferStatus.valueOf(rs.getString(8)),
                Channel.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                senderSurname, rs.getString(15), recipientSurname, rs.getString(18));
    }
}
