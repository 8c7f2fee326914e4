package org.piste.app.screen;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import org.piste.app.resolve.CurrentEntities;
import org.piste.model.Channel;
import org.piste.model.TransferStatus;
import org.piste.resolve.Names;
import org.piste.screen.Columns;
import org.piste.screen.TransferFact;

/**
 * Reads stored transfers with their resolved entities, for a period. {@link #read} puts each row into the screening
 * column builder as it streams from the driver, so no object per transfer is kept; {@link #each} gives them as
 * {@link TransferFact}s (benchmarks comparing the screening with another engine on the stored data).
 */
public final class TransferFacts {
    /** The columns read for each transfer, before its id (read last, by {@link ResidentTransfers}). */
    static final int COLUMNS = 24;
    private static final String SELECT = "SELECT t.reference, s.entity_id, r.entity_id, t.send_at, t.send_zone, t.sent_amount, "
            + "t.paid_amount, t.status, t.channel, t.send_agency, t.purpose, "
            + "t.sender_id_number_norm, coalesce(t.sender_phone_e164, t.sender_phone), t.sender_surname, "
            + "t.sender_middle_name, t.sender_full_name, t.recipient_surname, t.recipient_middle_name, t.recipient_full_name, "
            + "t.payout_at, t.sent_currency, t.paid_currency, t.sender_email, t.sender_address, t.id "
            + "FROM transfer t" + CurrentEntities.joinParties("t", "s", "r", true);
    private static final String PERIOD = " WHERE (?::date IS NULL OR t.send_at >= ?::date) AND (?::date IS NULL OR t.send_at < ?::date + 1)";

    private TransferFacts() {}

    static Columns read(Connection c, Optional<LocalDate> from, Optional<LocalDate> to) throws SQLException {
        Columns.Builder columns = new Columns.Builder();
        stream(c, from, to, rs -> add(columns, rs));
        return columns.build();
    }

    /** Every stored transfer of the period with its entities, in stored order, as facts. */
    public static void each(Connection c, Optional<LocalDate> from, Optional<LocalDate> to, Consumer<TransferFact> sink)
            throws SQLException {
        stream(c, from, to, rs -> sink.accept(fact(rs)));
    }

    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void stream(Connection c, Optional<LocalDate> from, Optional<LocalDate> to, Row row) throws SQLException {
        Object[] period = {from.orElse(null), from.orElse(null), to.orElse(null), to.orElse(null)};
        stream(c, SELECT + PERIOD + " ORDER BY t.id", period, row);
    }

    /** The resolved transfers meeting {@code where} (SQL on {@code t}, "" for all), in stored order. */
    static void streamWhere(Connection c, String where, Object[] params, Row row) throws SQLException {
        stream(c, SELECT + where + " ORDER BY t.id", params, row);
    }

    private static void stream(Connection c, String sql, Object[] params, Row row) throws SQLException {
        boolean own = c.getAutoCommit(); // a caller's transaction is left open
        if (own) c.setAutoCommit(false); // lets the driver stream with a fetch size
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(10_000);
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) row.accept(rs);
            }
        } finally {
            if (own) {
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    static void add(Columns.Builder columns, ResultSet rs) throws SQLException {
        OffsetDateTime sent = rs.getObject(4, OffsetDateTime.class), payout = rs.getObject(20, OffsetDateTime.class);
        columns.add(rs.getString(1), rs.getString(2), rs.getString(3), sent.toEpochSecond(), sent.getNano(), rs.getString(5),
                payout == null ? Columns.NO_PAYOUT : payout.toEpochSecond(), rs.getBigDecimal(6), rs.getBigDecimal(7), TransferStatus.valueOf(rs.getString(8)),
                Channel.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(23), rs.getString(24), senderSurname(rs), rs.getString(15), recipientSurname(rs), rs.getString(18));
    }

    private static TransferFact fact(ResultSet rs) throws SQLException {
        OffsetDateTime sent = rs.getObject(4, OffsetDateTime.class), payout = rs.getObject(20, OffsetDateTime.class);
        BigDecimal paid = rs.getBigDecimal(7);
        return new TransferFact(rs.getString(1), rs.getString(2), rs.getString(3), sent.toInstant(), ZoneId.of(rs.getString(5)),
                Optional.ofNullable(payout).map(OffsetDateTime::toInstant), rs.getBigDecimal(6), rs.getString(21),
                Optional.ofNullable(paid), orEmpty(rs.getString(22)), TransferStatus.valueOf(rs.getString(8)),
                Channel.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(23), rs.getString(24), senderSurname(rs), rs.getString(15), recipientSurname(rs), rs.getString(18));
    }

    private static String senderSurname(ResultSet rs) throws SQLException {
        return Names.surnameAsWritten(rs.getString(14), rs.getString(16));
    }

    private static String recipientSurname(ResultSet rs) throws SQLException {
        return Names.surnameAsWritten(rs.getString(17), rs.getString(19));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
