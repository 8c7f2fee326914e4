package org.piste.app.victims;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The JDBC shapes this feature needs (a list of rows, an insert's id, an update), in the caller's transaction. */
final class Rows {
    private Rows() {}

    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            try (ResultSet rs = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(row.read(rs));
                return out;
            }
        }
    }

    static long insert(Connection c, String sql, Object... params) throws SQLException {
        return list(c, sql, rs -> rs.getLong(1), params).getFirst();
    }

    static Optional<LocalDate> date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? Optional.empty() : Optional.of(d.toLocalDate());
    }

    static Object sqlDate(Optional<LocalDate> d) {
        return d.map(Date::valueOf).orElse(null);
    }
}
