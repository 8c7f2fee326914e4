package org.piste.app.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One JDBC transaction around a piece of work: committed if it returns, rolled back if it throws; or a read-only one
 * that sees a single snapshot.
 */
public final class Transactions {
    private Transactions() {}

    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs the work; a database failure becomes an IllegalStateException saying what could not be done. */
    public static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
        return run(dataSource, what, false, work);
    }

    /**
     * Runs reads on one connection in one read-only transaction at REPEATABLE READ: every query sees the database as
     * it was at the first one, so a page built of several queries never mixes two resolution runs committed between
     * them. The pool resets the connection's isolation and read-only flag when it is returned.
     */
    public static <T> T inSnapshot(DataSource dataSource, String what, Work<T> work) {
        return run(dataSource, what, true, work);
    }

    private static <T> T run(DataSource dataSource, String what, boolean snapshot, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (snapshot) {
                c.setReadOnly(true);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
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
