package org.piste.app.cli;

import org.piste.app.entities.EntityQueries;
import org.piste.app.resolve.DecisionStore;
import org.piste.model.Side;
import org.piste.resolve.Evidence;
import org.piste.resolve.Link;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "entity", mixinStandardHelpOptions = true,
        description = {"Shows an entity: its member records as written, each with its source row (sha256:line),",
                "and for each link the fields compared, their agreement level and weight."})
public final class EntityCommand extends ConsoleCommand {

    @Parameters(paramLabel = "RECORD_OR_ENTITY_ID",
            description = "A party record id (12:S = sender of transfer 12, 12:R = its recipient) or an entity id.")
    String id;

    @Option(names = "--limit", description = "At most this many members and links (default ${DEFAULT-VALUE}).")
    int limit = 50;

    @Override
    ConsoleAccess access() {
        return ConsoleAccess.read("/entities/record");
    }

    @Override
    int run() {
        EntityQueries.Entity e = new EntityQueries(main.database()).find(id, limit).orElseThrow(() ->
                new IllegalArgumentException("no resolved record or entity '" + id + "' (run 'piste resolve' after an import)"));
        main.audit("entity.view", "entity:" + e.id(), "records, links and decisions (limit " + limit + ")");
        out.printf("Entity %s: %,d record%s, %,d link%s.%n", e.id(), e.size(), e.size() == 1 ? "" : "s", e.linkCount(),
                e.linkCount() == 1 ? "" : "s");
        out.printf("%nMembers (as written)%s:%n", e.size() > e.members().size() ? ", first " + e.members().size() : "");
        out.printf("  %-12s %-9s %-32s %-12s %-16s %-18s %-16s %s%n", "record", "side", "name", "born", "ID number",
                "phone", "city", "source row");
        for (EntityQueries.Member m : e.members()) {
            out.printf("  %-12s %-9s %-32s %-12s %-16s %-18s %-16s %s%n", m.recordId(),
                    m.side() == Side.SENDER.letter() ? "sender" : "recipient", SourcesCommand.cut(m.name(), 32), m.birthDate(),
                    SourcesCommand.cut(m.idNumber(), 16), SourcesCommand.cut(m.phone(), 18), SourcesCommand.cut(m.city(), 16),
                    m.source());
        }
        if (!e.links().isEmpty()) {
            out.printf("%nLinks, strongest first%s (weight = log2 likelihood ratio; + for, - against):%n",
                    e.linkCount() > e.links().size() ? ", first " + e.links().size() : "");
        }
        for (Link l : e.links()) {
            out.printf("  %s -- %s   %s, weight %.2f, probability %.4f%n", l.recordA(), l.recordB(),
                    l.origin() == Link.Origin.ANALYST ? "analyst decision" : "scored", l.weight(), l.probability());
            for (Evidence ev : l.evidence()) {
                String values = ev.valueA().isEmpty() && ev.valueB().isEmpty() ? ""
                        : "'" + ev.valueA() + "' | '" + ev.valueB() + "'";
                out.printf("      %-15s %-42s %+7.2f   %s%n", ev.field(), ev.level(), ev.weight(), values);
            }
        }
        var memberIds = e.members().stream().map(EntityQueries.Member::recordId).toList();
        var decisions = new DecisionStore(main.database()).touching(memberIds);
        if (!decisions.isEmpty()) out.printf("%nAnalyst decisions on these records:%n");
        for (var d : decisions) {
            out.printf("  #%d %s %s %s, by %s on %s%s%n", d.id(), d.decision().recordA(), d.decision().recordB(),
                    d.decision().kind(), d.decidedBy(), d.decidedAt().toLocalDate(), d.note().isBlank() ? "" : ": " + d.note());
        }
        out.flush();
        return 0;
    }
}
