package org.piste.ingest;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/** Streams the records of one input file, header first. */
public interface RowSource extends Closeable {
    /** The header row; empty for an empty file. */
    Optional<RawRow> header();

    /** The next record after the header, or empty at the end. */
    Optional<RawRow> next();

    /** The record as text, for quarantine: fields re-joined in the input's own syntax. */
    String rawText(RawRow row);

    /** How far the reading has come, in bytes of the file. */
    long bytesRead();

    static List<String> headerNames(RawRow header) {
        return List.of(header.fields());
    }
}
