package org.piste.model;

/**
 * What became of the rows of one file. Always reconciles: {@code read == accepted + quarantined + duplicates}.
 */
public record RowCounts(long read, long accepted, long quarantined, long duplicates) {
    public RowCounts {
        if (read != accepted + quarantined + duplicates) {
            throw new IllegalStateException("row counts do not reconcile: read " + read + " != accepted " + accepted
                    + " + quarantined " + quarantined + " + duplicates " + duplicates);
        }
    }
}
