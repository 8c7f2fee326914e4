package org.piste.app.cli;

import java.io.PrintWriter;
import org.piste.app.referrals.Match;
import org.piste.ingest.Hashing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Shows a referral: its subjects as written, and each match with its evidence and status.")
public final class ReferralShowCommand extends ConsoleCommand {

    @Parameters(paramLabel = "REF", description = "The referral reference, e.g. NCA-2024-000123.")
    String ref;

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.read("/referrals/show");
    }

    @Override
    int run() {
        var d = main.services().referralQueries().find(main.actor(), ref).orElseThrow(() ->
                new IllegalArgumentException("no referral '" + ref + "' (see 'piste referral list')"));
        var r = d.summary();
        out.printf("Referral %s from %s, %s: %d subject%s (file sha256 %s%s, imported %s).%n", r.ref(), r.agency(),
                r.date(), r.subjects(), r.subjects() == 1 ? "" : "s", Hashing.shortForm(r.sha256()),
                r.legalReference().isBlank() ? "" : ", legal reference " + r.legalReference(), r.importedAt());
        for (var s : d.subjects()) {
            var x = s.subject();
            out.printf("%nSubject #%d %s: %s%n", s.index(), x.role(), x.name());
            field(out, "city", x.city());
            field(out, "phone", x.phone());
            field(out, "email", x.email());
            field(out, "country", x.country());
            field(out, "transfers", String.join(", ", x.transferRefs()));
            if (s.matches().isEmpty()) out.println("  no match");
            for (Match m : s.matches()) {
                out.printf("  entity %s: %s, probability %.4f (%s)%s%n", m.entityId(), m.status(), m.probability(),
                        ReferralImportCommand.basis(m), decided(m));
                for (var e : m.evidence()) out.printf("      %s%n", e.line());
            }
        }
        out.flush();
        return 0;
    }

    private static void field(PrintWriter out, String name, String value) {
        if (!value.isBlank()) out.printf("  %-10s %s%n", name, value);
    }

    private static String decided(Match m) {
        return m.decidedAt().map(at -> ", by " + m.decidedBy() + " on " + at.toLocalDate()
                + (m.note().isBlank() ? "" : ": " + m.note())).orElse("");
    }
}
