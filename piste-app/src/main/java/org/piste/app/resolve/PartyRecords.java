package org.piste.app.resolve;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import org.piste.app.store.Cursors;
import org.piste.model.RecordId;
import org.piste.model.Side;
import org.piste.resolve.PersonRecord;
import org.piste.resolve.PersonRecords;

/**
 * Reads the sender and recipient of every stored transfer as the resolver's person records, each in its transfer's
 * context ({@link PersonRecords#inContext}): the sender with the send place and the recipient as counterpart, the
 * recipient with the payout place and the sender as counterpart.
 * <p>
 * Reads the transfer table, not the party_record view: one row gives both parties and each one's counterpart, where
 * the view gives two rows to sort back into pairs (on 566k transfers the view's scan in this order took 3.2-3.7 s
 * against 2.4-3.0 s, before any pairing).
 */
final class PartyRecords {
    private static final String[] SIDES = {"sender_", "recipient_"};
    /** The first column of the parties' fields: after the transfer id and the send and payout places. */
    private static final int PLACES = 6;
    private static final String[] FIELDS = {"given_names", "middle_name", "surname", "full_name", "birth_date",
            "id_number_norm", "phone_e164", "phone", "email", "address", "postcode", "city", "country_code", "country"};

    private PartyRecords() {}

    /** All party records, in transfer order, the sender before the recipient. */
    static List<PersonRecord> all(Connection c) throws SQLException {
        return streamed(c, records -> {
            List<PersonRecord> all = new ArrayList<>();
            records.forEachRemaining(all::add);
            return all;
        });
    }

    /**
     * All party records, in the order of {@link #all}, handed to {@code use} as they stream from the database: a
     * resolution of millions of records need not hold them all. The iterator is valid only during the call.
     */
    static <T> T streamed(Connection c, Function<Iterator<PersonRecord>, T> use) throws SQLException {
        return streamed(c, "", List.of(), use);
    }

    /**
     * The party records of the transfers {@code where} selects (a condition on transfer t, with its parameters), in
     * the order of {@link #all}, handed to {@code use} as they stream.
     */
    static <T> T streamed(Connection c, String where, List<Object> params, Function<Iterator<PersonRecord>, T> use)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, send_city, send_agency, payout_city, payout_agency");
        for (String side : SIDES) for (String f : FIELDS) sql.append(", ").append(side).append(f);
        sql.append(" FROM transfer t ").append(where.isEmpty() ? "" : "WHERE " + where).append(" ORDER BY id");
        return Cursors.streaming(c, () -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    return use.apply(new Rows(rs));
                } catch (UncheckedSqlException e) {
                    throw e.getCause();
                }
            }
        });
    }

    /** Each transfer row's sender, then its recipient. */
    private static final class Rows implements Iterator<PersonRecord> {
        private final ResultSet rs;
        private final Map<Object, Object> pool = new HashMap<>(); // a person's many rows share one copy of each value
        private PersonRecord recipient;
        private boolean ahead;
        private boolean more;

        Rows(ResultSet rs) {
            this.rs = rs;
        }

        @Override
        public boolean hasNext() {
            if (recipient != null) return true;
            if (!ahead) {
                try {
                    more = rs.next();
                } catch (SQLException e) {
                    throw new UncheckedSqlException(e);
                }
                ahead = true;
            }
            return more;
        }

        @Override
        public PersonRecord next() {
            if (!hasNext()) throw new NoSuchElementException();
            if (recipient != null) {
                PersonRecord r = recipient;
                recipient = null;
                return r;
            }
            ahead = false;
            try {
                long transfer = rs.getLong(1);
                String senderId = new RecordId(transfer, Side.SENDER).toString(),
                        recipientId = new RecordId(transfer, Side.RECIPIENT).toString();
                PersonRecord sender = PersonRecords.inContext(record(senderId, rs, PLACES), text(rs, 2), text(rs, 3),
                        recipientId);
                PersonRecord payee = PersonRecords.inContext(record(recipientId, rs, PLACES + FIELDS.length), text(rs, 4),
                        text(rs, 5), senderId);
                recipient = PersonRecords.sharingValues(payee, pool);
                return PersonRecords.sharingValues(sender, pool);
            } catch (SQLException e) {
                throw new UncheckedSqlException(e);
            }
        }
    }

    /** A database error thrown through an iterator; unwrapped by {@link #streamed}. */
    private static final class UncheckedSqlException extends RuntimeException {
        UncheckedSqlException(SQLException e) {
            super(e);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    private static PersonRecord record(String id, ResultSet rs, int first) throws SQLException {
        int i = first;
        String given = text(rs, i++), middle = text(rs, i++), surname = text(rs, i++), full = text(rs, i++);
        Optional<LocalDate> birth = Optional.ofNullable(rs.getObject(i++, LocalDate.class));
        String idNumber = text(rs, i++);
        String e164 = text(rs, i++), phone = text(rs, i++);
        String email = text(rs, i++), address = text(rs, i++), postcode = text(rs, i++), city = text(rs, i++);
        String countryCode = text(rs, i++).strip(), country = text(rs, i);
        return new PersonRecord(id, given, middle, surname, full, birth, idNumber,
                e164.isEmpty() ? phone.replaceAll("[^0-9+]", "") : e164, email, address, postcode, city,
                countryCode.isEmpty() ? country : countryCode);
    }

    private static String text(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? "" : s;
    }
}
