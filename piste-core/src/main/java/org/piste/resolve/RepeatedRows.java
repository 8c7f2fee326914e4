package org.piste.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The representatives' entities and links carried over to all records, then the repeated rows added: each in its
 * representative's entity, linked to it. Repeats written the same way compare with their first row identically: one
 * weight and one evidence list per (first row, spelling, counterparty level), shared by their links (millions of
 * repeated rows otherwise fill the heap); the counterparty each record shows is kept per record.
 */
final class RepeatedRows {
    private RepeatedRows() {}

    static Resolution assemble(Resolver.Clustered core, RecordRows rows, RecordRows.Representatives reps,
            Counterparties context) {
        int n = rows.size();
        int[] entity = new int[n];
        for (int k = 0; k < reps.rows().length; k++) entity[reps.rows()[k]] = reps.rows()[core.entity()[k]];
        IntList linkA = new IntList(), linkB = new IntList(), linkShape = new IntList();
        List<Link> shapes = new ArrayList<>(core.links().size());
        for (Link l : core.links()) {
            linkA.add(rows.ids.indexOf(l.recordA()));
            linkB.add(rows.ids.indexOf(l.recordB()));
            linkShape.add(shapes.size());
            shapes.add(shape(l));
        }
        int[] repOfRow = context == null ? null : rows.representativeOfRow(reps);
        int[] shown = context == null ? null : new int[n];
        if (context != null) {
            for (int i = 0; i < n; i++) {
                int c = rows.counterpartOf.get(i);
                shown[i] = c < 0 ? -1 : reps.rows()[context.entity(repOfRow[c])];
            }
        }
        Scoring scoring = new Scoring(core.model(), rows.surnameCounts, rows.givenCounts);
        Map<Long, Integer> shapeOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int s = rows.spellingOf.get(i);
            if (s < 0) continue;
            RecordRows.Spelling sp = rows.spellings.get(s);
            RecordRows.Group g = sp.group;
            if (g.firstRow == i) continue;
            entity[i] = entity[g.firstRow];
            int level = context == null ? Comparison.MISSING : counterpartyLevel(rows, context, repOfRow, g.firstRow, i);
            long key = ((long) sp.index << 3) | level;
            Integer shape = shapeOf.get(key);
            if (shape == null) {
                // Any row of the spelling gives its links' weight and evidence: with the representative's signature and
                // this spelling's shown values, a row compares alike in every field the comparators and the
                // explanations read (the names exactly, so their swapped readings are never consulted); the
                // counterparty level is the row's own.
                Features member = sp.features1;
                long pattern = Comparison.withLevel(Comparison.pattern(g.first, member), Comparison.COUNTERPARTY, level);
                double w = scoring.weight(g.first, member, pattern);
                shape = shapes.size();
                shapes.add(new Link("", "", w, MatchModel.probability(w), scoring.evidence(g.first, member, pattern),
                        Link.Origin.SCORED));
                shapeOf.put(key, shape);
            }
            linkA.add(g.firstRow);
            linkB.add(i);
            linkShape.add(shape);
        }
        long repeated = n - reps.rows().length;
        long candidates = core.blocking().candidatePairs() + repeated;
        double possible = (long) n * (n - 1) / 2.0;
        BlockingReport report = new BlockingReport(n, candidates, possible == 0 ? 0 : 1 - candidates / possible,
                core.blocking().blockCap(), core.blocking().oversizedBlocksByKind());
        return new Resolution(rows.ids, n, entity, linkA.toArray(), linkB.toArray(), linkShape.toArray(),
                shapes.toArray(Link[]::new), core.model(), report, shown, rows.notCompared);
    }

    /** The counterparty level of a repeated row against its group's first row (both in one first-pass entity). */
    private static int counterpartyLevel(RecordRows rows, Counterparties context, int[] repOfRow, int first, int row) {
        int cf = rows.counterpartOf.get(first), cr = rows.counterpartOf.get(row);
        int self = context.entity(repOfRow[first]);
        return context.level(cf < 0 ? -1 : context.entity(repOfRow[cf]), cr < 0 ? -1 : context.entity(repOfRow[cr]), self, self);
    }

    /** What a link shares with others (its record ids dropped: they are kept by position). */
    static Link shape(Link l) {
        return new Link("", "", l.weight(), l.probability(), l.evidence(), l.origin());
    }
}
