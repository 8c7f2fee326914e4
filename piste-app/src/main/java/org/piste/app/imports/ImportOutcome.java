package org.piste.app.imports;

import org.piste.ingest.Importer;

/** What an import did. */
public sealed interface ImportOutcome {
    /** The file (same SHA-256) was imported before: nothing was done. */
    record AlreadyImported(SourceRecord existing) implements ImportOutcome {}

    /** The file was read and stored in one transaction. */
    record Imported(SourceRecord source, Importer.Result result) implements ImportOutcome {}

    /** The file was read and checked; nothing was stored. */
    record DryRun(String sha256, Importer.Result result) implements ImportOutcome {}
}
