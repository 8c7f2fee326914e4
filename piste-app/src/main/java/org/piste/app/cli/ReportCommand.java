package org.piste.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.piste.app.report.ReportParams;
import org.piste.app.report.ReportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes a case's financial-analysis report (rapport d'analyse financière) as a PDF, from a frozen",
                "snapshot of the case: the same snapshot always gives the same file. See docs/cases.md."},
        subcommands = ReportVerifyCommand.class)
public final class ReportCommand extends ConsoleCommand {

    @Parameters(paramLabel = "CASE", arity = "0..1", description = "The case number.")
    Long caseId;

    @Option(names = "--subject", paramLabel = "RECORD", description = "Only this subject of the case (its record, e.g. 12:R).")
    String subject;

    @Option(names = "--as-of", paramLabel = "TIMESTAMP",
            description = "Decisions and imports up to this time, e.g. 2026-03-01T18:00:00Z (default: now).")
    String asOf;

    @Option(names = "--snapshot", paramLabel = "ID", description = "Render this stored snapshot again (same bytes).")
    Long snapshot;

    @Option(names = "--lang", paramLabel = "fr|en", defaultValue = "fr", description = "The report's language (default: fr).")
    String lang;

    @Option(names = "--out", paramLabel = "FILE.pdf", description = "Where to write the PDF (required).")
    Path outFile;

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.read("/cases/" + (caseId == null ? 0 : caseId) + "/report");
    }

    @Override
    int run() throws Exception {
        if (caseId == null && snapshot == null) throw new IllegalArgumentException("give the case number (or --snapshot ID)");
        if (outFile == null) throw new IllegalArgumentException("give the file to write: --out FILE.pdf");
        Locale locale = switch (lang.strip().toLowerCase(Locale.ROOT)) {
            case "fr" -> Locale.FRANCE;
            case "en" -> Locale.ENGLISH;
            default -> throw new IllegalArgumentException("--lang is fr or en, was '" + lang + "'");
        };
        long started = System.nanoTime();
        ReportService reports = main.services().reportService();
        ReportService.Issued issued = snapshot == null
                ? reports.report(main.actor(), caseId, Optional.ofNullable(subject), ReportParams.asOf(asOf), locale)
                : caseId == null ? reports.reissue(main.actor(), snapshot, locale)
                : reports.reissue(main.actor(), caseId, snapshot, locale);
        Files.write(outFile, issued.pdf());
        double total = (System.nanoTime() - started) / 1e9;
        out.printf("Report of case %s written to %s%n", issued.caseReference(), outFile);
        out.printf("  snapshot %d  sha256 %s%n", issued.snapshotId(), issued.snapshotSha256());
        out.printf("  pdf      sha256 %s  %d pages  %,d bytes%n", issued.pdfSha256(), issued.pages(), issued.pdf().length);
        out.printf(Locale.ROOT, "  time     snapshot %.3f s  render %.3f s  total %.3f s%n", issued.snapshotSeconds(),
                issued.renderSeconds(), total);
        out.flush();
        return 0;
    }
}
