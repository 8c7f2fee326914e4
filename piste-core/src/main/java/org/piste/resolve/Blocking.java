package org.piste.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Candidate pairs from a union of cheap, high-recall keys: ID number, phone, e-mail, date of birth
 * (day/month order ignored), phonetic surname + birth year, given-name prefix + surname initial (and the
 * swapped form, for first/last inversions), postcode + surname initial. A key shared by more than
 * {@code cap} records (a hub: an agency's phone, a common name in a common year) is left out and reported.
 */
final class Blocking {
    private Blocking() {}

    record Result(long[] pairs, BlockingReport report) {}

    static List<String> keys(Features f) {
        List<String> keys = new ArrayList<>(8);
        if (!f.idNumber.isEmpty()) keys.add("id:" + f.idNumber);
        if (!f.phone.isEmpty()) keys.add("phone:" + f.phone);
        if (!f.email.isEmpty()) keys.add("email:" + f.email);
        if (f.birthDate != null) {
            int d = f.birthDate.getDayOfMonth(), m = f.birthDate.getMonthValue();
            keys.add("dob:" + f.birthDate.getYear() + "-" + Math.min(d, m) + "-" + Math.max(d, m));
            if (!f.surnamePhonetic.isEmpty()) keys.add("sound+year:" + f.surnamePhonetic + ":" + f.birthDate.getYear());
        }
        String given3 = prefix(f.firstGiven, 3), surname3 = prefix(f.surnameCore, 3);
        if (!given3.isEmpty() && !f.surnameCore.isEmpty()) {
            keys.add("name:" + given3 + ":" + f.surnameCore.charAt(0));
            keys.add("name:" + surname3 + ":" + f.firstGiven.charAt(0)); // meets the key of a swapped record
        }
        if (!f.postcode.isEmpty() && !f.surnameCore.isEmpty()) keys.add("post:" + f.postcode + ":" + f.surnameCore.charAt(0));
        return keys;
    }

    private static String prefix(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    /**
     * @param isNew when not null, only pairs with at least one new record are produced (incremental runs)
     */
    static Result candidates(Features[] records, int cap, boolean[] isNew) {
        Map<String, int[]> blocks = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (int i = 0; i < records.length; i++) {
            for (String key : keys(records[i])) {
                int[] block = blocks.get(key);
                int size = sizes.getOrDefault(key, 0);
                if (block == null) block = new int[2];
                else if (size == block.length) block = Arrays.copyOf(block, size * 2);
                block[size] = i;
                blocks.put(key, block);
                sizes.put(key, size + 1);
            }
        }
        Map<String, Long> oversized = new TreeMap<>();
        LongList pairs = new LongList();
        for (Map.Entry<String, int[]> e : blocks.entrySet()) {
            int size = sizes.get(e.getKey());
            if (size < 2) continue;
            if (size > cap) {
                oversized.merge(e.getKey().substring(0, e.getKey().indexOf(':')), 1L, Long::sum);
                continue;
            }
            int[] members = e.getValue();
            for (int a = 0; a < size; a++) {
                for (int b = a + 1; b < size; b++) {
                    int i = members[a], j = members[b];
                    if (i == j || (isNew != null && !isNew[i] && !isNew[j])) continue;
                    pairs.add(i < j ? ((long) i << 32) | j : ((long) j << 32) | i);
                }
            }
        }
        long[] unique = pairs.sortedUnique();
        long n = records.length;
        double possible = n * (n - 1) / 2.0;
        double reduction = possible == 0 ? 0 : 1 - unique.length / possible;
        return new Result(unique, new BlockingReport(n, unique.length, reduction, cap, oversized));
    }

    /** A growable array of longs (pairs packed as two ints). */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        long[] sortedUnique() {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.parallelSort(sorted);
            int w = 0;
            for (int r = 0; r < sorted.length; r++) if (w == 0 || sorted[r] != sorted[w - 1]) sorted[w++] = sorted[r];
            return Arrays.copyOf(sorted, w);
        }
    }
}
