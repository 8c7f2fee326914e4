package org.piste.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.piste.app.referrals.ReferralQueries;
import org.piste.ingest.Hashing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists stored referrals: agency, date, subjects, subjects matched, matches accepted, source file.")
public final class ReferralListCommand implements Callable<Integer> {
    @ParentCommand ReferralCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var all = new ReferralQueries(parent.main.database()).list();
        if (all.isEmpty()) {
            out.println("No referral stored yet. Try: piste referral import FILE");
        } else {
            out.printf("%-24s %-9s %-10s %8s %8s %8s  %-12s %s%n", "referral", "agency", "date", "subjects", "matched",
                    "accepted", "source", "legal reference");
            for (var r : all) {
                out.printf("%-24s %-9s %-10s %8d %8d %8d  %-12s %s%n", r.ref(), r.agency(), r.date(), r.subjects(),
                        r.matched(), r.accepted(), Hashing.shortForm(r.sha256()), r.legalReference());
            }
        }
        out.flush();
        return 0;
    }
}
