package org.piste.app.cli;

import org.piste.app.resolve.ResolutionService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Resolves the senders and recipients of all stored transfers into entities (persons).",
                "Records are TRANSFER_ID:S (sender) and TRANSFER_ID:R (recipient); analyst decisions are always applied.",
                "Without --full, records not resolved before join the previous entities (incremental)."})
public final class ResolveCommand extends ConsoleCommand {

    @Option(names = "--full", description = "Resolve everything from scratch, learning the match model again.")
    boolean full;

    @Option(names = "--show-model", description = "Print the match model used: m, u and weight per field and level.")
    boolean showModel;

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.change("/entities/resolution");
    }

    @Override
    int run() {
        var summary = new ResolutionService(main.database())
                .run(full ? ResolutionService.Mode.FULL : ResolutionService.Mode.INCREMENTAL);
        if (summary.isEmpty()) {
            out.println("No transfer stored yet: nothing to resolve. Try: piste import FILE --profile fr-operator");
        } else {
            ResolutionFormat.report(out, summary.get());
            ResolutionFormat.model(out, summary.get(), showModel);
            out.println("Next: piste entity RECORD_ID (e.g. " + "1:S), piste decide A B same|not-same");
        }
        out.flush();
        return 0;
    }
}
