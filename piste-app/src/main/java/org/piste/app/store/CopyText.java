package org.piste.app.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import org.postgresql.copy.CopyManager;

/**
 * Builds rows in PostgreSQL's COPY text format (tab-separated, backslash escapes, \N for NULL):
 * the fastest way to bulk-load through pgjdbc's CopyManager.
 */
public final class CopyText {
    private final StringBuilder row = new StringBuilder(1024);
    private boolean first = true;

    public CopyText text(String value) {
        separator();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                case '\0' -> row.append("\\\\0"); // PostgreSQL text cannot hold NUL: kept visibly as \0
                default -> row.append(c);
            }
        }
        return this;
    }

    public CopyText number(long value) {
        separator();
        row.append(value);
        return this;
    }

    public CopyText nullValue() {
        separator();
        row.append("\\N");
        return this;
    }

    public CopyText optional(java.util.Optional<?> value) {
        return value.isPresent() ? text(value.get().toString()) : nullValue();
    }

    /** Ends the row and appends it to {@code out}; the builder is then empty. */
    public void endRowTo(StringBuilder out) {
        out.append(row).append('\n');
        row.setLength(0);
        first = true;
    }

    /** Sends the rows built so far to {@code COPY table FROM STDIN} and empties them. */
    public static void copyIn(CopyManager copy, String table, StringBuilder rows) throws SQLException {
        copyIn(copy, table, rows, "");
    }

    /** As {@link #copyIn(CopyManager, String, StringBuilder)}, with COPY options (" WITH (...)"). */
    public static void copyIn(CopyManager copy, String table, StringBuilder rows, String options) throws SQLException {
        if (rows.isEmpty()) return;
        try {
            copy.copyIn("COPY " + table + " FROM STDIN" + options, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("cannot write " + table + ": " + e.getMessage(), e);
        }
        rows.setLength(0);
    }

    private void separator() {
        if (!first) row.append('\t');
        first = false;
    }
}
