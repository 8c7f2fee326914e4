package org.piste.app.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One JDBC transaction around a piece of work: committed if it returns, rolled back if it throws. */
public final class Transactions {
    private Transactions() {}

    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs the work; a database failure becomes an IllegalStateException saying what could not be done. */
    public static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
