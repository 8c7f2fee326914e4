package org.piste.app.imports;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What to import and how.
 *
 * @param file      the file as received
 * @param profile   a built-in profile name or the path of a profile file
 * @param provider  the provider, overriding the profile's and the file's; empty for none
 * @param legalReference the legal basis (requisition number...); may be empty
 * @param receivedOn the day the file was received; empty means today
 * @param encoding  overrides the profile's encoding
 * @param dryRun    read and check everything, store nothing
 * @param bulkLoad  a first load while nothing else uses the database: the search indexes are built once after the rows
 *                  ({@link org.piste.app.store.BulkWrite}); searches and audited actions wait for the import's end
 */
public record ImportRequest(Path file, String profile, String provider, String legalReference,
        Optional<LocalDate> receivedOn, Optional<Charset> encoding, boolean dryRun, boolean bulkLoad) {
    public ImportRequest {
        Objects.requireNonNull(file);
        Objects.requireNonNull(profile);
        Objects.requireNonNull(provider);
        Objects.requireNonNull(legalReference);
        Objects.requireNonNull(receivedOn);
        Objects.requireNonNull(encoding);
    }

    public ImportRequest(Path file, String profile, String provider, String legalReference, Optional<LocalDate> receivedOn,
            Optional<Charset> encoding, boolean dryRun) {
        this(file, profile, provider, legalReference, receivedOn, encoding, dryRun, false);
    }

    public static ImportRequest of(Path file, String profile) {
        return new ImportRequest(file, profile, "", "", Optional.empty(), Optional.empty(), false, false);
    }

    public ImportRequest withProvider(String p) {
        return new ImportRequest(file, profile, p, legalReference, receivedOn, encoding, dryRun, bulkLoad);
    }

    public ImportRequest withLegalReference(String r) {
        return new ImportRequest(file, profile, provider, r, receivedOn, encoding, dryRun, bulkLoad);
    }

    public ImportRequest asDryRun() {
        return new ImportRequest(file, profile, provider, legalReference, receivedOn, encoding, true, bulkLoad);
    }

    public ImportRequest asBulkLoad() {
        return new ImportRequest(file, profile, provider, legalReference, receivedOn, encoding, dryRun, true);
    }
}
