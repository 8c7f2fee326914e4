package org.piste.spark;

import org.apache.spark.sql.SparkSession;

/** A local Spark for one test class: two cores, no web UI, few shuffle partitions, the loopback address. */
final class LocalSpark {
    private LocalSpark() {}

    static SparkSession start() {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("piste-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        return spark;
    }
}
