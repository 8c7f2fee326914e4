package org.piste.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 *   <li>patterns: each candidate pair compared; the model learned on the driver from the patterns' counts and the
 *       representatives (all, or a sample of {@code learnAtMost}: u comes from random pairs of them);</li>
 *   <li>links at the threshold, then connected components (large-star/small-star): an entity's id is its smallest
 *       member id in the core's order.</li>
 * </ol>
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
        long records = keyed.count(), representatives = reps.count();
        progress.stage("groups", "%,d records, %,d after collapsing repeated rows", records, representatives);

        Map<String, Integer>[] names = nameCounts(reps);
        Broadcast<Map<String, Integer>> surnames = sc.broadcast(names[0]), givens = sc.broadcast(names[1]);

        // 2. Blocks: pairs by the core's rule, and identifier blocks' distinct persons.
        LongAccumulator oversized = sc.sc().longAccumulator("oversized blocks");
        int cap = settings.blockCap();
        JavaRDD<Tuple2<String, Object>> blockOut = reps.values()
                .flatMapToPair(r -> Distributed.blockingKeys(Distributed.prepare(TransferRows.fromArray(r))).stream()
                        .map(k -> new Tuple2<>(k, r)).iterator())
                .groupByKey()
                .flatMap(b -> block(b._1(), b._2(), cap, oversized).iterator())
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<String, String> pairs = blockOut.filter(t -> t._2() instanceof String)
                .mapToPair(t -> new Tuple2<>(t._1(), (String) t._2())).distinct();
        JavaPairRDD<String, int[]> persons = blockOut.filter(t -> t._2() instanceof int[])
                .mapToPair(t -> new Tuple2<>(t._1(), (int[]) t._2()))
                .reduceByKey((a, b) -> {
                    int[] max = a.clone();
                    for (int k = 0; k < max.length; k++) max[k] = Math.max(a[k], b[k]);
                    return max;
                });
        JavaPairRDD<String, Tuple2<String[], int[]>> prepared = reps.values().mapToPair(r -> new Tuple2<>(r[0], r))
                .leftOuterJoin(persons).mapValues(t -> new Tuple2<>(t._1(), t._2().orElse(SparkResolve.ones())));

        // 3. Patterns: (a's record and persons, b's id, pattern), a before b in the core's order.
        JavaRDD<Scored> scored = pairs.join(prepared)
                .mapToPair(t -> new Tuple2<>(t._2()._1(), new Tuple2<>(t._1(), t._2()._2())))
                .join(prepared)
                .mapPartitions(SparkResolve::compare)
                .persist(StorageLevel.MEMORY_AND_DISK());
        long candidatePairs = scored.count();
        blockOut.unpersist();
        progress.stage("blocks and patterns", "%,d candidate pairs, %,d blocks over the cap of %d", candidatePairs,
                oversized.value(), cap);

        Map<Long, Long> patterns = new HashMap<>(scored.mapToPair(s -> new Tuple2<>(Distributed.levels(s.pattern()), 1L))
                .reduceByKey(Long::sum).collectAsMap());
        long total = representatives;
        boolean sampled = total > settings.learnAtMost();
        double share = sampled ? settings.learnAtMost() / (double) total : 1;
        List<String[]> learnFrom = new ArrayList<>((sampled ? reps.values().sample(false, share, settings.seed()) : reps.values()).collect());
        learnFrom.sort(Comparator.comparing(r -> r[0], Distributed.ID_ORDER));
        List<Prepared> learnPrepared = learnFrom.stream().map(r -> Distributed.prepare(TransferRows.fromArray(r))).toList();
        MatchModel model = Distributed.learn(learnPrepared, patterns, settings.seed());
        progress.stage("model", "learned from %,d distinct patterns and %,d records%s", patterns.size(), learnFrom.size(),
                sampled ? " (a sample)" : "");

        // 4. Links and connected components.
        Broadcast<MatchModel> modelB = sc.broadcast(model);
        double minWeight = Distributed.minWeight(settings.threshold());
        JavaPairRDD<String, String> links = scored.mapPartitions(part -> {
            Distributed.Weigher weigher = new Distributed.Weigher(modelB.value(), surnames.value(), givens.value());
            Cache cache = new Cache();
            List<Tuple2<String, String>> out = new ArrayList<>();
            while (part.hasNext()) {
                Scored s = part.next();
                Prepared a = cache.get(s.a(), s.aPersons());
                if (weigher.weight(a, s.pattern()) >= minWeight) out.add(new Tuple2<>(s.a()[0], s.b()));
            }
            return out.iterator();
        }).mapToPair(t -> t).persist(StorageLevel.MEMORY_AND_DISK());
        long linkCount = links.count();
        ConnectedComponents.Components cc = ConnectedComponents.of(links, ID_ORDER);
        JavaPairRDD<String, String> entityOfRep = reps.values().mapToPair(r -> new Tuple2<>(r[0], r[0]))
                .leftOuterJoin(cc.smallestOf()).mapValues(t -> t._2().orElse(t._1()));
        // Every record: its representative's entity (a lone record is its own representative).
        JavaPairRDD<String, String> repOfAll = keyed.filter(t -> t._1().startsWith("a")).mapToPair(t -> new Tuple2<>(t._2()[0], t._2()[0]))
                .union(repOf);
        JavaPairRDD<String, String> entityOf = repOfAll.mapToPair(Tuple2::swap).join(entityOfRep)
                .mapToPair(t -> t._2()).persist(StorageLevel.MEMORY_AND_DISK());
        long entities = entityOf.values().distinct().count();
        scored.unpersist();
        links.unpersist();
        progress.stage("links and components", "%,d links, %,d entities, %d large-star/small-star rounds", linkCount, entities,
                cc.rounds());
        keyed.unpersist();
        return new Result(entityOf, model, records, representatives, candidatePairs, oversized.value(), linkCount, entities,
                cc.rounds(), sampled);
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

    /** One block's output: its pairs as (id, id) and, for an identifier block, (id, persons per identifier field). */
    private static List<Tuple2<String, Object>> block(String key, Iterable<String[]> records, int cap, LongAccumulator oversized) {
        List<String[]> members = new ArrayList<>();
        records.forEach(members::add);
        List<Tuple2<String, Object>> out = new ArrayList<>();
        if (members.size() < 2) return out;
        if (members.size() > cap) oversized.add(1);
        members.sort(Comparator.comparing(r -> r[0], Distributed.ID_ORDER));
        List<Prepared> prepared = members.stream().map(r -> Distributed.prepare(TransferRows.fromArray(r))).toList();
        Distributed.personsCarrying(key, prepared).ifPresent(fp -> {
            for (String[] m : members) {
                int[] persons = ones();
                persons[fp[0]] = fp[1];
                out.add(new Tuple2<>(m[0], persons));
            }
        });
        for (long p : Distributed.blockPairs(key, prepared, cap)) {
            out.add(new Tuple2<>(members.get((int) (p >>> 32))[0], members.get((int) p)[0]));
        }
        return out;
    }

    static int[] ones() {
        int[] ones = new int[Distributed.identifierFields()];
        Arrays.fill(ones, 1);
        return ones;
    }

    /** A compared pair: a's record and persons (a is weighed), b's id, the pattern. */
    record Scored(String[] a, int[] aPersons, String b, long pattern) implements java.io.Serializable {}

    private static java.util.Iterator<Scored> compare(
            java.util.Iterator<Tuple2<String, Tuple2<Tuple2<String, Tuple2<String[], int[]>>, Tuple2<String[], int[]>>>> part) {
        Cache cache = new Cache();
        List<Scored> out = new ArrayList<>();
        while (part.hasNext()) {
            var t = part.next();
            Tuple2<String[], int[]> a = t._2()._1()._2(), b = t._2()._2();
            long pattern = Distributed.pattern(cache.get(a._1(), a._2()), cache.get(b._1(), b._2()));
            out.add(new Scored(a._1(), a._2(), t._1(), pattern));
        }
        return out.iterator();
    }

    /** Prepared records of one partition, the most recent kept: pairs sharing a record come together after a join. */
    private static final class Cache extends LinkedHashMap<String, Prepared> {
        private static final int SIZE = 20_000;

        Cache() {
            super(1024, 0.75f, true);
        }

        Prepared get(String[] record, int[] persons) {
            Prepared p = get(record[0]);
            if (p == null) {
                p = Distributed.prepare(TransferRows.fromArray(record), persons);
                put(record[0], p);
            }
            return p;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
            return size() > SIZE;
        }
    }
}
