package org.piste.spark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.piste.model.Side;
import org.piste.screen.Contribution;
import org.piste.screen.EntityScore;
import org.piste.screen.ScreeningResult;
import org.piste.screen.SharedRanks;
import scala.Tuple2;

/**
 * The job's three tables: entities (each party record with its entity and its source row), scores (rank shared by
 * equal scores, as the application ranks) and explanations (every contribution with its sentence and the transfer
 * references behind it). Written as Parquet under the output directory and, when asked, into PostgreSQL tables this job
 * creates in a schema of its own: never the application's tables, whose only door for writes is its Changes.
 */
final class Outputs {
    private Outputs() {}

    static final String ENTITIES = "entities", SCORES = "scores", EXPLANATIONS = "explanations";

    private static final StructType ENTITY_SCHEMA = schema("record_id", DataTypes.StringType, "entity_id", DataTypes.StringType,
            "transfer_ref", DataTypes.StringType, "side", DataTypes.StringType, "source_sha256", DataTypes.StringType,
            "source_line", DataTypes.LongType);
    private static final StructType SCORE_SCHEMA = schema("entity_id", DataTypes.StringType, "side", DataTypes.StringType,
            "score", DataTypes.DoubleType, "rank", DataTypes.IntegerType);
    private static final StructType EXPLANATION_SCHEMA = schema("entity_id", DataTypes.StringType, "side", DataTypes.StringType,
            "indicator", DataTypes.StringType, "value", DataTypes.DoubleType, "points", DataTypes.DoubleType,
            "explanation", DataTypes.StringType, "evidence", DataTypes.createArrayType(DataTypes.StringType, false));

    /** Columns given as name, type, name, type...; none nullable. */
    private static StructType schema(Object... nameAndType) {
        List<org.apache.spark.sql.types.StructField> fields = new ArrayList<>();
        for (int k = 0; k < nameAndType.length; k += 2) {
            fields.add(DataTypes.createStructField((String) nameAndType[k], (org.apache.spark.sql.types.DataType) nameAndType[k + 1], false));
        }
        return DataTypes.createStructType(fields);
    }

    /** The job's tables as Spark datasets. */
    record Tables(Dataset<Row> entities, Dataset<Row> scores, Dataset<Row> explanations) {}

    static Tables tables(SparkSession spark, JavaRDD<Row> transfers, JavaPairRDD<String, String> entityOf, ScreeningResult result) {
        JavaRDD<Row> members = transfers.flatMapToPair(r -> List.of(
                        new Tuple2<>(TransferRows.senderId(r), source(r, Side.SENDER)),
                        new Tuple2<>(TransferRows.recipientId(r), source(r, Side.RECIPIENT))).iterator())
                .join(entityOf)
                .map(t -> RowFactory.create(t._1(), t._2()._2(), t._2()._1()[0], t._2()._1()[1], t._2()._1()[2],
                        Long.parseLong(t._2()._1()[3])));
        List<Row> scores = new ArrayList<>(), explanations = new ArrayList<>();
        for (List<EntityScore> ranked : List.of(result.senders(), result.recipients())) {
            int[] ranks = SharedRanks.of(ranked);
            for (int k = 0; k < ranked.size(); k++) {
                EntityScore e = ranked.get(k);
                String side = side(e.side());
                scores.add(RowFactory.create(e.entityId(), side, e.score(), ranks[k]));
                for (Contribution c : e.contributions()) {
                    explanations.add(RowFactory.create(e.entityId(), side, c.indicator(), c.value(), c.points(), c.explanation(),
                            c.evidence().toArray(String[]::new)));
                }
            }
        }
        return new Tables(spark.createDataFrame(members, ENTITY_SCHEMA), spark.createDataFrame(scores, SCORE_SCHEMA),
                spark.createDataFrame(explanations, EXPLANATION_SCHEMA));
    }

    private static String[] source(Row r, Side side) {
        return new String[] {TransferRows.reference(r), side(side), r.getString(1), Long.toString(r.getLong(2))};
    }

    private static String side(Side side) {
        return side.name().toLowerCase(Locale.ROOT);
    }

    static void parquet(Tables t, String dir) {
        t.entities().write().mode(SaveMode.Overwrite).parquet(dir + "/" + ENTITIES);
        t.scores().write().mode(SaveMode.Overwrite).parquet(dir + "/" + SCORES);
        t.explanations().write().mode(SaveMode.Overwrite).parquet(dir + "/" + EXPLANATIONS);
    }

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * Writes the tables into {@code schema} (created when missing), replacing this job's previous tables there. Refuses
     * the schemas the application or PostgreSQL own.
     */
    static void jdbc(Tables t, String url, String schema, Properties connection) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("the schema name must be lower-case letters, digits and _: " + schema);
        }
        if (schema.equals("public") || schema.startsWith("pg_") || schema.equals("information_schema")) {
            throw new IllegalArgumentException("schema " + schema + " is not this job's: Piste's own tables are written only"
                    + " by the application; give a schema of the job's own (--jdbc-schema)");
        }
        try (Connection c = DriverManager.getConnection(url, connection); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + ": " + e.getMessage(), e);
        }
        Properties props = new Properties();
        props.putAll(connection);
        props.setProperty("driver", "org.postgresql.Driver");
        t.entities().write().mode(SaveMode.Overwrite).jdbc(url, schema + "." + ENTITIES, props);
        t.scores().write().mode(SaveMode.Overwrite).jdbc(url, schema + "." + SCORES, props);
        t.explanations().write().mode(SaveMode.Overwrite).jdbc(url, schema + "." + EXPLANATIONS, props);
    }
}
