package org.piste.app.resolve;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.piste.resolve.PersonRecord;
import org.piste.resolve.PersonRecords;

/** Reads the sender and recipient of every stored transfer as the resolver's person records. */
final class PartyRecords {
    private static final String[] SIDES = {"sender_", "recipient_"};
    private static final String[] FIELDS = {"given_names", "middle_name", "surname", "full_name", "birth_date",
            "id_number_norm", "phone_e164", "phone", "email", "address", "postcode", "city", "country_code", "country"};

    private PartyRecords() {}

    /** All party records, in transfer order, the sender before the recipient. */
    static List<PersonRecord> all(Connection c) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id");
        for (String side : SIDES) for (String f : FIELDS) sql.append(", ").append(side).append(f);
        sql.append(" FROM transfer ORDER BY id");
        List<PersonRecord> records = new ArrayList<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false); // lets the driver stream with a fetch size
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                Map<Object, Object> pool = new HashMap<>(); // a person's many rows share one copy of each value
                while (rs.next()) {
                    long transfer = rs.getLong(1);
                    records.add(PersonRecords.sharingValues(record(RecordIds.sender(transfer), rs, 2), pool));
                    records.add(PersonRecords.sharingValues(record(RecordIds.recipient(transfer), rs, 2 + FIELDS.length), pool));
                }
            }
        } finally {
            c.commit();
            c.setAutoCommit(autoCommit);
        }
        return records;
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
