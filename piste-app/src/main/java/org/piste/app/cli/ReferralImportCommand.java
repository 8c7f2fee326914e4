package org.piste.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.piste.app.referrals.Match;
import org.piste.app.referrals.Referral;
import org.piste.app.referrals.ReferralImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a referrals file and matches each subject to the stored entities: a cited transfer",
                "reference that is stored is certain; otherwise the subject is resolved with the stored match model.",
                "A file already imported (same SHA-256) is not imported again."})
public final class ReferralImportCommand extends ConsoleCommand {

    @Parameters(paramLabel = "FILE", description = "The referrals file (JSON, see docs/referrals.md).")
    Path file;

    @Option(names = "--legal-ref", description = "Legal basis of the file, e.g. the mutual assistance request.")
    String legalRef = "";

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.change("/referrals");
    }

    @Override
    int run() {
        var imported = main.services().changes().importReferrals(main.actor(), file, legalRef);
        switch (imported.outcome()) {
            case ReferralImport.Outcome.AlreadyImported a -> out.printf(
                    "Already imported on %s (sha256 %s, %d referrals): nothing to do.%n", a.importedAt(), a.sha256(),
                    a.referrals());
            case ReferralImport.Outcome.Imported i -> report(out, i);
        }
        imported.refresh().ifPresent(o -> ResolutionFormat.refreshed(out, o)); // matched subjects seed the network
        out.flush();
        return 0;
    }

    private void report(PrintWriter out, ReferralImport.Outcome.Imported i) {
        i.resolution().ifPresent(out::println);
        long subjects = i.matches().size(), matched = i.matches().values().stream().filter(m -> !m.isEmpty()).count();
        out.printf("Imported %s (sha256 %s%s): %d referral%s, %d subjects, %d matched, %d without a match.%n",
                file.getFileName(), i.sha256(), legalRef.isBlank() ? "" : ", legal reference " + legalRef,
                i.referrals().size(), i.referrals().size() == 1 ? "" : "s", subjects, matched, subjects - matched);
        for (Referral r : i.referrals()) {
            out.printf("%n%s (%s, %s)%n", r.ref(), r.agency(), r.date());
            for (int k = 0; k < r.subjects().size(); k++) {
                subject(out, k, r.subjects().get(k), i.matches().get(ReferralImport.subjectId(r.ref(), k)));
            }
        }
        out.printf("%nNext: piste referral show REF; piste referral accept|reject REF SUBJECT_INDEX ENTITY%n");
    }

    static void subject(PrintWriter out, int index, Referral.Subject s, List<Match> matches) {
        String head = String.format("  #%-2d %-11s %-28s", index, s.role(), SourcesCommand.cut(s.name(), 28));
        if (matches.isEmpty()) {
            out.println(head + " -> no match");
            return;
        }
        for (Match m : matches) {
            out.printf("%s -> entity %-10s probability %.4f (%s)%n", head, m.entityId(), m.probability(), basis(m));
            for (var e : m.top(3)) out.printf("        %s%n", e.line());
            head = " ".repeat(head.length());
        }
    }

    static String basis(Match m) {
        return switch (m.basis()) {
            case TRANSFER_REFERENCE -> "cited transfer";
            case RESOLVER -> "resolver, via record " + m.recordId();
            case ANALYST -> "analyst, via record " + m.recordId();
        };
    }
}
