package org.piste.app.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import org.piste.app.imports.ImportOutcome;
import org.piste.app.imports.ImportRequest;
import org.piste.app.pipeline.Changes;

/**
 * A transfer import at the console, through the one door for changes: progress on stderr, the import's outcome as
 * soon as its rows are committed (before the refresh, which takes longer), then what the refresh did.
 */
final class ConsoleImport {
    private ConsoleImport() {}

    /** Imports; {@code whenStored} adds lines after the outcome of a real import, before the refresh runs. */
    static ImportOutcome run(Main main, PrintWriter out, ImportRequest request,
            Consumer<ImportOutcome.Imported> whenStored) {
        boolean[] printed = {false};
        Changes.Imported<ImportOutcome> imported;
        try (ProgressReporter progress = new ProgressReporter()) {
            imported = main.services().changes().importTransfers(main.actor(), request, new Changes.ImportProgress() {
                @Override
                public void update(long bytesRead, long totalBytes, long rowsRead) {
                    progress.update(bytesRead, totalBytes, rowsRead);
                }

                @Override
                public void stored(ImportOutcome.Imported outcome) {
                    progress.close();
                    Format.outcome(out, outcome);
                    whenStored.accept(outcome);
                    out.flush();
                    printed[0] = true;
                }
            });
        }
        if (!printed[0]) Format.outcome(out, imported.outcome());
        imported.refresh().ifPresent(o -> ResolutionFormat.refreshed(out, o));
        return imported.outcome();
    }
}
