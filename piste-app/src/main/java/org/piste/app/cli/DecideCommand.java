package org.piste.app.cli;

import org.piste.app.resolve.DecisionStore;
import org.piste.resolve.Decision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Records an analyst's decision that two party records are (or are not) the same person.",
                "Every later resolution respects it; the latest decision on a pair wins. It takes effect at once:",
                "resolution and screening run again."})
public final class DecideCommand extends ConsoleCommand {

    @Parameters(index = "0", paramLabel = "A", description = "A party record id, e.g. 12:S (sender of transfer 12).")
    String recordA;

    @Parameters(index = "1", paramLabel = "B", description = "Another party record id, e.g. 40:R (recipient of transfer 40).")
    String recordB;

    @Parameters(index = "2", paramLabel = "same|not-same", description = "The decision.")
    String kind;

    @Mixin Ruling ruling;

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.change("/entities/decisions");
    }

    @Override
    int run() {
        Decision.Kind k = DecisionStore.kind(kind);
        var changed = main.services().changes().decideSamePerson(main.actor(), recordA, recordB, k, ruling.note);
        var stored = changed.change();
        out.printf("Decision #%d stored: %s and %s are %s%s.%n", stored.id(),
                stored.decision().recordA(), stored.decision().recordB(),
                k == Decision.Kind.SAME ? "the same person" : "not the same person", ruling.signed(main));
        ResolutionFormat.refreshed(out, changed.refresh());
        return 0;
    }
}
