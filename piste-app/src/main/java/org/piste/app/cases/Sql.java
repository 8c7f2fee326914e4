package org.piste.app.cases;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC shapes the case stores need (cases and what hangs off them): a list of rows, an optional row, an
 * update, an insert's id, an optional date either way.
 */
public final class Sql {
    private Sql() {}

    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(row.read(rs));
            return out;
        }
    }

    public static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        List<T> rows = list(c, sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        }
    }

    /** Runs an INSERT ... RETURNING id. */
    public static long insert(Connection c, String sql, Object... params) throws SQLException {
        return one(c, sql, rs -> rs.getLong(1), params).orElseThrow();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    /** A nullable date column as an Optional. */
    public static Optional<LocalDate> date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? Optional.empty() : Optional.of(d.toLocalDate());
    }

    /** An optional date as a parameter (SQL NULL when absent). */
    public static Object sqlDate(Optional<LocalDate> d) {
        return d.map(Date::valueOf).orElse(null);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }
}
