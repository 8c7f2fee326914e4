package org.piste.resolve;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** String similarity measures used by the comparators (commons-text, checked against reference values in tests). */
public final class Strings {
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN_2 = new LevenshteinDistance(2);

    private Strings() {}

    public static double jaroWinkler(String a, String b) {
        if (a.isEmpty() && b.isEmpty()) return 1;
        return JARO_WINKLER.apply(a, b);
    }

    /** Within one insertion, deletion, substitution or transposition of adjacent characters. */
    public static boolean withinOneEdit(String a, String b) {
        if (a.equals(b)) return true;
        int d = LEVENSHTEIN_2.apply(a, b);
        if (d == 1) return true;
        if (d != 2 || a.length() != b.length()) return false;
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first < 0) first = i;
                else return i == first + 1 && a.charAt(first) == b.charAt(i) && a.charAt(i) == b.charAt(first)
                        && a.substring(i + 1).equals(b.substring(i + 1));
            }
        }
        return false;
    }

    /** Share of distinct words in common (Jaccard). */
    public static double tokenOverlap(String a, String b) {
        java.util.Set<String> x = new java.util.HashSet<>(java.util.List.of(a.split(" ")));
        java.util.Set<String> y = new java.util.HashSet<>(java.util.List.of(b.split(" ")));
        java.util.Set<String> union = new java.util.HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return union.isEmpty() ? 0 : (double) x.size() / union.size();
    }
}
