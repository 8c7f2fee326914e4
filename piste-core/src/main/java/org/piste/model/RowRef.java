package org.piste.model;

import java.util.Objects;

/**
 * Where a value came from: the SHA-256 of the source file and the physical line (1-based) on which
 * its record starts. For spreadsheets the line is the sheet's row number.
 */
public record RowRef(String sourceSha256, long line) {
    public RowRef {
        Objects.requireNonNull(sourceSha256, "sourceSha256");
        if (line < 1) throw new IllegalArgumentException("line must be >= 1, was " + line);
    }

    @Override
    public String toString() {
        return sourceSha256.substring(0, Math.min(12, sourceSha256.length())) + ":" + line;
    }
}
