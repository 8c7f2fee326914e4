package org.piste.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.piste.app.pipeline.Changes;
import org.piste.app.resolve.DecisionStore;
import org.piste.resolve.Decision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Records an analyst's decision that two party records are (or are not) the same person.",
                "Every later resolution respects it; the latest decision on a pair wins. Takes effect at the next 'piste resolve'."})
public final class DecideCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "A party record id, e.g. 12:S (sender of transfer 12).")
    String recordA;

    @Parameters(index = "1", paramLabel = "B", description = "Another party record id, e.g. 40:R (recipient of transfer 40).")
    String recordB;

    @Parameters(index = "2", paramLabel = "same|not-same", description = "The decision.")
    String kind;

    @Option(names = "--note", description = "Why (kept with the decision).")
    String note = "";

    @Option(names = "--by", description = "Who decides (default: $USER).")
    String by = Main.systemUser();

    @Override
    public Integer call() {
        Decision.Kind k = DecisionStore.kind(kind);
        var changed = new Changes(main.database()).decideSamePerson(main.actor(by), recordA, recordB, k, note);
        var stored = changed.change();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Decision #%d stored: %s and %s are %s (by %s%s).%n", stored.id(),
                stored.decision().recordA(), stored.decision().recordB(),
                k == Decision.Kind.SAME ? "the same person" : "not the same person", by,
                note.isBlank() ? "" : ": " + note);
        ResolutionFormat.refreshed(out, changed.refresh());
        return 0;
    }
}
