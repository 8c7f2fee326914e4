package org.piste.app.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.piste.app.entities.EntityNames;
import org.piste.app.resolve.CurrentEntities;
import org.piste.model.Money;
import org.piste.model.RowRef;
import org.piste.normal.Zones;

/** Reads one {@link TransferDetail} inside the caller's (snapshot) transaction. */
final class TransferDetails {

    private TransferDetails() {}

    static Optional<TransferDetail> read(Connection c, long id) throws SQLException {
        String sql = "SELECT t.provider, t.reference, t.status, t.status_raw, t.channel, t.channel_raw, t.send_at, "
                + "t.send_zone, t.payout_at, t.payout_zone, t.send_country, coalesce(t.send_country_code, ''), t.send_city, "
                + "t.send_agency, t.payout_country, coalesce(t.payout_country_code, ''), t.payout_city, t.payout_agency, "
                + "t.sent_amount, t.sent_currency, t.fee_amount, t.fee_currency, t.rate, t.paid_amount, t.paid_currency, "
                + "t.purpose, t.raw_text, t.line_no, s.sha256, s.original_name, s.provider, s.legal_reference, "
                + "s.received_on, s.imported_at FROM transfer t JOIN source_file s ON s.id = t.source_id WHERE t.id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                RowRef row = new RowRef(rs.getString(29), rs.getLong(28));
                var sent = moment(rs.getObject(7, OffsetDateTime.class), rs.getString(8));
                OffsetDateTime payoutAt = rs.getObject(9, OffsetDateTime.class);
                String payoutZone = rs.getString(10);
                Optional<TransferDetail.Moment> paidOut = payoutAt == null ? Optional.empty()
                        : Optional.of(moment(payoutAt, payoutZone == null ? rs.getString(8) : payoutZone));
                var source = new TransferDetail.Source(row, rs.getString(30), rs.getString(31), rs.getString(32),
                        rs.getObject(33, LocalDate.class), TransferDetail.Moment.minutes(rs.getObject(34, OffsetDateTime.class).toInstant(), Zones.PARIS));
                return Optional.of(new TransferDetail(id, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), sent, paidOut,
                        new TransferDetail.Place(rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14)),
                        new TransferDetail.Place(rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18)),
                        new Money(rs.getBigDecimal(19), Currency.getInstance(rs.getString(20))),
                        money(rs.getBigDecimal(21), rs.getString(22)), Optional.ofNullable(rs.getBigDecimal(23)),
                        money(rs.getBigDecimal(24), rs.getString(25)), rs.getString(26), parties(c, id), source,
                        rs.getString(27), duplicates(c, id)));
            }
        }
    }

    private static TransferDetail.Moment moment(OffsetDateTime at, String zone) {
        return TransferDetail.Moment.of(at.toInstant(), zone);
    }

    private static Optional<Money> money(BigDecimal amount, String currency) {
        return amount == null || currency == null ? Optional.empty()
                : Optional.of(new Money(amount, Currency.getInstance(currency.strip())));
    }

    /** Both party records from the party_record view, sender first, with their current entity. */
    private static List<TransferDetail.Party> parties(Connection c, long id) throws SQLException {
        String sql = "SELECT p.side, p.record_id, m.entity_id, p.given_names, p.middle_name, p.surname, p.full_name, "
                + "p.name_norm, p.birth_date_raw, coalesce(p.birth_date::text, ''), p.id_type, p.id_number, "
                + "p.id_number_norm, p.phone, coalesce(p.phone_e164, ''), p.email, p.address, p.postcode, p.city, "
                + "p.country, coalesce(p.country_code, '') FROM party_record p" + CurrentEntities.joinRecord("m", "p.record_id")
                + " WHERE p.transfer_id = ? ORDER BY p.side DESC";
        List<String[]> rows = new ArrayList<>();
        List<String> entities = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] r = new String[21];
                    for (int i = 0; i < r.length; i++) r[i] = rs.getString(i + 1);
                    rows.add(r);
                    if (r[2] != null) entities.add(r[2]);
                }
            }
        }
        Map<String, String> names = EntityNames.shown(c, entities);
        List<TransferDetail.Party> parties = new ArrayList<>();
        for (String[] r : rows) {
            Optional<String> entity = Optional.ofNullable(r[2]);
            parties.add(new TransferDetail.Party(r[0].strip(), r[1], entity, entity.map(names::get), List.of(
                    field("givenNames", r[3], ""), field("middleName", r[4], ""), field("surname", r[5], ""),
                    field("fullName", r[6], r[7]), field("birthDate", r[8], r[9]), field("idType", r[10], ""),
                    field("idNumber", r[11], r[12]), field("phone", r[13], r[14]), field("email", r[15], ""),
                    field("address", r[16], ""), field("postcode", r[17], ""), field("city", r[18], ""),
                    field("country", r[19], r[20]))));
        }
        return parties;
    }

    private static TransferDetail.Field field(String name, String written, String normalised) {
        return new TransferDetail.Field(name, written, normalised);
    }

    /**
     * Rows rejected as repeating this transfer: in its own file, by the line the importer recorded; in a later file
     * of the same provider, by the reference (as SourceRepository finds a duplicate's original).
     */
    private static List<TransferDetail.Duplicate> duplicates(Connection c, long id) throws SQLException {
        String sql = "SELECT rs.sha256, r.line_no, rs.original_name FROM transfer t JOIN source_file s ON s.id = t.source_id "
                + "JOIN row_rejection r ON r.kind = 'DUPLICATE' AND ((r.source_id = t.source_id AND r.duplicate_of_line = t.line_no) "
                + "OR (r.duplicate_of_line IS NULL AND r.reference = t.reference AND r.source_id <> t.source_id)) "
                + "JOIN source_file rs ON rs.id = r.source_id AND rs.provider = t.provider WHERE t.id = ? ORDER BY r.source_id, r.line_no";
        List<TransferDetail.Duplicate> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) found.add(new TransferDetail.Duplicate(new RowRef(rs.getString(1), rs.getLong(2)), rs.getString(3)));
            }
        }
        return found;
    }
}
