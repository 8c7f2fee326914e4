package org.piste.app.cli;

import org.piste.app.referrals.Match;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** accept and reject: an analyst's ruling on a subject's match. */
abstract class ReferralDecideCommand extends ConsoleCommand {

    @Parameters(index = "0", paramLabel = "REF", description = "The referral reference.")
    String ref;

    @Parameters(index = "1", paramLabel = "SUBJECT_INDEX", description = "The subject's index in the referral (from 0).")
    int index;

    @Parameters(index = "2", paramLabel = "ENTITY", description = "An entity id, or a party record id of the entity.")
    String entity;

    @Mixin Ruling ruling;

    abstract Match.Status status();

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.change("/referrals/decision");
    }

    @Override
    int run() {
        var changed = main.services().changes().decideReferralMatch(main.actor(), ref, index, entity,
                status(), ruling.note);
        Match m = changed.change();
        out.printf("Subject #%d of %s and entity %s: %s%s.%n", index, ref, m.entityId(), m.status(), ruling.signed(main));
        ResolutionFormat.refreshed(out, changed.refresh()); // the seeds changed
        out.flush();
        return 0;
    }

    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = {"Accepts that a referral subject is this entity (adds the match if it was not proposed).",
                    "Accepted entities are screening seeds."})
    static final class Accept extends ReferralDecideCommand {
        @Override
        Match.Status status() {
            return Match.Status.ACCEPTED;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "Rejects a proposed match of a referral subject: it is never a screening seed.")
    static final class Reject extends ReferralDecideCommand {
        @Override
        Match.Status status() {
            return Match.Status.REJECTED;
        }
    }
}
