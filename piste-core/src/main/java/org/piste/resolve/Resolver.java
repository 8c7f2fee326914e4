package org.piste.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
        Set<String> decided = new HashSet<>();
        decisions.forEach(d -> {
            decided.add(d.recordA());
            decided.add(d.recordB());
        });
        Rows rows = Rows.of(records, decided);
        Resolution core = resolveRepresentatives(rows.representatives(), decisions);
        return withRepeatedRows(core, records, rows, core.model());
    }

    /** The representatives resolved: their candidate pairs and patterns are dropped on return, before the repeated rows are added. */
    private Resolution resolveRepresentatives(Features[] features, List<Decision> decisions) {
        Blocking.Result blocks = Blocking.candidates(features, settings.blockCap(), null);
        int[] patterns = patterns(features, blocks.pairs());
        MatchModel model = ModelLearner.learnOrDefault(features, ModelLearner.patterns(patterns), settings.seed());
        return cluster(features, blocks, patterns, model, decisions, Map.of(), List.of());
    }

    /**
     * The records read in chunks, keeping features only where they are needed: for each representative (a record
     * without a repeated-row signature, or the first in {@link #ID_ORDER} of the records sharing one) and, per
     * group and spelling (the values shown in explanations), for the first two records in input order (the first
     * that is not the representative gives the group's links with that spelling their weight and evidence).
     * Repeated rows keep no features: a person's millions of identical rows cost an int each.
     */
    private static final class Rows {
        private static final int CHUNK = 1 << 15;

        /** Repeated rows sharing one signature. */
        private static final class Group {
            Features first; // in ID_ORDER: the representative
            int firstRow;
        }

        /** A group's rows written one way (one spelling of the shown values). */
        private static final class Spelling {
            final Group group;
            final int row1;
            final Features features1;
            int row2 = -1;
            Features features2;
            Link template;

            Spelling(Group group, int row, Features f) {
                this.group = group;
                this.row1 = row;
                this.features1 = f;
            }
        }

        /** Per record: -1 when it stands alone (no signature), else its spelling's index. */
        final int[] spellingOf;
        final List<Spelling> spellings = new ArrayList<>();
        final List<Features> alone = new ArrayList<>();
        final List<Group> groups = new ArrayList<>();
        final Map<String, Integer> surnameCounts = new HashMap<>();
        final Map<String, Integer> givenCounts = new HashMap<>();

        private Rows(int n) {
            spellingOf = new int[n];
        }

        static Rows of(List<PersonRecord> records, Set<String> decided) {
            Rows rows = new Rows(records.size());
            Set<String> ids = new HashSet<>();
            for (PersonRecord r : records) {
                if (!ids.add(r.id())) throw new IllegalArgumentException("record id '" + r.id() + "' appears twice");
            }
            ids = null;
            Map<String, Group> bySignature = new HashMap<>();
            Map<String, Integer> spellingIndex = new HashMap<>();
            Features[] chunk = new Features[CHUNK];
            java.util.concurrent.ConcurrentMap<Object, Object> pool = new java.util.concurrent.ConcurrentHashMap<>();
            for (int start = 0; start < records.size(); start += CHUNK) {
                int from = start, size = Math.min(CHUNK, records.size() - start);
                IntStream.range(0, size).parallel().forEach(k -> chunk[k] = new Features(records.get(from + k), pool));
                for (int k = 0; k < size; k++) {
                    Features f = chunk[k];
                    chunk[k] = null;
                    int i = from + k;
                    if (!f.surnameKey.isEmpty()) rows.surnameCounts.merge(f.surnameKey, 1, Integer::sum);
                    if (!f.givenKey.isEmpty()) rows.givenCounts.merge(f.givenKey, 1, Integer::sum);
                    String signature = decided.contains(f.record.id()) ? null : f.signature();
                    if (signature == null) {
                        rows.alone.add(f);
                        rows.spellingOf[i] = -1;
                        continue;
                    }
                    Group g = bySignature.get(signature);
                    if (g == null) {
                        g = new Group();
                        bySignature.put(signature, g);
                        rows.groups.add(g);
                    }
                    if (g.first == null || ID_ORDER.compare(f.record.id(), g.first.record.id()) < 0) {
                        g.first = f;
                        g.firstRow = i;
                    }
                    String key = signature + "\u0002" + Comparison.shownAll(f);
                    Integer s = spellingIndex.get(key);
                    if (s == null) {
                        s = rows.spellings.size();
                        spellingIndex.put(key, s);
                        rows.spellings.add(new Spelling(g, i, f));
                    } else {
                        Spelling sp = rows.spellings.get(s);
                        if (sp.row2 < 0) {
                            sp.row2 = i;
                            sp.features2 = f;
                        }
                    }
                    rows.spellingOf[i] = s;
                }
            }
            return rows;
        }

        /** The representatives in {@link #ID_ORDER}. */
        Features[] representatives() {
            List<Features> reps = new ArrayList<>(alone.size() + groups.size());
            reps.addAll(alone);
            for (Group g : groups) reps.add(g.first);
            reps.sort(Comparator.comparing(f -> f.record.id(), ID_ORDER));
            return reps.toArray(Features[]::new);
        }
    }

    private static Resolution withRepeatedRows(Resolution core, List<PersonRecord> records, Rows rows, MatchModel model) {
        Map<String, String> entityOf = HashMap.newHashMap(records.size());
        entityOf.putAll(core.entityOf());
        List<Link> links = new ArrayList<>(core.links().size() + records.size() - core.entityOf().size());
        links.addAll(core.links());
        Scoring scoring = new Scoring(model, rows.surnameCounts, rows.givenCounts);
        // Repeats written the same way compare with their first row identically: one weight and one evidence
        // list per (first row, spelling), shared by their links (millions of repeated rows otherwise fill the heap).
        for (int i = 0; i < records.size(); i++) {
            int s = rows.spellingOf[i];
            if (s < 0) continue;
            Rows.Spelling sp = rows.spellings.get(s);
            Rows.Group g = sp.group;
            if (g.firstRow == i) continue;
            String repId = g.first.record.id(), id = records.get(i).id();
            entityOf.put(id, core.entityOf().get(repId));
            if (sp.template == null) {
                Features member = sp.row1 != g.firstRow ? sp.features1 : sp.features2;
                int pattern = Comparison.pattern(g.first, member);
                double w = scoring.weight(g.first, member, pattern);
                sp.template = new Link(repId, member.record.id(), w, MatchModel.probability(w),
                        scoring.evidence(g.first, member, pattern), Link.Origin.SCORED);
            }
            Link t = sp.template;
            links.add(new Link(repId, id, t.weight(), t.probability(), t.evidence(), t.origin()));
        }
        long n = records.size(), repeated = n - core.entityOf().size();
        long candidates = core.blocking().candidatePairs() + repeated;
        double possible = n * (n - 1) / 2.0;
        BlockingReport report = new BlockingReport(n, candidates, possible == 0 ? 0 : 1 - candidates / possible,
                core.blocking().blockCap(), core.blocking().oversizedBlocksByKind());
        return new Resolution(entityOf, links, model, report);
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
        return cluster(features, blocks, patterns, previous.model(), decisions, kept, keptLinks);
    }

    private static Features[] features(List<PersonRecord> records) {
        Features[] f = new Features[records.size()];
        IntStream.range(0, f.length).parallel().forEach(i -> f[i] = new Features(records.get(i)));
        Set<String> ids = new HashSet<>();
        for (PersonRecord r : records) {
            if (!ids.add(r.id())) throw new IllegalArgumentException("record id '" + r.id() + "' appears twice");
        }
        return f;
    }

    private static int[] patterns(Features[] f, long[] pairs) {
        int[] patterns = new int[pairs.length];
        IntStream.range(0, pairs.length).parallel().forEach(k ->
                patterns[k] = Comparison.pattern(f[(int) (pairs[k] >>> 32)], f[(int) pairs[k]]));
        return patterns;
    }

    private Resolution cluster(Features[] f, Blocking.Result blocks, int[] patterns, MatchModel model,
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

        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < f.length; i++) index.put(f[i].record.id(), i);
        Clustering clustering = new Clustering(f);
        List<Link> links = new ArrayList<>(keptLinks);
        // Previous entities first (incremental runs), then analyst decisions, then links by strength.
        Map<String, Integer> firstOfEntity = new HashMap<>();
        keptEntities.forEach((id, entity) -> {
            Integer first = firstOfEntity.putIfAbsent(entity, index.get(id));
            if (first != null) clustering.mergeDecided(first, index.get(id));
        });
        for (Decision d : decisions) {
            Integer a = index.get(d.recordA()), b = index.get(d.recordB());
            if (a != null && b != null && d.kind() == Decision.Kind.NOT_SAME) clustering.notSame(a, b);
        }
        for (Decision d : decisions) {
            Integer a = index.get(d.recordA()), b = index.get(d.recordB());
            if (a == null || b == null || d.kind() != Decision.Kind.SAME) continue;
            if (clustering.mergeDecided(a, b) == Clustering.Refusal.NONE) {
                int pattern = Comparison.pattern(f[a], f[b]);
                double w = scoring.weight(f[a], f[b], pattern);
                links.add(new Link(f[a].record.id(), f[b].record.id(), w, MatchModel.probability(w),
                        scoring.evidence(f[a], f[b], pattern), Link.Origin.ANALYST));
            }
        }
        for (int j : byStrength) {
            int k = linked[j];
            double weight = linkWeights[j];
            int a = (int) (pairs[k] >>> 32), b = (int) pairs[k];
            if (clustering.together(a, b)) continue;
            if (clustering.mergeScored(a, b, weight >= OVERWHELMING) == Clustering.Refusal.NONE) {
                links.add(new Link(f[a].record.id(), f[b].record.id(), weight, MatchModel.probability(weight),
                        scoring.evidence(f[a], f[b], patterns[k]), Link.Origin.SCORED));
            }
        }
        Map<Integer, String> smallestIdOfRoot = new HashMap<>();
        for (int i = 0; i < f.length; i++) {
            smallestIdOfRoot.merge(clustering.find(i), f[i].record.id(), (x, y) -> ID_ORDER.compare(x, y) <= 0 ? x : y);
        }
        Map<String, String> entityOf = new HashMap<>();
        for (int i = 0; i < f.length; i++) entityOf.put(f[i].record.id(), smallestIdOfRoot.get(clustering.find(i)));
        return new Resolution(entityOf, links, model, blocks.report());
    }
}
