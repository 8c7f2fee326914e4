package org.piste.app.cli;

import org.piste.ingest.Hashing;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists stored referrals: agency, date, subjects, subjects matched, matches accepted, source file.")
public final class ReferralListCommand extends ConsoleCommand {

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.read("/referrals");
    }

    @Override
    int run() {
        var all = main.services().referralQueries().list(main.actor());
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
