package org.piste.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.piste.app.pipeline.Refresh;
import org.piste.app.resolve.ResolutionService;
import org.piste.resolve.BlockingReport;

/** How the CLI prints resolution runs: the full report of 'piste resolve' and the one line of import and demo. */
final class ResolutionFormat {
    private ResolutionFormat() {}

    static void report(PrintWriter out, ResolutionService.Summary s) {
        out.printf("Resolution run #%d: %s (%s), %.1f s.%n", s.runId(), s.mode().name().toLowerCase(Locale.ROOT),
                s.note(), s.took().toMillis() / 1000.0);
        out.printf("  records           %,12d   (%,d not resolved before)%n", s.records(), s.newRecords());
        out.printf("  entities          %,12d   (%,d with more than one record)%n", s.entities(), s.multiRecordEntities());
        BlockingReport b = s.blocking();
        out.printf("  candidate pairs   %,12d   (reduction ratio %.6f)%n", b.candidatePairs(), b.reductionRatio());
        if (!b.oversizedBlocksByKind().isEmpty()) {
            out.printf("  blocks left out   %12s   (over %d records each: %s)%n", "",
                    b.blockCap(), b.oversizedBlocksByKind().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        out.printf("  links             %,12d%n", s.links());
        s.notCompared().forEach((kind, n) -> out.printf("  not compared      %,12d   (%s: records carrying one, value kept as written)%n",
                n, kind.label()));
        out.printf("  analyst decisions %,12d%n", s.decisions());
        out.flush();
    }

    /**
     * The learned model's warnings, always (the links rest on its numbers), and the whole model on request; on stderr
     * for warnings, so that a script reading the output still sees them.
     */
    static void model(PrintWriter out, org.piste.resolve.MatchModel model, boolean show) {
        model(out, model.describe(), model.warnings(), show);
    }

    static void model(PrintWriter out, ResolutionService.Summary s, boolean show) {
        model(out, s.model(), s.modelWarnings(), show);
    }

    private static void model(PrintWriter out, String description, java.util.List<String> warnings, boolean show) {
        if (show) {
            out.println("Match model:");
            out.print(description.lines().filter(l -> !l.startsWith("warning: ")).map(l -> "  " + l + "\n")
                    .collect(Collectors.joining()));
        }
        out.flush();
        warnings.forEach(w -> System.err.println("piste: warning: match model: " + w));
    }

    static String line(ResolutionService.Summary s) {
        return String.format("Resolution (run #%d, %s: %s): %,d party records -> %,d entities (%,d with more than one "
                + "record), %,d links, %.1f s.", s.runId(), s.mode().name().toLowerCase(Locale.ROOT), s.note(),
                s.records(), s.entities(), s.multiRecordEntities(), s.links(), s.took().toMillis() / 1000.0);
    }

    /**
     * What the refresh after a change did (the new records resolved incrementally, then screening again), in two
     * lines. The change itself is already stored; a failure here is a warning with the command that finishes the job.
     */
    static void refreshed(PrintWriter out, Refresh.Outcome o) {
        out.println(o.resolution().map(ResolutionFormat::line).orElse(o.warning().isPresent() ? ""
                : "Resolution: no transfer stored, nothing to resolve."));
        o.resolution().ifPresent(r -> model(out, r, false));
        o.screening().ifPresent(run -> ScreenCommand.summary(out, run));
        out.flush();
        o.warning().ifPresent(w -> System.err.println("piste: warning: " + w));
    }
}
