package org.piste.resolve;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolver's steps one record, one block or one pair at a time, for an engine that spreads them over machines
 * (piste-spark). {@link Resolver} runs them over arrays held in one heap; a distributed engine runs the same steps on
 * partitions and joins their results. Every method delegates to the resolver's own classes: no rule, normaliser or
 * weight is written twice, so a change to blocking or scoring reaches both engines at once.
 *
 * <p>A distributed engine finds the connected components of the links itself, then clusters each component with
 * {@link #cluster} (the resolver's coherent clustering, which needs a whole component in one place). Analyst decisions
 * stay with {@link Resolver}.
 */
public final class Distributed {
    private Distributed() {}

    /** Entity ids are the first member id in this order (the resolver's). */
    public static final Comparator<String> ID_ORDER = Resolver.ID_ORDER;

    /** The block cap of the resolver's default settings. */
    public static int defaultBlockCap() {
        return Resolver.Settings.defaults().blockCap();
    }

    /** The link threshold (a probability) of the resolver's default settings. */
    public static double defaultThreshold() {
        return Resolver.Settings.defaults().threshold();
    }

    /** The seed of the random pairs that estimate u, as the resolver's default settings. */
    public static long defaultSeed() {
        return Resolver.Settings.defaults().seed();
    }

    /**
     * A record in the form the comparators use. Built where it is used and never shipped: rebuilding it from its
     * {@link PersonRecord} costs microseconds, shipping it would tie the wire format to the comparators' internals.
     */
    public static final class Prepared {
        final Features f;

        private Prepared(Features f) {
            this.f = f;
        }

        public String id() {
            return f.id;
        }
    }

    public static Prepared prepare(PersonRecord r) {
        return new Prepared(new Features(r));
    }

    /**
     * @param persons per identifier field (ID number, phone, e-mail, address, in that order), the distinct persons
     *                carrying the record's value, as {@link #personsCarrying} counted them (1: its own only)
     */
    public static Prepared prepare(PersonRecord r, int[] persons) {
        Features f = new Features(r);
        for (int k = 0; k < Comparison.IDENTIFIERS.size(); k++) f.personsCarrying(Comparison.IDENTIFIERS.get(k), persons[k]);
        return new Prepared(f);
    }

    /** How many identifier fields {@link #prepare(PersonRecord, int[])} takes persons for. */
    public static int identifierFields() {
        return Comparison.IDENTIFIERS.size();
    }

    /**
     * The signature of one person's repeated rows: equal for rows the resolver resolves once (identical in every
     * compared field, with a strong identifier); empty for a record without a strong identifier.
     */
    public static Optional<String> signature(Prepared p) {
        return Optional.ofNullable(p.f.signature()).map(Distributed::encode);
    }

    /**
     * The signature of a record without a strong identifier paid by (or paying) a counterpart whose rows have the
     * signature {@code counterpartSignature}: the same sender paying the same name, written alike, at the same place.
     */
    public static Optional<String> sparseSignature(Prepared p, String counterpartSignature) {
        return Optional.ofNullable(p.f.sparseSignature(0)).map(s -> encode(s) + '\u0001' + counterpartSignature);
    }

    /**
     * What a record standing alone counts once in the name frequencies (its name, place and agency): a person's
     * repeated rows must not make his own name look common.
     */
    public static String nameForm(Prepared p) {
        return encode(RecordRows.Form.of(p.f));
    }

    /** The surname and given-name keys whose frequencies weigh exact name agreements. */
    public static String surnameKey(Prepared p) {
        return p.f.surnameKey;
    }

    public static String givenKey(Prepared p) {
        return p.f.givenKey;
    }

    /** The record's blocking keys (first pass). */
    public static List<String> blockingKeys(Prepared p) {
        return Blocking.keys(p.f);
    }

    /** Whether a block of this key counts the distinct persons carrying its value (an identifier's block). */
    public static boolean countsPersons(String key) {
        return Blocking.identifierOf(key) != null;
    }

    /**
     * The distinct persons carrying an identifier block's value, as {@code {field index, persons}} (field index as in
     * {@link #prepare(PersonRecord, int[])}), or empty for a block of another kind or of one record.
     *
     * @param members the block's records in {@link #ID_ORDER}
     */
    public static Optional<int[]> personsCarrying(String key, List<Prepared> members) {
        Comparison field = Blocking.identifierOf(key);
        if (field == null || members.size() < 2) return Optional.empty();
        Features[] f = features(members);
        int[] all = new int[f.length];
        for (int i = 0; i < all.length; i++) all[i] = i;
        int persons = DistinctPersons.count(f, all, 0, all.length, field != Comparison.ID_NUMBER);
        return Optional.of(new int[] {Comparison.IDENTIFIERS.indexOf(field), persons});
    }

    /**
     * A block's candidate pairs, as positions {@code (i << 32) | j}, i < j, into {@code members}: all pairs, or in a
     * block over the cap each record with its next few neighbours by name (the resolver's rule).
     *
     * @param members the block's records in {@link #ID_ORDER}
     */
    public static long[] blockPairs(String key, List<Prepared> members, int cap) {
        int[] all = new int[members.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return Blocking.pairsOfBlock(features(members), key, all, cap);
    }

    private static Features[] features(List<Prepared> members) {
        Features[] f = new Features[members.size()];
        for (int i = 0; i < f.length; i++) f[i] = members.get(i).f;
        return f;
    }

    /** The comparison pattern of two records (every field's level, and flags for the explanations). */
    public static long pattern(Prepared a, Prepared b) {
        return Comparison.pattern(a.f, b.f);
    }

    /** A pattern's levels alone: what the learner counts. */
    public static long levels(long pattern) {
        return Comparison.levelsOnly(pattern);
    }

    /**
     * The model learned as the resolver learns its first pass's, or the default model below the resolver's minimum
     * of records.
     *
     * @param records  the records (all, or a sample) in {@link #ID_ORDER}: u is estimated from random pairs of them
     * @param patterns the candidate pairs' patterns ({@link #levels}) with their counts
     */
    public static MatchModel learn(List<Prepared> records, Map<Long, Long> patterns, long seed) {
        return ModelLearner.learnOrDefault(features(records), patterns, seed, null);
    }

    /**
     * The learner with counterparties (the resolver's second pass): u's random pairs compare their records'
     * counterparties too.
     *
     * @param entity       per record, its first-pass entity id
     * @param counterparty per record, its counterpart's first-pass entity id, or "" for none
     */
    public static MatchModel learn(List<Prepared> records, Map<Long, Long> patterns, long seed, List<String> entity,
            List<String> counterparty) {
        Map<String, Integer> index = new java.util.HashMap<>();
        int n = records.size();
        int[] e = new int[n], c = new int[n];
        for (int i = 0; i < n; i++) {
            e[i] = index.computeIfAbsent(entity.get(i), k -> index.size());
            c[i] = counterparty.get(i).isEmpty() ? -1 : index.computeIfAbsent(counterparty.get(i), k -> index.size());
        }
        // Counterparties indexes entities among its records: pad with records that deal with no one when a sample's
        // entities outnumber its records.
        int size = Math.max(n, index.size());
        int[] entities = java.util.Arrays.copyOf(e, size), counterparties = java.util.Arrays.copyOf(c, size);
        java.util.Arrays.fill(counterparties, n, size, -1);
        Counterparties context = new Counterparties(counterparties, entities);
        return ModelLearner.learnOrDefault(features(records), patterns, seed, context::level);
    }

    /**
     * The second pass's blocking key: the record's name with its counterpart's first-pass entity (the same sender
     * paying the same name, written in different ways); empty without both name parts.
     */
    public static Optional<String> counterpartyKey(Prepared p, String counterpartyEntity) {
        return Optional.ofNullable(Blocking.counterpartyKey(p.f, counterpartyEntity));
    }

    /**
     * The pattern with its counterparty level: missing when a record has no counterpart ({@code ca} or {@code cb}
     * empty), else as {@link Counterparties} compares them.
     *
     * @param ea, eb               the records' own first-pass entities
     * @param partnersA, partnersB the entities the counterparts' entities {@code ca} and {@code cb} dealt with
     */
    public static long withCounterparty(long pattern, String ca, String cb, String ea, String eb,
            java.util.Collection<String> partnersA, java.util.Collection<String> partnersB) {
        if (ca.isEmpty() || cb.isEmpty()) return Comparison.withLevel(pattern, Comparison.COUNTERPARTY, Comparison.MISSING);
        // Ids to ints in their sorted order, so that sorted partner lists stay sorted.
        java.util.TreeSet<String> ids = new java.util.TreeSet<>(partnersA);
        ids.addAll(partnersB);
        ids.addAll(List.of(ca, cb, ea, eb));
        Map<String, Integer> index = new java.util.HashMap<>();
        for (String id : ids) index.put(id, index.size());
        int level = Counterparties.level(index.get(ca), index.get(cb), index.get(ea), index.get(eb),
                ints(partnersA, index), ints(partnersB, index));
        return Comparison.withLevel(pattern, Comparison.COUNTERPARTY, level);
    }

    private static int[] ints(java.util.Collection<String> ids, Map<String, Integer> index) {
        return ids.stream().distinct().mapToInt(index::get).sorted().toArray();
    }

    /**
     * The resolver's coherent clustering of one connected component of links: merged strongest first, a merge refused
     * when it would join contradicting dates of birth or given names (see {@code Clustering}). Components never
     * interact, so clustering each where it lies gives the resolver's entities.
     *
     * @param members  the component's records in {@link #ID_ORDER}
     * @param pairs    its links as positions {@code (i << 32) | j}, i < j, into {@code members}
     * @param patterns each link's pattern
     * @return per member, the position of its entity's first member
     */
    public static int[] cluster(List<Prepared> members, long[] pairs, long[] patterns, Weigher weigher) {
        Features[] f = features(members);
        int[] linked = new int[pairs.length];
        double[] weights = new double[pairs.length];
        for (int k = 0; k < pairs.length; k++) {
            linked[k] = k;
            weights[k] = weigher.scoring.weight(f[(int) (pairs[k] >>> 32)], null, patterns[k]);
        }
        Clustering clustering = new Clustering(f);
        Resolver.mergeStrongestFirst(f, pairs, patterns, linked, weights, weigher.scoring, clustering, (k, w) -> {});
        return Resolver.entities(f, clustering);
    }

    /** The smallest link weight for a threshold probability. */
    public static double minWeight(double threshold) {
        return MatchModel.log2(threshold / (1 - threshold));
    }

    /** Weighs pairs under a model with the records' name frequencies (term-frequency weights for exact names). */
    public static final class Weigher {
        private final Scoring scoring;

        /**
         * @param surnameCounts surname key -> records carrying it, counted as {@link #nameForm} says
         * @param givenCounts   given-name key -> records carrying it, likewise
         */
        public Weigher(MatchModel model, Map<String, Integer> surnameCounts, Map<String, Integer> givenCounts) {
            this.scoring = new Scoring(model, surnameCounts, givenCounts);
        }

        /**
         * The link weight of a pair whose pattern is {@code pattern} (from {@link #pattern}): the pattern holds the
         * other record's part, and the first record's names and identifiers say how specific an agreement is.
         */
        public double weight(Prepared first, long pattern) {
            return scoring.weight(first.f, null, pattern);
        }
    }

    /** A record's components as text, each once, separated by a character no normalised value holds. */
    private static String encode(Record r) {
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                parts.add(String.valueOf(c.getAccessor().invoke(r)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join("\u0000", parts);
    }
}
