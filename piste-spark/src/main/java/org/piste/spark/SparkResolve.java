package org.piste.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.piste.resolve.Distributed;
import org.piste.resolve.Distributed.Prepared;
import org.piste.resolve.MatchModel;
import scala.Tuple2;

/**
 * Entity resolution as Spark stages, every rule taken from the core through {@link Distributed}:
 * <ol>
 *   <li>groups: one person's repeated rows (the core's signatures) collapse to one representative, the first in the
 *       core's id order; name frequencies count each group, and each distinct name form of a lone record, once;</li>
 *   <li>blocks: the representatives' blocking keys, each block's pairs by the core's cap rule, and each identifier
 *       block's distinct persons;</li>
 *   <li>first pass: each candidate pair compared; the model learned on the driver from the patterns' counts and the
 *       representatives (all, or a sample of {@code learnAtMost}: u comes from random pairs of them); links at the
 *       threshold; connected components (large-star/small-star), each then clustered by the core's rules;</li>
 *   <li>second pass, as the core's: each record's counterpart as a first-pass entity, records of one name paid by one
 *       counterparty blocked together, the counterparty compared in every pair (the partners of each entity broadcast),
 *       the model learned again, links, components. An entity's id is its smallest member id in the core's order.</li>
 * </ol>
 * The components are clustered one by one with the core's coherent clustering ({@link Distributed#cluster}): what
 * differs from the core is said in docs/spark.md.
 */
final class SparkResolve {
    private SparkResolve() {}

    record Settings(double threshold, int blockCap, long seed, int learnAtMost) {
        static Settings defaults() {
            return new Settings(Distributed.defaultThreshold(), Distributed.defaultBlockCap(), Distributed.defaultSeed(), 2_000_000);
        }
    }

    /** The core's id order, shippable (the comparator itself is read where the tasks run). */
    static final ConnectedComponents.Order ID_ORDER = (a, b) -> Distributed.ID_ORDER.compare(a, b);

    /** The final entities and model, with the second pass's figures. */
    record Result(JavaPairRDD<String, String> entityOf, MatchModel model, long records, long representatives,
            long candidatePairs, long oversizedBlocks, long links, long entities, int rounds, boolean sampled) {}

    static Result run(JavaRDD<Row> transfers, Settings settings, Progress progress) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(transfers.context());

        // 1. Groups of repeated rows: (group key, record), a lone record keyed by its own id.
        JavaPairRDD<String, String[]> keyed = transfers.flatMapToPair(SparkResolve::groupKeys)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<String, String[]> reps = keyed.reduceByKey((a, b) -> ID_ORDER.compare(a[0], b[0]) <= 0 ? a : b)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<String, String> repOf = keyed.filter(t -> !t._1().startsWith("a")).mapToPair(t -> new Tuple2<>(t._1(), t._2()[0]))
                .join(reps.mapValues(r -> r[0])).mapToPair(t -> t._2());
        // Every record with its representative (a lone record is its own).
        JavaPairRDD<String, String> repOfAll = keyed.filter(t -> t._1().startsWith("a"))
                .mapToPair(t -> new Tuple2<>(t._2()[0], t._2()[0])).union(repOf).persist(StorageLevel.MEMORY_AND_DISK());
        long records = keyed.count(), representatives = reps.count();
        keyed.unpersist();
        progress.stage("groups", "%,d records, %,d after collapsing repeated rows", records, representatives);

        Map<String, Integer>[] names = nameCounts(reps);
        Broadcast<Map<String, Integer>> surnames = sc.broadcast(names[0]), givens = sc.broadcast(names[1]);

