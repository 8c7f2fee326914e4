package org.piste.app.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The few JDBC shapes the case store needs: a list of rows, an optional row, an update, an insert's id. */
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
