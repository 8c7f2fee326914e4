package org.piste.app.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Reads that stream through a cursor: the driver streams with a fetch size only inside a transaction. */
public final class Cursors {
    private Cursors() {}

    /** A read on the connection. */
    @FunctionalInterface
    public interface Read<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code read} inside the caller's transaction, or, on a connection in autocommit, inside one of its own,
     * ended after it (a read writes nothing) with autocommit restored.
     */
    public static <T> T streaming(Connection c, Read<T> read) throws SQLException {
        boolean own = c.getAutoCommit();
        if (own) c.setAutoCommit(false);
        try {
            return read.run();
        } finally {
            if (own) {
                try {
                    c.rollback();
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }
    }
}
