package org.piste.app.cli;

import org.piste.app.imports.SourceRecord;
import org.piste.app.imports.SourceRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "Shows the rows of a source that were not accepted, with their line, reason and text.")
public final class QuarantineCommand extends ConsoleCommand {

    @Parameters(paramLabel = "SOURCE", description = "Source id (see 'piste sources') or a SHA-256 prefix.")
    String source;

    @Option(names = "--duplicates", description = "Include rows rejected as duplicates of a stored reference.")
    boolean duplicates;

    @Option(names = "--limit", description = "At most this many rows (default ${DEFAULT-VALUE}).")
    int limit = 100;

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.read("/imports/quarantine");
    }

    @Override
    int run() {
        SourceRepository repository = main.services().sourceRepository();
        SourceRecord s = repository.find(source)
                .orElseThrow(() -> new IllegalArgumentException("no source '" + source + "' (see 'piste sources')"));
        var c = s.file().counts();
        out.printf("Source #%d %s (sha256 %s): %,d quarantined, %,d duplicates of %,d rows read.%n", s.id(),
                s.file().originalName(), s.file().sha256(), c.quarantined(), c.duplicates(), c.read());
        for (var row : repository.rejections(main.actor(), s.id(), duplicates, 1, limit)) {
            out.printf("line %-8d %-11s %-22s %s%n", row.line(), row.kind(), row.reason(), row.detail());
            out.printf("    %s%n", SourcesCommand.cut(row.rawText().replace("\n", "\\n"), 200));
        }
        out.flush();
        return 0;
    }
}
