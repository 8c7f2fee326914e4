package org.piste.app.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditLog;
import org.piste.app.store.Database;
import org.piste.app.store.Transactions;
import org.piste.model.Money;
import org.piste.model.RowRef;

/** Reads stored transfers for display, each with its provenance. */
public final class TransferRepository {
    private final Database database;
    private final AuditLog audit;

    public TransferRepository(Database database) {
        this.database = database;
        this.audit = new AuditLog(database.dataSource());
    }

    /** A stored transfer as a line of a listing. */
    public record Row(RowRef source, String provider, String reference, String status, ZonedDateTime sentAtLocal,
            Money sent, Optional<Money> paid, String senderName, String recipientName, String payoutCity) {}

    /** The first stored transfers (of one source, or all), the listing audited for the actor. */
    public List<Row> list(Actor actor, Optional<Long> sourceId, int limit) {
        List<Row> rows = list(sourceId, limit);
        return audit.shown(actor, "transfers.list", sourceId.map(id -> "source:" + id).orElse("transfers"),
                "limit " + limit + " rows=" + rows.size(), rows);
    }

    /**
     * One transfer whole ({@link TransferDetail}), read in one snapshot, the view audited for the actor: it shows
     * both parties' names, documents and phone numbers. Empty (and nothing audited) for an unknown id.
     */
    public Optional<TransferDetail> find(Actor actor, long id) {
        Optional<TransferDetail> found = Transactions.inSnapshot(database.dataSource(), "read the transfer",
                c -> TransferDetails.read(c, id));
        return found.isEmpty() ? found : audit.shown(actor, "transfer.view", "transfer:" + id,
                found.get().source().row().toString(), found);
    }

    private List<Row> list(Optional<Long> sourceId, int limit) {
        String sql = "SELECT s.sha256, t.line_no, t.provider, t.reference, t.status, t.send_at, t.send_zone, "
                + "t.sent_amount, t.sent_currency, t.paid_amount, t.paid_currency, t.sender_name_norm, "
                + "t.recipient_name_norm, t.payout_city FROM transfer t JOIN source_file s ON s.id = t.source_id "
                + (sourceId.isPresent() ? "WHERE t.source_id = ? " : "") + "ORDER BY t.source_id, t.line_no LIMIT ?";
        List<Row> rows = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (sourceId.isPresent()) ps.setLong(i++, sourceId.get());
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ZoneId zone = ZoneId.of(rs.getString(7));
                    BigDecimal paid = rs.getBigDecimal(10);
                    rows.add(new Row(new RowRef(rs.getString(1), rs.getLong(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5),
                            rs.getObject(6, java.time.OffsetDateTime.class).atZoneSameInstant(zone),
                            new Money(rs.getBigDecimal(8), java.util.Currency.getInstance(rs.getString(9))),
                            paid == null ? Optional.empty()
                                    : Optional.of(new Money(paid, java.util.Currency.getInstance(rs.getString(11)))),
                            rs.getString(12), rs.getString(13), rs.getString(14)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read transfers: " + e.getMessage(), e);
        }
        return rows;
    }
}
