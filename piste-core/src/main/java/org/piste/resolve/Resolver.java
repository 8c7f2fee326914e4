package org.piste.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Entity resolution: normalise, block, score (Fellegi-Sunter with m learned by EM, u from random pairs,
 * term-frequency adjustment for common names), cluster with conflict constraints, explain every link.
 * Analyst decisions are always respected. {@link #extend} resolves new records against a previous result
 * without rescoring old pairs.
 */
public final class Resolver {
    /**
     * @param threshold posterior probability at or above which a scored pair is a link
     * @param blockCap  blocks larger than this are left out (and reported)
     * @param seed      seed of the random pairs that estimate u (results are deterministic)
     */
    public record Settings(double threshold, int blockCap, long seed) {
        public static Settings defaults() {
            return new Settings(0.9, 100, 1L);
        }
    }

    /**
     * A link this strong (odds of 2^20, about a million to one, with the dates' disagreement already counted)
     * may join two records whose dates of birth disagree: a typing error, not two persons.
     */
    static final double OVERWHELMING = 20;

    /** Entity ids are the first member id in this order: shorter first, so "t9:S" comes before "t12:S". */
    static final Comparator<String> ID_ORDER = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final Settings settings;

    public Resolver(Settings settings) {
        this.settings = settings;
    }

    /**
     * Resolves all records from scratch, learning the model. Records identical in every compared field and
     * carrying a strong identifier (date of birth, ID number, phone or e-mail) are one person's repeated rows:
     * they are resolved once, through the first of them, and linked to it with their (all-exact) evidence.
     */
    public Resolution resolve(List<PersonRecord> records, List<Decision> decisions) {
        return resolve(records.iterator(), decisions);
    }

    /**
     * {@link #resolve(List, List)} reading the records once, in order, as they come (from a database cursor): a
     * record is kept only as long as it is needed, so millions of repeated rows cost little more than their ids.
     */
    public Resolution resolve(Iterator<PersonRecord> records, List<Decision> decisions) {
        return resolve(records, decisions, java.util.Optional.empty());
    }

    /**
     * {@link #resolve(Iterator, List)} with a given model rather than a learned one: what replaces {@link #extend} when
     * the previous resolution is too large to hold in memory. Previous entities are not pinned first, so where the
     * order of merges matters (a strong new link to a record without a date of birth) an entity can differ.
     */
    public Resolution resolve(Iterator<PersonRecord> records, List<Decision> decisions, MatchModel model) {
        return resolve(records, decisions, java.util.Optional.of(model));
    }

    private Resolution resolve(Iterator<PersonRecord> records, List<Decision> decisions, java.util.Optional<MatchModel> model) {
        Set<String> decided = new HashSet<>();
        decisions.forEach(d -> {
            decided.add(d.recordA());
            decided.add(d.recordB());
        });
        Rows rows = Rows.of(records, decided);
        Representatives reps = rows.representatives();
        Clustered core = resolveRepresentatives(reps.features(), decisions, model);
        return withRepeatedRows(core, rows, reps);
    }

    /** The representatives resolved: their candidate pairs and patterns are dropped on return, before the repeated rows are added. */
    private Clustered resolveRepresentatives(Features[] features, List<Decision> decisions, java.util.Optional<MatchModel> given) {
        Blocking.Result blocks = Blocking.candidates(features, settings.blockCap(), null);
        int[] patterns = patterns(features, blocks.pairs());
        MatchModel model = given.orElseGet(() -> ModelLearner.learnOrDefault(features, ModelLearner.patterns(patterns), settings.seed()));
        return cluster(features, blocks, patterns, model, decisions, Map.of(), List.of());
    }

    /** Representatives in {@link #ID_ORDER} with the position of each among all records. */
    private record Representatives(Features[] features, int[] rows) {}

    /**
     * The records read in chunks, keeping features only where they are needed: for each representative (a record
     * without a repeated-row signature, or the first in {@link #ID_ORDER} of the records sharing one) and, per
     * group and spelling (the values shown in explanations), for its first record in input order (it gives the
     * group's links with that spelling their weight and evidence). Repeated rows keep no features: a person's
     * millions of identical rows cost their id and an int each.
     */
    private static final class Rows {
        private static final int CHUNK = 1 << 15;

        /** Repeated rows sharing one signature. */
        private static final class Group {
            Features first; // in ID_ORDER: the representative
            int firstRow;
            Spelling spellings; // the first; each names the next
        }

        /** A group's rows written one way (one spelling of the shown values). */
        private static final class Spelling {
            final Group group;
            final int index;
            final Features features1;
            int shape = -1;
            Spelling next;

            Spelling(Group group, int index, Features f) {
                this.group = group;
                this.index = index;
                this.features1 = f;
            }
        }

        final IdTable ids = new IdTable();
        /** Per record: -1 when it stands alone (no signature), else its spelling's index. */
        final IntList spellingOf = new IntList();
        final List<Spelling> spellings = new ArrayList<>();
        final List<Features> alone = new ArrayList<>();
        final IntList aloneRows = new IntList();
        final List<Group> groups = new ArrayList<>();
        final Map<String, Integer> surnameCounts = new HashMap<>();
        final Map<String, Integer> givenCounts = new HashMap<>();

        static Rows of(Iterator<PersonRecord> records, Set<String> decided) {
            Rows rows = new Rows();
            Map<Features.Signature, Group> bySignature = new HashMap<>();
            PersonRecord[] read = new PersonRecord[CHUNK];
            Features[] chunk = new Features[CHUNK];
            java.util.concurrent.ConcurrentMap<Object, Object> pool = new java.util.concurrent.ConcurrentHashMap<>();
            while (records.hasNext()) {
                int size = 0, from = rows.ids.size();
                while (size < CHUNK && records.hasNext()) {
                    PersonRecord r = records.next();
                    if (rows.ids.add(r.id()) < 0) throw new IllegalArgumentException("record id '" + r.id() + "' appears twice");
                    read[size++] = r;
                }
                IntStream.range(0, size).parallel().forEach(k -> chunk[k] = new Features(read[k], pool));
                java.util.Arrays.fill(read, null);
                for (int k = 0; k < size; k++) {
                    Features f = chunk[k];
                    chunk[k] = null;
                    int i = from + k;
                    if (!f.surnameKey.isEmpty()) rows.surnameCounts.merge(f.surnameKey, 1, Integer::sum);
                    if (!f.givenKey.isEmpty()) rows.givenCounts.merge(f.givenKey, 1, Integer::sum);
                    Features.Signature signature = decided.contains(f.id) ? null : f.signature();
                    if (signature == null) {
                        rows.alone.add(f);
                        rows.aloneRows.add(i);
                        rows.spellingOf.add(-1);
                        continue;
                    }
                    Group g = bySignature.get(signature);
                    if (g == null) {
                        g = new Group();
                        bySignature.put(signature, g);
                        rows.groups.add(g);
                    }
                    if (g.first == null || ID_ORDER.compare(f.id, g.first.id) < 0) {
                        g.first = f;
                        g.firstRow = i;
                    }
                    // A group's spellings are few: found by comparing with each one's first row, no key text kept.
                    Spelling sp = g.spellings, last = null;
                    while (sp != null && !Comparison.sameShown(sp.features1, f)) {
                        last = sp;
                        sp = sp.next;
                    }
                    if (sp == null) {
                        sp = new Spelling(g, rows.spellings.size(), f);
                        rows.spellings.add(sp);
                        if (last == null) g.spellings = sp;
                        else last.next = sp;
                    }
                    rows.spellingOf.add(sp.index);
                }
            }
            return rows;
        }

        /** The representatives in {@link #ID_ORDER}. */
        Representatives representatives() {
            int n = alone.size() + groups.size();
            Features[] reps = new Features[n];
            int[] rowOf = new int[n];
            Integer[] order = new Integer[n];
            for (int k = 0; k < n; k++) {
                order[k] = k;
                reps[k] = k < alone.size() ? alone.get(k) : groups.get(k - alone.size()).first;
                rowOf[k] = k < alone.size() ? aloneRows.get(k) : groups.get(k - alone.size()).firstRow;
            }
            java.util.Arrays.sort(order, Comparator.comparing(k -> reps[k].id, ID_ORDER));
            Features[] sorted = new Features[n];
            int[] rows = new int[n];
            for (int k = 0; k < n; k++) {
                sorted[k] = reps[order[k]];
                rows[k] = rowOf[order[k]];
            }
            return new Representatives(sorted, rows);
        }
    }

    /**
     * The representatives' entities and links carried over to all records, then the repeated rows added: each in its
     * representative's entity, linked to it. Repeats written the same way compare with their first row identically:
     * one weight and one evidence list per (first row, spelling), shared by their links (millions of repeated rows
     * otherwise fill the heap).
     */
    private static Resolution withRepeatedRows(Clustered core, Rows rows, Representatives reps) {
        int n = rows.ids.size();
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
        Scoring scoring = new Scoring(core.model(), rows.surnameCounts, rows.givenCounts);
        for (int i = 0; i < n; i++) {
            int s = rows.spellingOf.get(i);
            if (s < 0) continue;
            Rows.Spelling sp = rows.spellings.get(s);
            Rows.Group g = sp.group;
            if (g.firstRow == i) continue;
            entity[i] = entity[g.firstRow];
            if (sp.shape < 0) {
                // Any row of the spelling gives its links' weight and evidence: with the representative's signature and
                // this spelling's shown values, a row compares alike in every field the comparators and the
                // explanations read (the names exactly, so their swapped readings are never consulted).
                Features member = sp.features1;
                int pattern = Comparison.pattern(g.first, member);
                double w = scoring.weight(g.first, member, pattern);
                sp.shape = shapes.size();
                shapes.add(new Link("", "", w, MatchModel.probability(w), scoring.evidence(g.first, member, pattern),
                        Link.Origin.SCORED));
            }
            linkA.add(g.firstRow);
            linkB.add(i);
            linkShape.add(sp.shape);
        }
        long repeated = n - reps.rows().length;
        long candidates = core.blocking().candidatePairs() + repeated;
        double possible = (long) n * (n - 1) / 2.0;
        BlockingReport report = new BlockingReport(n, candidates, possible == 0 ? 0 : 1 - candidates / possible,
                core.blocking().blockCap(), core.blocking().oversizedBlocksByKind());
        return new Resolution(rows.ids, n, entity, linkA.toArray(), linkB.toArray(), linkShape.toArray(),
                shapes.toArray(Link[]::new), core.model(), report);
    }

    /** What a link shares with others (its record ids dropped: they are kept by position). */
    private static Link shape(Link l) {
        return new Link("", "", l.weight(), l.probability(), l.evidence(), l.origin());
    }

    /**
     * Adds records to a previous resolution: only pairs involving a new record (or a record of an entity an
     * analyst decision touches) are scored, with the previous model; previous entities are kept.
     * The result equals a full run with the same model up to ties in link order.
     */
    public Resolution extend(Resolution previous, List<PersonRecord> existing, List<PersonRecord> added,
            List<Decision> decisions) {
        List<PersonRecord> all = new ArrayList<>(existing.size() + added.size());
        all.addAll(existing);
        all.addAll(added);
        Features[] features = features(all);
        Set<String> touchedEntities = new HashSet<>();
        for (Decision d : decisions) {
            touchedEntities.add(previous.entityOf().getOrDefault(d.recordA(), d.recordA()));
            touchedEntities.add(previous.entityOf().getOrDefault(d.recordB(), d.recordB()));
        }
        boolean[] rescored = new boolean[all.size()];
        Map<String, String> kept = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            String id = all.get(i).id();
            String entity = previous.entityOf().get(id);
            rescored[i] = i >= existing.size() || entity == null || touchedEntities.contains(entity);
            if (!rescored[i]) kept.put(id, entity);
        }
        Blocking.Result blocks = Blocking.candidates(features, settings.blockCap(), rescored);
        int[] patterns = patterns(features, blocks.pairs());
        List<Link> keptLinks = previous.links().stream()
                .filter(l -> kept.containsKey(l.recordA()) && kept.containsKey(l.recordB())).toList();
        Clustered c = cluster(features, blocks, patterns, previous.model(), decisions, kept, keptLinks);
        IdTable ids = new IdTable();
        for (Features f : features) ids.add(f.id);
        int[] linkA = new int[c.links().size()], linkB = new int[linkA.length], linkShape = new int[linkA.length];
        Link[] shapes = new Link[linkA.length];
        for (int k = 0; k < linkA.length; k++) {
            Link l = c.links().get(k);
            linkA[k] = ids.indexOf(l.recordA());
            linkB[k] = ids.indexOf(l.recordB());
            linkShape[k] = k;
            shapes[k] = shape(l);
        }
        return new Resolution(ids, features.length, c.entity(), linkA, linkB, linkShape, shapes, c.model(), c.blocking());
    }

    private static Features[] features(List<PersonRecord> records) {
        IdTable ids = new IdTable();
        for (PersonRecord r : records) {
            if (ids.add(r.id()) < 0) throw new IllegalArgumentException("record id '" + r.id() + "' appears twice");
        }
        Features[] f = new Features[records.size()];
        IntStream.range(0, f.length).parallel().forEach(i -> f[i] = new Features(records.get(i)));
        return f;
    }

    private static int[] patterns(Features[] f, long[] pairs) {
        int[] patterns = new int[pairs.length];
        IntStream.range(0, pairs.length).parallel().forEach(k ->
                patterns[k] = Comparison.pattern(f[(int) (pairs[k] >>> 32)], f[(int) pairs[k]]));
        return patterns;
    }

    /**
     * Records' entities and links as clustered: {@code entity[i]} is the position in the clustered records of the
     * first record (in {@link #ID_ORDER}) of record i's entity.
     */
    private record Clustered(int[] entity, List<Link> links, MatchModel model, BlockingReport blocking) {}

    private Clustered cluster(Features[] f, Blocking.Result blocks, int[] patterns, MatchModel model,
            List<Decision> decisions, Map<String, String> keptEntities, List<Link> keptLinks) {
        Scoring scoring = new Scoring(model, f);
        long[] pairs = blocks.pairs();
        double minWeight = MatchModel.log2(settings.threshold() / (1 - settings.threshold()));
        // A byte per candidate pair marks the links; only theirs keep a weight (scored again: the same number).
        boolean[] link = new boolean[pairs.length];
        IntStream.range(0, pairs.length).parallel().forEach(k -> link[k] =
                scoring.weight(f[(int) (pairs[k] >>> 32)], f[(int) pairs[k]], patterns[k]) >= minWeight);
        int links0 = 0;
        for (boolean b : link) if (b) links0++;
        int[] linked = new int[links0];
        for (int k = 0, w = 0; k < pairs.length; k++) if (link[k]) linked[w++] = k;
        double[] linkWeights = new double[linked.length];
        IntStream.range(0, linked.length).parallel().forEach(j -> linkWeights[j] = scoring.weight(
                f[(int) (pairs[linked[j]] >>> 32)], f[(int) pairs[linked[j]]], patterns[linked[j]]));
        Integer[] byStrength = new Integer[linked.length];
        for (int j = 0; j < linked.length; j++) byStrength[j] = j;
        java.util.Arrays.sort(byStrength, Comparator.<Integer>comparingDouble(j -> -linkWeights[j])
                .thenComparingLong(j -> pairs[linked[j]]));

        IdTable positions = new IdTable();
        for (Features x : f) positions.add(x.id);
        Clustering clustering = new Clustering(f);
        List<Link> links = new ArrayList<>(keptLinks);
        // Previous entities first (incremental runs), then analyst decisions, then links by strength.
        Map<String, Integer> firstOfEntity = new HashMap<>();
        keptEntities.forEach((id, entity) -> {
            Integer first = firstOfEntity.putIfAbsent(entity, positions.indexOf(id));
            if (first != null) clustering.mergeDecided(first, positions.indexOf(id));
        });
        for (Decision d : decisions) {
            int a = positions.indexOf(d.recordA()), b = positions.indexOf(d.recordB());
            if (a >= 0 && b >= 0 && d.kind() == Decision.Kind.NOT_SAME) clustering.notSame(a, b);
        }
        for (Decision d : decisions) {
            int a = positions.indexOf(d.recordA()), b = positions.indexOf(d.recordB());
            if (a < 0 || b < 0 || d.kind() != Decision.Kind.SAME) continue;
            if (clustering.mergeDecided(a, b) == Clustering.Refusal.NONE) {
                int pattern = Comparison.pattern(f[a], f[b]);
                double w = scoring.weight(f[a], f[b], pattern);
                links.add(new Link(f[a].id, f[b].id, w, MatchModel.probability(w),
                        scoring.evidence(f[a], f[b], pattern), Link.Origin.ANALYST));
            }
        }
        for (int j : byStrength) {
            int k = linked[j];
            double weight = linkWeights[j];
            int a = (int) (pairs[k] >>> 32), b = (int) pairs[k];
            if (clustering.together(a, b)) continue;
            if (clustering.mergeScored(a, b, weight >= OVERWHELMING) == Clustering.Refusal.NONE) {
                links.add(new Link(f[a].id, f[b].id, weight, MatchModel.probability(weight),
                        scoring.evidence(f[a], f[b], patterns[k]), Link.Origin.SCORED));
            }
        }
        int[] firstOfRoot = new int[f.length];
        java.util.Arrays.fill(firstOfRoot, -1);
        for (int i = 0; i < f.length; i++) {
            int root = clustering.find(i), first = firstOfRoot[root];
            if (first < 0 || ID_ORDER.compare(f[i].id, f[first].id) < 0) firstOfRoot[root] = i;
        }
        int[] entity = new int[f.length];
        for (int i = 0; i < f.length; i++) entity[i] = firstOfRoot[clustering.find(i)];
        return new Clustered(entity, links, model, blocks.report());
    }
}
