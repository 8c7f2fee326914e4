package org.piste.spark;

import java.util.HashMap;
import java.util.Map;

/**
 * B-cubed precision, recall and F1 of one partition against another (Bagga and Baldwin 1998): per element, the share of
 * its cluster in {@code found} that is in its cluster in {@code reference} (precision), and the converse (recall),
 * averaged over the elements. Computed from the sizes of the clusters' intersections: sum of n(c,d)² / |c| over n.
 */
record BCubed(double precision, double recall) {
    static BCubed of(Map<String, String> found, Map<String, String> reference) {
        if (!found.keySet().equals(reference.keySet())) throw new IllegalArgumentException("the partitions hold other elements");
        Map<String, Long> foundSize = new HashMap<>(), referenceSize = new HashMap<>(), both = new HashMap<>();
        found.forEach((element, c) -> {
            String d = reference.get(element);
            foundSize.merge(c, 1L, Long::sum);
            referenceSize.merge(d, 1L, Long::sum);
            both.merge(c + '\u0000' + d, 1L, Long::sum);
        });
        double p = 0, r = 0;
        for (Map.Entry<String, Long> e : both.entrySet()) {
            String[] cd = e.getKey().split("\u0000", -1);
            double n = e.getValue();
            p += n * n / foundSize.get(cd[0]);
            r += n * n / referenceSize.get(cd[1]);
        }
        int n = found.size();
        return new BCubed(n == 0 ? 1 : p / n, n == 0 ? 1 : r / n);
    }

    double f1() {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
