package org.piste.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import scala.Tuple2;

/**
 * Connected components of an undirected graph with the large-star / small-star algorithm (Kiveris, Lattanzi, Mirrokni,
 * Rastogi, Vassilvitskii, "Connected Components in MapReduce and Beyond", SoCC 2014), in plain RDD operations. Each
 * round shuffles the edges twice and the number of rounds grows as log² of the graph's size (few in practice): no
 * node's whole component is ever gathered in one place, which a union-find on one machine needs.
 *
 * <ul>
 *   <li>large-star: every node u links each larger neighbour to the smallest of u and its neighbours;</li>
 *   <li>small-star: every node u links itself and each of its smaller neighbours to the smallest of them.</li>
 * </ul>
 * Done when the graph is a set of stars: every node points to exactly one node, and no pointed-to node points anywhere.
 * Edges then go from each node to its component's smallest node (edges always point to a smaller node).
 */
final class ConnectedComponents {
    private ConnectedComponents() {}

    /** A total order on node ids that Spark can ship with the tasks. */
    interface Order extends Comparator<String>, Serializable {}

    /** The result and how many rounds it took. */
    record Components(JavaPairRDD<String, String> smallestOf, int rounds) {}

    /**
     * @param edges undirected edges (either direction, repeats and self-loops allowed)
     * @return every node of an edge with its component's smallest node (itself included)
     */
    static Components of(JavaPairRDD<String, String> edges, Order order) {
        JavaPairRDD<String, String> e = edges.filter(t -> !t._1().equals(t._2())).distinct().cache();
        int rounds = 0;
        while (true) {
            rounds++;
            JavaPairRDD<String, String> large = largeStar(e, order).cache();
            JavaPairRDD<String, String> small = smallStar(large, order).cache();
            long edgeCount = small.count();
            boolean oneTargetEach = small.keys().distinct().count() == edgeCount;
            boolean stars = oneTargetEach && small.values().distinct().intersection(small.keys()).isEmpty();
            e.unpersist();
            large.unpersist();
            e = small;
            if (stars) break;
        }
        JavaPairRDD<String, String> roots = e.values().distinct().mapToPair(m -> new Tuple2<>(m, m));
        return new Components(e.union(roots), rounds);
    }

    static JavaPairRDD<String, String> largeStar(JavaPairRDD<String, String> e, Order order) {
        return e.flatMapToPair(t -> List.of(t, t.swap()).iterator()).groupByKey().flatMapToPair(g -> {
            String u = g._1(), m = u;
            for (String v : g._2()) if (order.compare(v, m) < 0) m = v;
            List<Tuple2<String, String>> out = new ArrayList<>();
            for (String v : g._2()) if (order.compare(v, u) > 0) out.add(new Tuple2<>(v, m));
            return out.iterator();
        }).distinct();
    }

    static JavaPairRDD<String, String> smallStar(JavaPairRDD<String, String> e, Order order) {
        return e.mapToPair(t -> order.compare(t._2(), t._1()) <= 0 ? t : t.swap()).groupByKey().flatMapToPair(g -> {
            String u = g._1(), m = u;
            for (String v : g._2()) if (order.compare(v, m) < 0) m = v;
            List<Tuple2<String, String>> out = new ArrayList<>();
            if (!u.equals(m)) out.add(new Tuple2<>(u, m));
            for (String v : g._2()) if (!v.equals(m)) out.add(new Tuple2<>(v, m));
            return out.iterator();
        }).distinct();
    }
}
