package org.piste.spark;

import java.util.Iterator;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.piste.screen.Columns;
import org.piste.screen.RuleSet;
import org.piste.screen.ScreeningResult;
import org.piste.screen.Screener;
import scala.Tuple2;

/**
 * Screening with the core's {@link Screener}: each transfer joined with its parties' entities on the cluster, then
 * streamed to the driver into the core's {@link Columns} (strings dictionary-encoded, amounts as integer units), so
 * the driver holds columns, not objects: docs/spark.md gives the bytes per transfer and the limit that sets. The
 * network reinforcement runs over the whole graph at once, which is why screening is not split by entity here.
 */
final class SparkScreen {
    private SparkScreen() {}

    static ScreeningResult run(JavaRDD<Row> transfers, JavaPairRDD<String, String> entityOf, RuleSet rules) {
        JavaRDD<Tuple2<Row, Tuple2<String, String>>> joined = transfers.mapToPair(r -> new Tuple2<>(TransferRows.senderId(r), r))
                .join(entityOf)
                .mapToPair(t -> new Tuple2<>(TransferRows.recipientId(t._2()._1()), t._2()))
                .join(entityOf)
                .map(t -> new Tuple2<>(t._2()._1()._1(), new Tuple2<>(t._2()._1()._2(), t._2()._2())));
        Columns.Builder columns = new Columns.Builder();
        for (Iterator<Tuple2<Row, Tuple2<String, String>>> it = joined.toLocalIterator(); it.hasNext(); ) {
            Tuple2<Row, Tuple2<String, String>> t = it.next();
            columns.add(TransferRows.fact(t._1(), t._2()._1(), t._2()._2()));
        }
        return new Screener(rules).screen(columns.build(), Set.of());
    }
}
