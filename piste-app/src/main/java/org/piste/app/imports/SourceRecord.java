package org.piste.app.imports;

import java.util.Objects;
import org.piste.model.SourceFile;

/** A stored source file with its database id. */
public record SourceRecord(long id, SourceFile file) {
    public SourceRecord {
        Objects.requireNonNull(file);
    }
}
