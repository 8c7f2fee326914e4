package org.piste.app.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.piste.app.cases.CaseFile;
import org.piste.app.search.SearchQuery;
import org.piste.app.search.SearchResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Searches people by name (accents, particles, nicknames), phone (any format), ID number or e-mail,",
                "transfers by reference (MTCN) and the case files you may see, as the web's search box does."})
public final class SearchCommand extends ConsoleCommand {

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "What to look for (words are joined by spaces).")
    List<String> words;

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.read("/search");
    }

    @Override
    int run() {
        SearchResults r = main.services().search().search(main.actor(), String.join(" ", words));
        if (r.query().kind() == SearchQuery.Kind.TOO_SHORT) {
            throw new IllegalArgumentException("type at least " + SearchQuery.MIN_CHARS + " characters");
        }
        out.printf("People: %,d%s%n", r.people().total(), more(r.people()));
        for (SearchResults.Person p : r.people().shown()) {
            out.printf("  %-14s %-32s %-18s by %s, %d record%s%s%n", p.id(), SourcesCommand.cut(p.name(), 32),
                    p.sides().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining("+")),
                    p.via().stream().map(v -> v.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(", ")), p.records(),
                    p.records() == 1 ? "" : "s", p.resolved() ? "" : " (not resolved yet)");
        }
        out.printf("Transfers: %,d%s%n", r.transfers().total(), more(r.transfers()));
        for (SearchResults.TransferHit t : r.transfers().shown()) {
            out.printf("  %-10d %-16s %-12s %s -> %s%n", t.id(), t.reference(), t.provider(), t.sender(), t.recipient());
        }
        out.printf("Cases: %,d%n", r.cases().total());
        for (CaseFile.Summary c : r.cases().shown()) out.printf("  n° %-6d %s — %s%n", c.id(), c.reference(), c.title());
        out.flush();
        return 0;
    }

    private static String more(SearchResults.Group<?> g) {
        return (g.shown().size() < g.total() ? " (first " + g.shown().size() + " shown)" : "")
                + (g.more() ? ", the look-up stopped at its limit: there may be more" : "");
    }
}
