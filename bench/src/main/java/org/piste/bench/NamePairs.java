package org.piste.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.piste.resolve.NameMatch;

/**
 * The resolver's name comparators on nomenklatura's labelled name pairs (Person rows only). A pair is called
 * "same person" at level k when both its given-name and surname levels are at most k (1 exact ... 5 different;
 * a missing part, e.g. a one-word name, does not count against it). Precision and recall of that call per k.
 */
final class NamePairs {
    private NamePairs() {}

    record Pair(String a, String b, boolean match, NameMatch.Levels levels) {
        int worst() {
            return Math.max(levels.given(), levels.surname());
        }
    }

    static void report(Path csv) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            for (CsvRecord r : reader) {
                if (r.getStartingLineNumber() == 1 || !r.getField(1).equals("Person")) continue;
                pairs.add(new Pair(r.getField(2), r.getField(3), r.getField(4).equals("true"),
                        NameMatch.level(r.getField(2), r.getField(3))));
            }
        }
        long positives = pairs.stream().filter(Pair::match).count();
        System.out.printf("%n== name comparator on %d Person name pairs (%d same person, %d not)%n", pairs.size(),
                positives, pairs.size() - positives);
        System.out.println("  same person if both levels <= k:   k  called   TP   FP   FN  precision  recall");
        for (int k = 1; k <= 5; k++) {
            final int level = k;
            long called = pairs.stream().filter(p -> p.worst() <= level).count();
            long tp = pairs.stream().filter(p -> p.match() && p.worst() <= level).count();
            System.out.printf("  %34s %2d %7d %4d %4d %4d  %9.3f  %6.3f%n", "", k, called, tp, called - tp,
                    positives - tp, called == 0 ? 1 : (double) tp / called, (double) tp / positives);
        }
        Map<String, int[]> byLevels = new TreeMap<>();
        for (Pair p : pairs) {
            byLevels.computeIfAbsent(p.levels().givenLabel() + " / " + p.levels().surnameLabel(), k -> new int[2])
                    [p.match() ? 0 : 1]++;
        }
        System.out.println("  by (given / surname) level: same person, not");
        byLevels.forEach((k, v) -> System.out.printf("    %-45s %4d %4d%n", k, v[0], v[1]));
        System.out.println("  examples: true pairs at 'different' and false pairs at 'exact'/'similar':");
        pairs.stream().filter(p -> p.match() && p.worst() == 5).limit(5).forEach(NamePairs::print);
        pairs.stream().filter(p -> !p.match() && p.worst() <= 3).limit(5).forEach(NamePairs::print);
    }

    private static void print(Pair p) {
        System.out.printf("    %-5s %-40s ~ %-40s given %s, surname %s%n", p.match() ? "same" : "not", p.a(), p.b(),
                p.levels().givenLabel(), p.levels().surnameLabel());
    }
}
