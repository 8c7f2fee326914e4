package org.piste.spark;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line per stage on the console: what it counted and how long it took. bench/spark-throughput.sh reads the stage
 * name in its 28-character column.
 */
final class Progress {
    private final PrintStream out;
    private long last = System.nanoTime();
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    Progress(PrintStream out) {
        this.out = out;
    }

    void stage(String name, String format, Object... args) {
        long now = System.nanoTime();
        double s = (now - last) / 1e9;
        last = now;
        seconds.put(name, s);
        out.printf(Locale.ROOT, "piste-spark: %-28s %s (%.1f s)%n", name, String.format(Locale.ROOT, format, args), s);
    }

    void line(String text) {
        out.println("piste-spark: " + text);
    }

    /** Each stage's time in seconds, in the order they ran. */
    Map<String, Double> seconds() {
        return new LinkedHashMap<>(seconds);
    }
}
