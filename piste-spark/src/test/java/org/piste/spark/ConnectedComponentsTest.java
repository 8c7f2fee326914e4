package org.piste.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class ConnectedComponentsTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Distributed components of the edges, as a map. */
    static Map<String, String> components(SparkSession spark, List<Tuple2<String, String>> edges) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return ConnectedComponents.of(sc.parallelizePairs(edges, 3), SparkResolve.ID_ORDER).smallestOf().collectAsMap();
    }

    static Map<String, String> unionFind(List<Tuple2<String, String>> edges) {
        UnionFind uf = new UnionFind(SparkResolve.ID_ORDER);
        for (Tuple2<String, String> e : edges) if (!e._1().equals(e._2())) uf.union(e._1(), e._2());
        return uf.smallestOf();
    }

    private static Tuple2<String, String> e(String a, String b) {
        return new Tuple2<>(a, b);
    }

    @Test
    void aChainIsOneComponentNamedByItsSmallestIdInTheCoresOrder() {
        // "t9:S" comes before "t10:S" (shorter first), though not alphabetically.
        List<Tuple2<String, String>> chain = List.of(e("t12:S", "t11:S"), e("t11:S", "t10:S"), e("t10:S", "t9:S"), e("t13:S", "t12:S"));
        Map<String, String> c = components(spark, chain);
        assertThat(c).hasSize(5).containsOnlyKeys("t9:S", "t10:S", "t11:S", "t12:S", "t13:S");
        assertThat(c.values()).containsOnly("t9:S");
        assertThat(c).isEqualTo(unionFind(chain));
    }

    @Test
    void aStarWithItsCentreLargest() {
        List<Tuple2<String, String>> star = List.of(e("9", "1"), e("9", "2"), e("3", "9"), e("9", "4"), e("9", "5"));
        assertThat(components(spark, star)).isEqualTo(unionFind(star)).containsEntry("9", "1").containsEntry("5", "1");
    }

    @Test
    void twoComponentsStayApart() {
        List<Tuple2<String, String>> two = List.of(e("1", "2"), e("2", "3"), e("10", "11"), e("11", "12"), e("12", "10"));
        Map<String, String> c = components(spark, two);
        assertThat(c).isEqualTo(unionFind(two));
        assertThat(c).containsEntry("3", "1").containsEntry("12", "10");
    }

    @Test
    void aCycleWithRepeatsAndSelfLoops() {
        List<Tuple2<String, String>> cycle = List.of(e("5", "6"), e("6", "7"), e("7", "8"), e("8", "5"), e("6", "5"), e("7", "7"),
                e("8", "9"), e("9", "6"));
        assertThat(components(spark, cycle)).isEqualTo(unionFind(cycle)).containsEntry("9", "5");
    }

    @Test
    void aLongPathTakesSeveralRoundsAndStillEndsInOneStar() {
        List<Tuple2<String, String>> path = new java.util.ArrayList<>();
        // Ids alternate high and low along the path so that no single round can see the smallest from afar.
        for (int i = 0; i < 64; i++) path.add(e(Integer.toString(i % 2 == 0 ? i : 1000 - i), Integer.toString((i + 1) % 2 == 0 ? i + 1 : 1000 - i - 1)));
        Map<String, String> c = components(spark, path);
        assertThat(c).isEqualTo(unionFind(path));
        assertThat(c.values()).containsOnly("0");
    }
}
