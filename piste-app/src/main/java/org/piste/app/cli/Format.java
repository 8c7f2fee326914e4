package org.piste.app.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;
import org.piste.app.imports.ImportOutcome;
import org.piste.app.imports.SourceRecord;
import org.piste.ingest.Importer;
import org.piste.ingest.RejectReason;
import org.piste.ingest.Rejection;
import org.piste.ingest.ValueSetAside;
import org.piste.model.RowCounts;

/** How the CLI prints import results: one place, so import and demo say the same thing. */
public final class Format {
    private Format() {}

    public static void outcome(PrintWriter out, ImportOutcome outcome) {
        switch (outcome) {
            case ImportOutcome.AlreadyImported(SourceRecord s) -> out.printf(
                    "Already imported as source #%d on %s (sha256 %s): nothing to do.%n", s.id(),
                    s.file().importedAt(), s.file().sha256());
            case ImportOutcome.Imported(SourceRecord s, Importer.Result r) -> {
                out.printf("Imported %s as source #%d (sha256 %s, profile %s).%n", s.file().originalName(), s.id(),
                        s.file().sha256(), s.file().profile());
                summary(out, r);
            }
            case ImportOutcome.DryRun(String sha, Importer.Result r) -> {
                out.printf("Dry run (sha256 %s): nothing was stored.%n", sha);
                summary(out, r);
            }
        }
        out.flush();
    }

    public static void summary(PrintWriter out, Importer.Result r) {
        RowCounts c = r.counts();
        out.printf("  rows read     %,12d%n", c.read());
        out.printf("  accepted      %,12d%n", c.accepted());
        out.printf("  quarantined   %,12d%s%n", c.quarantined(), reasons(r.byReason(), false));
        out.printf("  duplicates    %,12d%n", c.duplicates());
        setAside(out, r.setAside());
        if (!r.firstProblems().isEmpty()) {
            out.println("First problems:");
            for (Rejection p : r.firstProblems()) {
                out.printf("  line %-8d %-22s %s%n", p.line(), p.reason(), p.detail());
            }
        }
    }

    /** Values of accepted rows kept as written but not used, by kind; nothing when there are none. */
    static void setAside(PrintWriter out, Map<ValueSetAside, Long> setAside) {
        if (setAside.isEmpty()) return;
        out.println("Values kept as written but not used (docs/resolution.md):");
        setAside.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.printf("  %-52s %,10d%n", e.getKey().label(), e.getValue()));
    }

    private static String reasons(Map<RejectReason, Long> byReason, boolean duplicates) {
        String list = byReason.entrySet().stream()
                .filter(e -> (e.getKey() == RejectReason.DUPLICATE_REFERENCE) == duplicates)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return list.isEmpty() ? "" : "   (" + list + ")";
    }
}
