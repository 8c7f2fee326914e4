package org.piste.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/** Random graphs: large-star/small-star gives the same partition, named by the same smallest node, as a union-find. */
class ConnectedComponentsProperties {
    private static SparkSession spark;

    @BeforeContainer
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterContainer
    static void stop() {
        spark.stop();
    }

    @Property(tries = 30)
    void sameComponentsAsAUnionFind(@ForAll("graphs") List<Tuple2<String, String>> edges) {
        assertThat(ConnectedComponentsTest.components(spark, edges)).isEqualTo(ConnectedComponentsTest.unionFind(edges));
    }

    @Provide
    Arbitrary<List<Tuple2<String, String>>> graphs() {
        // Ids of varied length ("7", "t12:R") so that the core's order (shorter first) differs from the alphabet's.
        Arbitrary<String> node = Arbitraries.integers().between(0, 60).map(i -> i % 3 == 0 ? "t" + i + ":R" : Integer.toString(i));
        return Arbitraries.integers().between(1, 80).flatMap(n -> node.tuple2().map(t -> new Tuple2<>(t.get1(), t.get2()))
                .list().ofSize(n));
    }
}
