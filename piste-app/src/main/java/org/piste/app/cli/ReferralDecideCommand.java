package org.piste.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.piste.app.referrals.Match;
import org.piste.app.pipeline.Changes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** accept and reject: an analyst's ruling on a subject's match. */
abstract class ReferralDecideCommand implements Callable<Integer> {
    @ParentCommand ReferralCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REF", description = "The referral reference.")
    String ref;

    @Parameters(index = "1", paramLabel = "SUBJECT_INDEX", description = "The subject's index in the referral (from 0).")
    int index;

    @Parameters(index = "2", paramLabel = "ENTITY", description = "An entity id, or a party record id of the entity.")
    String entity;

    @Option(names = "--note", description = "Why (kept with the decision).")
    String note = "";

    @Option(names = "--by", description = "Who decides (default: $USER).")
    String by = Main.systemUser();

    abstract Match.Status status();

    @Override
    public Integer call() {
        var changed = new Changes(parent.main.database()).decideReferralMatch(parent.main.actor(by), ref, index, entity,
                status(), note);
        Match m = changed.change();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Subject #%d of %s and entity %s: %s (by %s%s).%n", index, ref, m.entityId(), m.status(), by,
                note.isBlank() ? "" : ": " + note);
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