        // 2. Identifier blocks' distinct persons, then every representative with its own.
        LongAccumulator oversized = sc.sc().longAccumulator("oversized blocks");
        int cap = settings.blockCap();
        JavaPairRDD<String, int[]> persons = reps.values()
                .flatMapToPair(r -> Distributed.blockingKeys(Distributed.prepare(TransferRows.fromArray(r))).stream()
                        .filter(Distributed::countsPersons).map(k -> new Tuple2<>(k, r)).iterator())
                .groupByKey()
                .flatMapToPair(b -> personsOfBlock(b._1(), b._2()).iterator())
                .reduceByKey((x, y) -> {
                    int[] max = x.clone();
                    for (int k = 0; k < max.length; k++) max[k] = Math.max(x[k], y[k]);
                    return max;
                });
        JavaPairRDD<String, Rep> prepared = reps.values().mapToPair(r -> new Tuple2<>(r[0], r))
                .leftOuterJoin(persons).mapValues(t -> new Rep(t._1(), t._2().orElse(SparkResolve.ones()), "", ""))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Pass first = pass("first pass", compareInBlocks(prepared.values(), cap, oversized, null), prepared, settings, sc,
                surnames, givens, progress, oversized);

        // 3. Second pass: each representative's counterpart as a first-pass entity, records of one name paid by one
        // counterparty blocked together, every pair's counterparty compared, the model learned again.
        JavaPairRDD<String, String> entityOf1 = repOfAll.mapToPair(Tuple2::swap).join(first.entityOfRep())
                .mapToPair(t -> t._2());
        JavaPairRDD<String, String> counterpartyOfRep = prepared.filter(t -> !t._2().record()[14].isEmpty())
                .mapToPair(t -> new Tuple2<>(t._2().record()[14], t._1())).join(entityOf1).mapToPair(t -> t._2());
        JavaPairRDD<String, Rep> inContext = prepared.join(first.entityOfRep()).leftOuterJoin(counterpartyOfRep)
                .mapValues(t -> new Rep(t._1()._1().record(), t._1()._1().persons(), t._1()._2(), t._2().orElse("")))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Map<String, List<String>> partners = new HashMap<>(inContext.values().filter(r -> !r.counterparty().isEmpty())
                .mapToPair(r -> new Tuple2<>(r.entity(), r.counterparty())).distinct().groupByKey()
                .mapValues(cs -> {
                    List<String> list = new ArrayList<>();
                    cs.forEach(list::add);
                    return list;
                }).collectAsMap());
        Broadcast<Map<String, List<String>>> partnersB = sc.broadcast(partners);
        Pass second = pass("second pass", compareInBlocks(inContext.values(), cap, oversized, partnersB), inContext, settings,
                sc, surnames, givens, progress, oversized);
        JavaPairRDD<String, String> entityOf = repOfAll.mapToPair(Tuple2::swap).join(second.entityOfRep())
                .mapToPair(t -> t._2()).persist(StorageLevel.MEMORY_AND_DISK());
        long entities = entityOf.values().distinct().count();
        prepared.unpersist();
        inContext.unpersist();
        repOfAll.unpersist();
        progress.stage("entities", "%,d entities of %,d records", entities, records);
        return new Result(entityOf, second.model(), records, representatives, second.candidatePairs(), oversized.value(),
                second.links(), entities, first.rounds() + second.rounds(), second.sampled());
    }

    /** A representative with what scoring needs: its record, its identifiers' persons, and (second pass) its context. */
    record Rep(String[] record, int[] persons, String entity, String counterparty) implements java.io.Serializable {}

    /** One pass's outcome: each representative's entity, and the figures printed. */
    private record Pass(JavaPairRDD<String, String> entityOfRep, MatchModel model, long candidatePairs, long links, int rounds,
            boolean sampled) {}

    /**
     * Candidate pairs compared where their block lies (each block's records prepared once): (a, (b, pattern)), a before
     * b in the core's order, each pair once. In the second pass ({@code partners} given) the blocks include the
     * name + counterparty ones and every pattern carries its counterparty level.
     */
    private static JavaPairRDD<String, Tuple2<String, Long>> compareInBlocks(JavaRDD<Rep> reps, int cap, LongAccumulator oversized,
            Broadcast<Map<String, List<String>>> partners) {
        return reps.flatMapToPair(r -> {
                    Prepared p = Distributed.prepare(TransferRows.fromArray(r.record()));
                    List<Tuple2<String, Rep>> out = new ArrayList<>();
                    for (String k : Distributed.blockingKeys(p)) out.add(new Tuple2<>(k, r));
                    if (partners != null && !r.counterparty().isEmpty()) {
                        Distributed.counterpartyKey(p, r.counterparty()).ifPresent(k -> out.add(new Tuple2<>(k, r)));
                    }
                    return out.iterator();
                })
                .groupByKey()
                .flatMapToPair(b -> comparedBlock(b._1(), b._2(), cap, oversized, partners == null ? null : partners.value()).iterator())
                .reduceByKey((x, y) -> x)
                .mapToPair(t -> new Tuple2<>(t._1()._1(), new Tuple2<>(t._1()._2(), t._2())))
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** Learns the model from the compared pairs, links at the threshold, takes connected components, clusters them. */
    private static Pass pass(String name, JavaPairRDD<String, Tuple2<String, Long>> compared, JavaPairRDD<String, Rep> prepared,
            Settings settings, JavaSparkContext sc, Broadcast<Map<String, Integer>> surnames, Broadcast<Map<String, Integer>> givens,
            Progress progress, LongAccumulator oversized) {
        long candidatePairs = compared.count();
        progress.stage(name + ": pairs", "%,d candidate pairs compared, %,d blocks over the cap of %d so far", candidatePairs,
                oversized.value(), settings.blockCap());

        Map<Long, Long> patterns = new HashMap<>(compared.mapToPair(s -> new Tuple2<>(Distributed.levels(s._2()._2()), 1L))
                .reduceByKey(Long::sum).collectAsMap());
        long total = prepared.count();
        boolean sampled = total > settings.learnAtMost();
        JavaRDD<Rep> pool = prepared.values();
        List<Rep> learnFrom = new ArrayList<>((sampled ? pool.sample(false, settings.learnAtMost() / (double) total, settings.seed())
                : pool).collect());
        learnFrom.sort(Comparator.comparing(r -> r.record()[0], Distributed.ID_ORDER));
        List<Prepared> learnPrepared = learnFrom.stream().map(r -> Distributed.prepare(TransferRows.fromArray(r.record()))).toList();
        boolean counterparties = learnFrom.stream().anyMatch(r -> !r.entity().isEmpty());
        MatchModel model = !counterparties ? Distributed.learn(learnPrepared, patterns, settings.seed())
                : Distributed.learn(learnPrepared, patterns, settings.seed(), learnFrom.stream().map(Rep::entity).toList(),
                        learnFrom.stream().map(Rep::counterparty).toList());
        progress.stage(name + ": model", "learned from %,d distinct patterns and %,d records%s", patterns.size(), learnFrom.size(),
                sampled ? " (a sample)" : "");

        // The model travels as its tables (it is not serializable) and is rebuilt as a stored model is.
        Broadcast<double[][][]> tables = sc.broadcast(new double[][][] {model.mTable(), model.uTable()});
        double prior = model.prior();
        double minWeight = Distributed.minWeight(settings.threshold());
        // Each representative weighs its own pairs: the weight reads the first record's names and identifiers.
        JavaPairRDD<String, Tuple2<String, Long>> links = compared.cogroup(prepared).flatMapToPair(g -> {
            List<Tuple2<String, Tuple2<String, Long>>> out = new ArrayList<>();
            java.util.Iterator<Rep> rep = g._2()._2().iterator();
            java.util.Iterator<Tuple2<String, Long>> pairs = g._2()._1().iterator();
            if (!rep.hasNext() || !pairs.hasNext()) return out.iterator();
            Rep r = rep.next();
            Prepared a = Distributed.prepare(TransferRows.fromArray(r.record()), r.persons());
            Distributed.Weigher weigher = weigher(tables.value(), prior, surnames.value(), givens.value());
            while (pairs.hasNext()) {
                Tuple2<String, Long> bp = pairs.next();
                if (weigher.weight(a, bp._2()) >= minWeight) out.add(new Tuple2<>(g._1(), bp));
            }
            return out.iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());
        long linkCount = links.count();
        ConnectedComponents.Components cc = ConnectedComponents.of(links.mapValues(Tuple2::_1), ID_ORDER);
        // Each component clustered where it lies, by the core's coherent clustering: its members and its links together.
        JavaPairRDD<String, String> componentOf = cc.smallestOf().persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<String, Rep> membersByComponent = componentOf.join(prepared).mapToPair(t -> t._2());
        JavaPairRDD<String, Tuple2<String, Tuple2<String, Long>>> linksByComponent = links.join(componentOf)
                .mapToPair(t -> new Tuple2<>(t._2()._2(), new Tuple2<>(t._1(), t._2()._1())));
        JavaPairRDD<String, String> clustered = membersByComponent.cogroup(linksByComponent).flatMapToPair(c -> {
            Distributed.Weigher weigher = weigher(tables.value(), prior, surnames.value(), givens.value());
            return clusterComponent(c._2()._1(), c._2()._2(), weigher).iterator();
        });
        JavaPairRDD<String, String> entityOfRep = prepared.mapToPair(t -> new Tuple2<>(t._1(), t._1()))
                .leftOuterJoin(clustered).mapValues(t -> t._2().orElse(t._1())).persist(StorageLevel.MEMORY_AND_DISK());
        long entities = entityOfRep.values().distinct().count();
        long largest = componentOf.mapToPair(t -> new Tuple2<>(t._2(), 1L)).reduceByKey(Long::sum).values().fold(0L, Math::max);
        compared.unpersist();
        links.unpersist();
        componentOf.unpersist();
        progress.stage(name + ": components", "%,d links, %,d entities of representatives (%d large-star/small-star rounds;"
                + " components clustered coherently, the largest of %,d records)", linkCount, entities, cc.rounds(), largest);
        return new Pass(entityOfRep, model, candidatePairs, linkCount, cc.rounds(), sampled);
    }

    private static Distributed.Weigher weigher(double[][][] tables, double prior, Map<String, Integer> surnames,
            Map<String, Integer> givens) {
        return new Distributed.Weigher(MatchModel.of(tables[0], tables[1], prior), surnames, givens);
    }

    /** One component's members with their entity ids, by the core's clustering of its links (a before b in id order). */
    private static List<Tuple2<String, String>> clusterComponent(Iterable<Rep> reps, Iterable<Tuple2<String, Tuple2<String, Long>>> links,
            Distributed.Weigher weigher) {
        List<Rep> members = new ArrayList<>();
        reps.forEach(members::add);
        members.sort(Comparator.comparing(r -> r.record()[0], Distributed.ID_ORDER));
        Map<String, Integer> position = new HashMap<>();
        List<Prepared> prepared = new ArrayList<>(members.size());
        for (Rep r : members) {
            position.put(r.record()[0], position.size());
            prepared.add(Distributed.prepare(TransferRows.fromArray(r.record()), r.persons()));
        }
        List<Tuple2<String, Tuple2<String, Long>>> list = new ArrayList<>();
        links.forEach(list::add);
        long[] pairs = new long[list.size()], patterns = new long[list.size()];
        for (int k = 0; k < pairs.length; k++) {
            Tuple2<String, Tuple2<String, Long>> l = list.get(k);
            pairs[k] = ((long) position.get(l._1()) << 32) | position.get(l._2()._1());
            patterns[k] = l._2()._2();
        }
        int[] entity = Distributed.cluster(prepared, pairs, patterns, weigher);
        List<Tuple2<String, String>> out = new ArrayList<>(members.size());
        for (int i = 0; i < entity.length; i++) out.add(new Tuple2<>(prepared.get(i).id(), prepared.get(entity[i]).id()));
        return out;
    }

    /**
     * A transfer's two records with their group keys: "s" + the signature of one person's identical rows, "p" + the
     * sparse signature of a recipient known by name and place paid by a sender with one, or "a" + the record's id.
     */
    private static java.util.Iterator<Tuple2<String, String[]>> groupKeys(Row row) {
        String[] s = TransferRows.person(row, 0), r = TransferRows.person(row, 1);
        Prepared ps = Distributed.prepare(TransferRows.fromArray(s)), pr = Distributed.prepare(TransferRows.fromArray(r));
        Optional<String> senderSignature = Distributed.signature(ps);
        String sk = senderSignature.map(x -> "s" + x).orElse("a" + s[0]);
        Optional<String> recipientSignature = Distributed.signature(pr);
        String rk = recipientSignature.isPresent() ? "s" + recipientSignature.get()
                : senderSignature.flatMap(x -> Distributed.sparseSignature(pr, x)).map(x -> "p" + x).orElse("a" + r[0]);
        return List.of(new Tuple2<>(sk, s), new Tuple2<>(rk, r)).iterator();
    }

    /**
     * Surname and given-name frequencies as the core counts them: each group of repeated rows once, and each distinct
     * form (name, place, agency) of the lone records once.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Integer>[] nameCounts(JavaPairRDD<String, String[]> reps) {
        JavaRDD<Tuple2<String, String>> counted = reps.mapToPair(t -> {
            Prepared p = Distributed.prepare(TransferRows.fromArray(t._2()));
            String key = t._1().startsWith("a") ? "f" + Distributed.nameForm(p) : t._1();
            return new Tuple2<>(key, new Tuple2<>(Distributed.surnameKey(p), Distributed.givenKey(p)));
        }).reduceByKey((a, b) -> a).values().persist(StorageLevel.MEMORY_AND_DISK());
        Map<String, Integer> surnames = counts(counted.map(Tuple2::_1)), givens = counts(counted.map(Tuple2::_2));
        counted.unpersist();
        return new Map[] {surnames, givens};
    }

    private static Map<String, Integer> counts(JavaRDD<String> keys) {
        return new HashMap<>(keys.filter(k -> !k.isEmpty()).mapToPair(k -> new Tuple2<>(k, 1)).reduceByKey(Integer::sum).collectAsMap());
    }

    /** An identifier block's records, each with the distinct persons carrying the block's value (other fields: 1). */
    private static List<Tuple2<String, int[]>> personsOfBlock(String key, Iterable<String[]> records) {
        List<String[]> members = new ArrayList<>();
        records.forEach(members::add);
        members.sort(Comparator.comparing(r -> r[0], Distributed.ID_ORDER));
        List<Prepared> prepared = members.stream().map(r -> Distributed.prepare(TransferRows.fromArray(r))).toList();
        List<Tuple2<String, int[]>> out = new ArrayList<>();
        Distributed.personsCarrying(key, prepared).ifPresent(fp -> {
            for (String[] m : members) {
                int[] persons = ones();
                persons[fp[0]] = fp[1];
                out.add(new Tuple2<>(m[0], persons));
            }
        });
        return out;
    }

    /** One block's pairs by the core's rule, each compared: ((a, b), pattern), a before b in the core's order. */
    private static List<Tuple2<Tuple2<String, String>, Long>> comparedBlock(String key, Iterable<Rep> reps, int cap,
            LongAccumulator oversized, Map<String, List<String>> partners) {
        List<Rep> members = new ArrayList<>();
        reps.forEach(members::add);
        List<Tuple2<Tuple2<String, String>, Long>> out = new ArrayList<>();
        if (members.size() < 2) return out;
        if (members.size() > cap) oversized.add(1);
        members.sort(Comparator.comparing(r -> r.record()[0], Distributed.ID_ORDER));
        List<Prepared> prepared = members.stream().map(r -> Distributed.prepare(TransferRows.fromArray(r.record()), r.persons())).toList();
        for (long p : Distributed.blockPairs(key, prepared, cap)) {
            int i = (int) (p >>> 32), j = (int) p;
            Rep a = members.get(i), b = members.get(j);
            long pattern = Distributed.pattern(prepared.get(i), prepared.get(j));
            if (partners != null) {
                pattern = Distributed.withCounterparty(pattern, a.counterparty(), b.counterparty(), a.entity(), b.entity(),
                        partners.getOrDefault(a.counterparty(), List.of()), partners.getOrDefault(b.counterparty(), List.of()));
            }
            out.add(new Tuple2<>(new Tuple2<>(a.record()[0], b.record()[0]), pattern));
        }
        return out;
    }

    static int[] ones() {
        int[] ones = new int[Distributed.identifierFields()];
        Arrays.fill(ones, 1);
        return ones;
    }
}
