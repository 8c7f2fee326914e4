package org.piste.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A file received by the investigators and imported into Piste.
 *
 * @param sha256       hex SHA-256 of the file's bytes: its identity
 * @param originalName the file name as received
 * @param receivedOn   the day the file was received (defaults to the import day)
 * @param provider     the operator, bank or agency that produced it
 * @param legalReference the legal basis, e.g. the requisition number
 * @param profile      the mapping profile used to read it
 * @param importedAt   when the import was committed
 * @param counts       what became of every row
 */
public record SourceFile(
        String sha256,
        String originalName,
        LocalDate receivedOn,
        String provider,
        String legalReference,
        String profile,
        Instant importedAt,
        RowCounts counts) {

    public SourceFile {
        Objects.requireNonNull(sha256);
        Objects.requireNonNull(originalName);
        Objects.requireNonNull(receivedOn);
        Objects.requireNonNull(provider);
        Objects.requireNonNull(legalReference);
        Objects.requireNonNull(profile);
        Objects.requireNonNull(importedAt);
        Objects.requireNonNull(counts);
    }
}
