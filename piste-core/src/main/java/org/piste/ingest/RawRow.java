package org.piste.ingest;

import java.util.Objects;

/**
 * One record of an input file before interpretation: the physical line on which it starts (for a
 * spreadsheet, its row number) and its fields. A quoted field may span several lines.
 */
public record RawRow(long line, String[] fields) {
    public RawRow {
        Objects.requireNonNull(fields);
    }

    public String field(int index) {
        return index < fields.length ? fields[index] : "";
    }

    /** True for a line with nothing on it. */
    public boolean isBlank() {
        return fields.length == 0 || (fields.length == 1 && fields[0].isBlank());
    }
}
