package org.piste.app.imports;

import java.util.Optional;

/**
 * How far an import has got and how fast it goes: the one calculation behind the CLI's progress line and the web
 * page's progress panel.
 *
 * @param seconds time since the import started
 */
public record ImportRate(long bytesRead, long totalBytes, long rowsRead, double seconds) {
    public long rowsPerSecond() {
        return Math.round(rowsRead / Math.max(1e-3, seconds));
    }

    /** Share of the file's bytes read, 0 to 1 (1 for an empty file). */
    public double fraction() {
        return totalBytes <= 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
    }

    public int percent() {
        return (int) Math.floor(fraction() * 100);
    }

    /** Seconds left at the pace so far; empty before anything was read or while the file's size is not known. */
    public Optional<Long> etaSeconds() {
        if (totalBytes <= 0) return Optional.empty();
        double f = fraction();
        return f > 0 ? Optional.of(Math.max(0, Math.round(seconds / f - seconds))) : Optional.empty();
    }
}
