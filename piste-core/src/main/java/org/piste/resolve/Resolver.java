package org.piste.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Entity resolution: normalise, block, score (Fellegi-Sunter with m learned by guarded EM, u from random pairs,
 * term-frequency weights for names and identifiers), cluster with coherence constraints, explain every link. When
 * records carry counterparts (the other party of a transfer), a second pass compares the counterparties of the first
 * pass's entities (collective resolution: the same sender paying the same name). Analyst decisions are always
 * respected. {@link #extend} resolves new records against a previous result without rescoring old pairs.
 */
public final class Resolver {
    /**
     * @param threshold posterior probability at or above which a scored pair is a link
     * @param blockCap  blocks larger than this are paired by neighbours only (and reported)
     * @param seed      seed of the random pairs that estimate u (results are deterministic)
     */
    public record Settings(double threshold, int blockCap, long seed) {
        public Settings {
            if (!(threshold > 0 && threshold < 1)) throw new IllegalArgumentException("the threshold is a probability in (0, 1)");
            if (blockCap < 2) throw new IllegalArgumentException("the block cap is at least 2");
        }

        public static Settings defaults() {
            return new Settings(0.9, 100, 1L);
        }

        public Settings withThreshold(double p) {
            return new Settings(p, blockCap, seed);
        }
    }

    /**
     * A link this strong (odds of 2^20, about a million to one, with the dates' disagreement already counted)
     * may join two records whose dates of birth contradict each other: a typing error, not two persons.
     */
    static final double OVERWHELMING = 20;

    /** Entity ids are the first member id in this order: shorter first, so "t9:S" comes before "t12:S". */
    static final Comparator<String> ID_ORDER = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final Settings settings;

    public Resolver(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Resolves all records from scratch, learning the model. Records identical in every compared field and
     * carrying a strong identifier (date of birth, ID number, phone or e-mail) are one person's repeated rows, and so
     * are records of one name written alike at one place for one counterpart: they are resolved once, through the
     * first of them, and linked to it with their evidence.
     */
    public Resolution resolve(List<PersonRecord> records, List<Decision> decisions) {
        return resolve(records.iterator(), decisions);
    }

    /**
     * {@link #resolve(List, List)} reading the records once, in order, as they come (from a database cursor): a
     * record is kept only as long as it is needed, so millions of repeated rows cost little more than their ids.
     */
    public Resolution resolve(Iterator<PersonRecord> records, List<Decision> decisions) {
        return resolve(records, decisions, Optional.empty());
    }

    /**
     * {@link #resolve(Iterator, List)} with a given model rather than a learned one: what replaces {@link #extend} when
     * the previous resolution is too large to hold in memory. Previous entities are not pinned first, so where the
     * order of merges matters (a strong new link to a record without a date of birth) an entity can differ.
     */
    public Resolution resolve(Iterator<PersonRecord> records, List<Decision> decisions, MatchModel model) {
        return resolve(records, decisions, Optional.of(model));
    }

    private Resolution resolve(Iterator<PersonRecord> records, List<Decision> decisions, Optional<MatchModel> model) {
        Set<String> decided = new HashSet<>();
        decisions.forEach(d -> {
            decided.add(d.recordA());
            decided.add(d.recordB());
        });
        RecordRows rows = RecordRows.of(records, decided);
        RecordRows.Representatives reps = rows.representatives();
        Passes passes = resolveRepresentatives(rows, reps, decisions, model);
        return RepeatedRows.assemble(passes.last(), rows, reps, passes.counterparties());
    }

    /** The final clustering, and the counterparties it compared (null when no record had one among the records). */
    private record Passes(Clustered last, Counterparties counterparties) {}

    private Passes resolveRepresentatives(RecordRows rows, RecordRows.Representatives reps, List<Decision> decisions,
            Optional<MatchModel> given) {
        Features[] f = reps.features();
        Blocking.Result blocks = Blocking.candidates(f, settings.blockCap(), null);
        long[] pairs = blocks.pairs();
        long[] patterns = patterns(f, pairs);
        MatchModel first = given.orElseGet(() -> ModelLearner.learnOrDefault(f, ModelLearner.patterns(patterns), settings.seed(), null));
        if (!rows.counterparts) {
            return new Passes(cluster(f, pairs, patterns, scoring(rows, first), decisions, Map.of(), List.of(), blocks.report(),
                    true), null);
        }
        Clustered a = cluster(f, pairs, patterns, scoring(rows, first), decisions, Map.of(), List.of(), blocks.report(), false);

        // Second pass: each representative's counterpart as a first-pass entity.
        int[] repOfRow = rows.representativeOfRow(reps);
        int[] entityOfRep = a.entity();
        int[] counterparty = new int[f.length];
        for (int k = 0; k < f.length; k++) {
            int c = rows.counterpartOf.get(reps.rows()[k]);
            counterparty[k] = c < 0 ? -1 : entityOfRep[repOfRow[c]];
            f[k].counterpart = c < 0 ? "" : f[counterparty[k]].id;
        }
        Counterparties context = new Counterparties(counterparty, entityOfRep);
        Blocking.Result more = Blocking.byCounterparty(f, counterparty, settings.blockCap());
        long[][] merged = union(f, pairs, patterns, more.pairs());
        long[] allPairs = merged[0], allPatterns = merged[1];
        IntStream.range(0, allPairs.length).parallel().forEach(k -> allPatterns[k] = Comparison.withLevel(allPatterns[k],
                Comparison.COUNTERPARTY, context.level((int) (allPairs[k] >>> 32), (int) allPairs[k])));
        MatchModel second = given.orElseGet(() -> ModelLearner.learnOrDefault(f, ModelLearner.patterns(allPatterns),
                settings.seed(), context::level));
        BlockingReport report = new BlockingReport(f.length, allPairs.length,
                f.length < 2 ? 0 : 1 - allPairs.length / (f.length * (f.length - 1.0) / 2), settings.blockCap(),
                blocks.report().oversizedBlocksByKind());
        return new Passes(cluster(f, allPairs, allPatterns, scoring(rows, second), decisions, Map.of(), List.of(), report, true),
                context);
    }

    /** The sorted union of two sorted pair arrays, with the first's patterns kept and the others' computed. */
    static long[][] union(Features[] f, long[] pairs, long[] patterns, long[] extra) {
        long[] outPairs = new long[pairs.length + extra.length];
        long[] outPatterns = new long[outPairs.length];
        int i = 0, j = 0, w = 0;
        while (i < pairs.length || j < extra.length) {
            if (j == extra.length || (i < pairs.length && pairs[i] <= extra[j])) {
                if (j < extra.length && pairs[i] == extra[j]) j++;
                outPairs[w] = pairs[i];
                outPatterns[w++] = patterns[i++];
            } else {
                outPairs[w] = extra[j];
                outPatterns[w++] = Comparison.pattern(f[(int) (extra[j] >>> 32)], f[(int) extra[j]]);
                j++;
            }
        }
        return new long[][] {java.util.Arrays.copyOf(outPairs, w), java.util.Arrays.copyOf(outPatterns, w)};
    }

    /**
     * Adds records to a previous resolution: only pairs involving a new record (or a record of an entity an
     * analyst decision touches) are scored, with the previous model; previous entities are kept. Counterparties are
     * the previous entities of the counterparts (a new counterpart is its own). The result equals a full run with the
     * same model up to ties in link order and what a full run's second pass would regroup.
     */
    public Resolution extend(Resolution previous, List<PersonRecord> existing, List<PersonRecord> added,
            List<Decision> decisions) {
        List<PersonRecord> all = concat(existing, added);
        Features[] features = features(all);
        return extend(previous, all, existing.size(), features, decisions,
                Neighbourhood.Around.of(features, previous.entityOf()));
    }

    /**
     * {@link #extend(Resolution, List, List, List)} with only part of the stored records loaded: the whole entities
     * that share a blocking key with a new record or are touched by a decision (so every block around those records is
     * complete), in the order a full load would give them (the same ties), with what lies outside in {@code around}.
     * {@code previous} holds the loaded records' entities and the links among them; the result covers the loaded and
     * new records only, and equals the whole extension's on them.
     */
    public Resolution extend(Resolution previous, List<PersonRecord> existing, List<PersonRecord> added,
            List<Decision> decisions, Neighbourhood.Around around) {
        List<PersonRecord> all = concat(existing, added);
        return extend(previous, all, existing.size(), features(all), decisions, around);
    }

    /**
     * The counterparty each record of a previous link showed: a record shows one set of values in all its links, and
     * its counterparty as first shown (the entity of the first pass that compared it) stays what it shows. Read afresh
     * from the entities since resolved, it would differ from the stored links and stop the run.
     */
    private static Map<String, String> shownBefore(Resolution previous, Neighbourhood.Around around) {
        Map<String, String> shown = new HashMap<>(around.shownCounterparty());
        int at = Comparison.COUNTERPARTY.ordinal();
        for (Link l : previous.links()) {
            shown.putIfAbsent(l.recordA(), EvidenceParts.values(l.evidence(), true)[at]);
            shown.putIfAbsent(l.recordB(), EvidenceParts.values(l.evidence(), false)[at]);
        }
        return shown;
    }

    private static List<PersonRecord> concat(List<PersonRecord> existing, List<PersonRecord> added) {
        List<PersonRecord> all = new ArrayList<>(existing.size() + added.size());
        all.addAll(existing);
        all.addAll(added);
        return all;
    }

    private Resolution extend(Resolution previous, List<PersonRecord> all, int existing, Features[] features,
            List<Decision> decisions, Neighbourhood.Around around) {
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
            rescored[i] = i >= existing || entity == null || touchedEntities.contains(entity);
            if (!rescored[i]) kept.put(id, entity);
        }
        Blocking.Result blocks = Blocking.candidates(features, settings.blockCap(), rescored, around::oversized);
        IdTable ids = new IdTable();
        for (Features f : features) ids.add(f.id);
        Counterparties context = previousCounterparties(features, ids, previous.entityOf(), around, shownBefore(previous, around));
        long[] pairs = blocks.pairs(), patterns = patterns(features, pairs);
        if (context != null) {
            int[] counterparty = new int[features.length];
            for (int i = 0; i < features.length; i++) counterparty[i] = context.of(i);
            long[] more = java.util.Arrays.stream(Blocking.byCounterparty(features, counterparty, settings.blockCap()).pairs())
                    .filter(p -> rescored[(int) (p >>> 32)] || rescored[(int) p]).toArray();
            long[][] merged = union(features, pairs, patterns, more);
            pairs = merged[0];
            patterns = merged[1];
            for (int k = 0; k < pairs.length; k++) patterns[k] = Comparison.withLevel(patterns[k], Comparison.COUNTERPARTY,
                    context.level((int) (pairs[k] >>> 32), (int) pairs[k]));
        }
        List<Link> keptLinks = previous.links().stream()
                .filter(l -> kept.containsKey(l.recordA()) && kept.containsKey(l.recordB())).toList();
        Neighbourhood.NameCounts names = around.names();
        Scoring scoring = new Scoring(previous.model(), names.surnames(), names.givens(), names.surnameTotal(),
                names.givenTotal());
        Clustered c = cluster(features, pairs, patterns, scoring, decisions, kept, keptLinks, blocks.report(), true);
        int[] linkA = new int[c.links().size()], linkB = new int[linkA.length], linkShape = new int[linkA.length];
        Link[] shapes = new Link[linkA.length];
        for (int k = 0; k < linkA.length; k++) {
            Link l = c.links().get(k);
            linkA[k] = ids.indexOf(l.recordA());
            linkB[k] = ids.indexOf(l.recordB());
            linkShape[k] = k;
            shapes[k] = RepeatedRows.shape(l);
        }
        long[] notCompared = new long[NotCompared.values().length];
        for (int i = 0; i < features.length; i++) {
            int kinds = NotCompared.of(all.get(i), features[i]);
            for (NotCompared n : NotCompared.values()) if ((kinds & 1 << n.ordinal()) != 0) notCompared[n.ordinal()]++;
        }
        return new Resolution(ids, features.length, c.entity(), linkA, linkB, linkShape, shapes, c.model(), c.blocking(),
                null, notCompared);
    }

    /**
     * The counterparties of records being extended: the previous entity of each counterpart (a counterpart not resolved
     * before stands for itself; one not loaded is looked up around), shown in explanations; null when no record has a
     * counterpart. Entities are numbered by their ids, so any subset of the records numbers them alike.
     */
    private static Counterparties previousCounterparties(Features[] f, IdTable ids, Map<String, String> entityOf,
            Neighbourhood.Around around, Map<String, String> shownBefore) {
        Map<String, Integer> number = new HashMap<>();
        int[] entity = new int[f.length], counterparty = new int[f.length];
        boolean any = false;
        for (int i = 0; i < f.length; i++) {
            entity[i] = number.computeIfAbsent(entityOf.getOrDefault(f[i].id, f[i].id), k -> number.size());
            String cp = f[i].counterpartRecord;
            String cpEntity = cp.isEmpty() ? null : ids.indexOf(cp) >= 0 ? entityOf.getOrDefault(cp, cp)
                    : around.counterpartEntities().get(cp);
            counterparty[i] = cpEntity == null ? -1 : number.computeIfAbsent(cpEntity, k -> number.size());
            f[i].counterpart = shownBefore.getOrDefault(f[i].id, cpEntity == null ? "" : cpEntity);
            any |= cpEntity != null;
        }
        if (!any) return null;
        String[] names = new String[number.size()];
        number.forEach((name, k) -> names[k] = name);
        int[][] partners = new int[names.length + around.partners().values().stream().mapToInt(Set::size).sum()][];
        // Partners of partners are numbered as they come: they are only compared with each other.
        for (int e = 0; e < names.length; e++) {
            Set<String> of = around.partners().get(names[e]);
            if (of == null) continue;
            partners[e] = of.stream().mapToInt(p -> number.computeIfAbsent(p, k -> number.size())).toArray();
        }
        return new Counterparties(counterparty, entity, java.util.Arrays.copyOf(partners, Math.max(number.size(), names.length)));
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

    static long[] patterns(Features[] f, long[] pairs) {
        long[] patterns = new long[pairs.length];
        IntStream.range(0, pairs.length).parallel().forEach(k ->
                patterns[k] = Comparison.pattern(f[(int) (pairs[k] >>> 32)], f[(int) pairs[k]]));
        return patterns;
    }

    /**
     * Records' entities and links as clustered: {@code entity[i]} is the position in the clustered records of the
     * first record (in {@link #ID_ORDER}) of record i's entity.
     */
    record Clustered(int[] entity, List<Link> links, MatchModel model, BlockingReport blocking) {}

    /** @param explain whether to build the links with their evidence (not for a first pass, whose links are dropped) */
    /** Weights with the names counted as the rows were read: each group of one person's rows once. */
    private static Scoring scoring(RecordRows rows, MatchModel model) {
        return new Scoring(model, rows.surnameCounts, rows.givenCounts);
    }

    private Clustered cluster(Features[] f, long[] pairs, long[] patterns, Scoring scoring, List<Decision> decisions,
            Map<String, String> keptEntities, List<Link> keptLinks, BlockingReport report, boolean explain) {
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
            if (clustering.mergeDecided(a, b) == Clustering.Refusal.NONE && explain) {
                long pattern = Comparison.pattern(f[a], f[b]);
                double w = scoring.weight(f[a], f[b], pattern);
                links.add(new Link(f[a].id, f[b].id, w, MatchModel.probability(w),
                        scoring.evidence(f[a], f[b], pattern), Link.Origin.ANALYST));
            }
        }
        mergeStrongestFirst(f, pairs, patterns, linked, linkWeights, scoring, clustering, (k, weight) -> {
            if (!explain) return;
            int a = (int) (pairs[k] >>> 32), b = (int) pairs[k];
            links.add(new Link(f[a].id, f[b].id, weight, MatchModel.probability(weight),
                    scoring.evidence(f[a], f[b], patterns[k]), Link.Origin.SCORED));
        });
        return new Clustered(entities(f, clustering), links, scoring.model(), report);
    }

    /** Told of each scored link that merged two groups: the pair's index and its weight. */
    interface Merged {
        void merged(int pair, double weight);
    }

    /**
     * Merges the linked pairs ({@code linked}: indexes into {@code pairs}, with their weights) strongest first, ties by
     * pair, each merge refused when it would make an incoherent entity. Merges in one connected component of links
     * never depend on another's, so a distributed engine runs this per component with the same outcome.
     */
    static void mergeStrongestFirst(Features[] f, long[] pairs, long[] patterns, int[] linked, double[] linkWeights,
            Scoring scoring, Clustering clustering, Merged merged) {
        Integer[] byStrength = new Integer[linked.length];
        for (int j = 0; j < linked.length; j++) byStrength[j] = j;
        java.util.Arrays.sort(byStrength, Comparator.<Integer>comparingDouble(j -> -linkWeights[j])
                .thenComparingLong(j -> pairs[linked[j]]));
        for (int j : byStrength) {
            int k = linked[j];
            double weight = linkWeights[j];
            int a = (int) (pairs[k] >>> 32), b = (int) pairs[k];
            if (clustering.together(a, b)) continue;
            if (clustering.mergeScored(a, b, weight, scoring.overridingWeight(f[a], patterns[k], weight)) == Clustering.Refusal.NONE) {
                merged.merged(k, weight);
            }
        }
    }

    /** Per record, the position of its entity's first record in {@link #ID_ORDER}. */
    static int[] entities(Features[] f, Clustering clustering) {
        int[] firstOfRoot = new int[f.length];
        java.util.Arrays.fill(firstOfRoot, -1);
        for (int i = 0; i < f.length; i++) {
            int root = clustering.find(i), first = firstOfRoot[root];
            if (first < 0 || ID_ORDER.compare(f[i].id, f[first].id) < 0) firstOfRoot[root] = i;
        }
        int[] entity = new int[f.length];
        for (int i = 0; i < f.length; i++) entity[i] = firstOfRoot[clustering.find(i)];
        return entity;
    }
}
