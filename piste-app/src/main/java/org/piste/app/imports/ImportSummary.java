package org.piste.app.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.piste.ingest.Importer;
import org.piste.ingest.RejectReason;
import org.piste.ingest.ValueSetAside;
import org.piste.model.RowCounts;

/**
 * What an import did, as pages and API answers show it: the counts (which reconcile), the reasons rows were
 * set aside, the first problems (line, reason, detail; raw rows stay in the quarantine) and the values of accepted
 * rows kept as written but not used (a placeholder date of birth), by kind.
 *
 * @param sourceId   the stored source: the new one, or the one imported before; empty for a dry run
 * @param importedAt when the stored source was imported
 */
public record ImportSummary(Kind kind, String sha256, Optional<Long> sourceId, Optional<Instant> importedAt,
        RowCounts counts, boolean reconciles, Map<RejectReason, Long> byReason, List<Problem> firstProblems,
        Map<ValueSetAside, Long> setAside) {

    public enum Kind { IMPORTED, ALREADY_IMPORTED, DRY_RUN }

    public record Problem(long line, RejectReason reason, String detail) {}

    public ImportSummary {
        byReason = Map.copyOf(byReason);
        firstProblems = List.copyOf(firstProblems);
        setAside = Map.copyOf(setAside);
    }

    public static ImportSummary of(ImportOutcome outcome) {
        return switch (outcome) {
            case ImportOutcome.Imported(SourceRecord s, Importer.Result r) ->
                    of(Kind.IMPORTED, s.file().sha256(), Optional.of(s), r);
            case ImportOutcome.DryRun(String sha256, Importer.Result r) -> of(Kind.DRY_RUN, sha256, Optional.empty(), r);
            case ImportOutcome.AlreadyImported(SourceRecord s) -> new ImportSummary(Kind.ALREADY_IMPORTED,
                    s.file().sha256(), Optional.of(s.id()), Optional.of(s.file().importedAt()), s.file().counts(),
                    reconcile(s.file().counts()), Map.of(), List.of(), Map.of());
        };
    }

    private static ImportSummary of(Kind kind, String sha256, Optional<SourceRecord> source, Importer.Result r) {
        return new ImportSummary(kind, sha256, source.map(SourceRecord::id), source.map(s -> s.file().importedAt()),
                r.counts(), reconcile(r.counts()), r.byReason(), r.firstProblems().stream()
                        .map(p -> new Problem(p.line(), p.reason(), p.detail())).toList(), r.setAside());
    }

    /** Stated, not assumed: pages say whether read = accepted + quarantined + duplicates. */
    public static boolean reconcile(RowCounts c) {
        return c.read() == c.accepted() + c.quarantined() + c.duplicates();
    }
}
