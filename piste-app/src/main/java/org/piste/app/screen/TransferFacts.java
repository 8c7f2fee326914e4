package org.piste.app.screen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.piste.model.Channel;
import org.piste.model.TransferStatus;
import org.piste.resolve.Names;
import org.piste.screen.TransferFact;

/** Reads stored transfers with their resolved entities as screening facts, for a period. */
final class TransferFacts {
    private TransferFacts() {}

    static List<TransferFact> read(Connection c, Optional<LocalDate> from, Optional<LocalDate> to) throws SQLException {
        String sql = "SELECT t.reference, s.entity_id, r.entity_id, t.send_at, t.send_zone, t.sent_amount, t.sent_currency, "
                + "t.paid_amount, coalesce(t.paid_currency, ''), t.status, t.channel, t.send_agency, t.purpose, "
                + "t.sender_id_number_norm, coalesce(t.sender_phone_e164, t.sender_phone), t.sender_surname, "
                + "t.sender_middle_name, t.sender_full_name, t.recipient_surname, t.recipient_middle_name, t.recipient_full_name "
                + "FROM transfer t JOIN entity_member s ON s.record_id = t.id || ':S' "
                + "JOIN entity_member r ON r.record_id = t.id || ':R' "
                + "WHERE (?::date IS NULL OR t.send_at >= ?::date) AND (?::date IS NULL OR t.send_at < ?::date + 1) ORDER BY t.id";
        List<TransferFact> facts = new ArrayList<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false); // lets the driver stream with a fetch size
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(10_000);
            ps.setObject(1, from.orElse(null));
            ps.setObject(2, from.orElse(null));
            ps.setObject(3, to.orElse(null));
            ps.setObject(4, to.orElse(null));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) facts.add(fact(rs));
            }
        } finally {
            c.commit();
            c.setAutoCommit(autoCommit);
        }
        return facts;
    }

    private static TransferFact fact(ResultSet rs) throws SQLException {
        String senderSurname = Names.surnameAsWritten(rs.getString(16), rs.getString(18));
        String recipientSurname = Names.surnameAsWritten(rs.getString(19), rs.getString(21));
        ZoneId zone = ZoneId.of(rs.getString(5));
        return new TransferFact(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toInstant(), zone,
                rs.getBigDecimal(6), rs.getString(7), Optional.ofNullable(rs.getBigDecimal(8)), rs.getString(9),
                TransferStatus.valueOf(rs.getString(10)), Channel.valueOf(rs.getString(11)), rs.getString(12),
                rs.getString(13), rs.getString(14), rs.getString(15), senderSurname, rs.getString(17),
                recipientSurname, rs.getString(20));
    }
}
