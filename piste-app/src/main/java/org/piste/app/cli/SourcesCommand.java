package org.piste.app.cli;

import java.util.List;
import org.piste.app.imports.SourceRecord;
import org.piste.ingest.Hashing;
import picocli.CommandLine.Command;

@Command(name = "sources", mixinStandardHelpOptions = true, description = "Lists imported files with their row counts.")
public final class SourcesCommand extends ConsoleCommand {

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.read("/imports");
    }

    @Override
    int run() {
        List<SourceRecord> sources = main.services().sourceRepository().all(main.actor());
        if (sources.isEmpty()) {
            out.println("No source imported yet. Try: piste import FILE --profile fr-operator");
            return 0;
        }
        out.printf("%4s  %-12s  %-28s  %-12s  %-14s  %10s  %10s  %10s  %10s%n", "id", "sha256", "file", "provider",
                "legal ref", "read", "accepted", "quarant.", "duplicates");
        for (SourceRecord s : sources) {
            var f = s.file();
            var c = f.counts();
            out.printf("%4d  %-12s  %-28s  %-12s  %-14s  %,10d  %,10d  %,10d  %,10d%n", s.id(), Hashing.shortForm(f.sha256()),
                    cut(f.originalName(), 28), cut(f.provider(), 12), cut(f.legalReference(), 14), c.read(),
                    c.accepted(), c.quarantined(), c.duplicates());
        }
        out.flush();
        return 0;
    }

    static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
