package org.piste.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.piste.ingest.Hashing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Says whether Piste issued a report PDF, by the file's SHA-256 (kept in the audit trail when it",
                "was issued; the footer prints the snapshot's): which case, snapshot and when."})
public final class ReportVerifyCommand extends ConsoleCommand {

    @Parameters(paramLabel = "FILE.pdf", description = "The report file to check.")
    Path file;

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.read("/cases");
    }

    @Override
    int run() throws Exception {
        byte[] pdf = Files.readAllBytes(file);
        String sha = Hashing.sha256(pdf);
        var found = main.services().reportService().verify(main.actor(), pdf);
        if (found.isEmpty()) {
            out.printf("%s (sha256 %s) was NOT issued by Piste: no report with this SHA-256.%n", file, sha);
            out.flush();
            return 1;
        }
        var p = found.get();
        if (p.caseReference().isEmpty()) { // someone outside the case learns only that Piste issued the file, and when
            out.printf("%s (sha256 %s) was issued by Piste on %s, for a case you may not see.%n", file, sha, p.madeAt());
            out.flush();
            return 0;
        }
        out.printf("%s (sha256 %s) was issued by Piste on %s by %s (issue %d, %d pages, %s).%n", file, sha, p.madeAt(),
                p.madeBy(), p.issueId(), p.pages(), p.locale());
        out.printf("  case %d %s, snapshot %d as of %s, snapshot sha256 %s%n", p.caseId(), p.caseReference().get(),
                p.snapshotId(), p.asOf(), p.snapshotSha256());
        out.flush();
        return 0;
    }
}
