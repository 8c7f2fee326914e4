package org.piste.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Candidate pairs from a union of cheap, high-recall keys: ID number, phone, e-mail, address, date of birth
 * (day/month order ignored), phonetic surname + birth year, given-name prefix + surname initial (and the
 * swapped form, for first/last inversions), postcode + surname initial, name + agency, given name + agency and
 * surname + agency (records with a name and a place only), and, once counterparties are known, name + counterparty. A key shared by more than
 * {@code cap} records (a prolific sender's passport, an agency's phone, a common name in a common year) would
 * give too many pairs: its records are sorted by name and each is paired only with its next few neighbours
 * (sorted neighbourhood), enough for a real shared identity to chain together while a hub's strangers stay
 * apart on their names. Such blocks are counted in the report.
 */
final class Blocking {
    /** Neighbours each record of an oversized block is paired with. */
    static final int WINDOW = 3;

    private Blocking() {}

    record Result(long[] pairs, BlockingReport report) {}

    static List<String> keys(Features f) {
        List<String> keys = new ArrayList<>(8);
        if (!f.idNumber.isEmpty()) keys.add("id:" + f.idNumber);
        if (!f.phone.isEmpty()) keys.add("phone:" + f.phone);
        if (!f.email.isEmpty()) {
            keys.add("email:" + f.email);
            int at = f.email.indexOf('@');
            if (at > 2) keys.add("mailuser:" + f.email.substring(0, at)); // a mistyped domain
        }
        if (f.birthDate != null) {
            int d = f.birthDate.getDayOfMonth(), m = f.birthDate.getMonthValue();
            keys.add("dob:" + f.birthDate.getYear() + "-" + Math.min(d, m) + "-" + Math.max(d, m));
            if (!f.surnamePhonetic.isEmpty()) keys.add("sound+year:" + f.surnamePhonetic + ":" + f.birthDate.getYear());
        }
        String given3 = prefix(f.firstGiven, 3);
        keys.addAll(nameKeys(f));
        if (!f.postcode.isEmpty() && !f.surnameCore.isEmpty()) keys.add("post:" + f.postcode + ":" + f.surnameCore.charAt(0));
        if (f.address.indexOf(' ') > 0) keys.add("address:" + f.address);
        if (!f.agency.isEmpty() && !given3.isEmpty() && !f.surnameCore.isEmpty()) {
            keys.add("name+agency:" + nameEitherWay(f) + ":" + f.agency);
            // One name part mistyped in its first letters: the other part and the agency still meet.
            keys.add("given+agency:" + f.firstGiven + ":" + f.agency);
            keys.add("surname+agency:" + f.surnameCore + ":" + f.agency);
        }
        // A record missing one name part still meets records of the same name in the same place.
        if (f.firstGiven.isEmpty() && !f.surnameCore.isEmpty()) keys.add("surname+city:" + f.surnameCore + ":" + f.city);
        if (f.surnameCore.isEmpty() && !f.firstGiven.isEmpty()) keys.add("given+city:" + f.firstGiven + ":" + f.city);
        if (!f.surnameCore.isEmpty() && !f.firstGiven.isEmpty() && !f.city.isEmpty()) {
            keys.add("surname+city:" + f.surnameCore + ":" + f.city);
            keys.add("given+city:" + f.firstGiven + ":" + f.city);
        }
        return keys;
    }

    /**
     * The keys of a record's name beginnings: every record of its {@link #byCounterparty} block (the same beginnings,
     * either way round) carries both.
     */
    static List<String> nameKeys(Features f) {
        String given3 = prefix(f.firstGiven, 3), surname3 = prefix(f.surnameCore, 3);
        if (given3.isEmpty() || f.surnameCore.isEmpty()) return List.of();
        return List.of("name:" + given3 + ":" + f.surnameCore.charAt(0),
                "name:" + surname3 + ":" + f.firstGiven.charAt(0)); // meets the key of a swapped record
    }

    /**
     * The first three letters of the first given name and of the surname, in alphabetical order: the same key for a name
     * written the other way round, and for a typo past the third letter.
     */
    private static String nameEitherWay(Features f) {
        String given = prefix(f.firstGiven, 3), surname = prefix(f.surnameCore, 3);
        return given.compareTo(surname) <= 0 ? given + ":" + surname : surname + ":" + given;
    }

    private static String prefix(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    /**
     * @param isNew when not null, only pairs with at least one new record are produced (incremental runs)
     */
    static Result candidates(Features[] records, int cap, boolean[] isNew) {
        return candidates(records, cap, isNew, key -> false);
    }

    /**
     * @param oversized keys whose whole block is larger than the cap though fewer of its records are given (an
     *                  incremental run loads only the neighbours of a new record in such a block)
     */
    static Result candidates(Features[] records, int cap, boolean[] isNew, java.util.function.Predicate<String> oversized) {
        // One map from key to its block, the block's size in its first slot: tens of millions of keys at scale.
        Map<String, int[]> blocks = new HashMap<>();
        for (int i = 0; i < records.length; i++) {
            for (String key : keys(records[i])) add(blocks, key, i);
        }
        countPersonsCarrying(records, blocks);
        return pairs(records, blocks, cap, isNew, oversized);
    }

    /** Whether a key is an identifier's (its block's distinct persons weigh an agreement): never loaded in part. */
    static boolean identifier(String key) {
        return identifierOf(key) != null;
    }

    /** Where a record sorts in an oversized block: its names either way round ({@link #byName}). */
    static String sortName(Features f) {
        return eitherWay(f.givenKey, f.surnameKey);
    }

    /**
     * Pairs records that share a counterparty entity and a name ({@link #nameEitherWay}): the same sender paying the
     * same name on several rows, written in different ways.
     *
     * @param counterparty per record, the entity (any int) of its counterpart, or -1 for none
     */
    static Result byCounterparty(Features[] records, int[] counterparty, int cap) {
        Map<String, int[]> blocks = new HashMap<>();
        for (int i = 0; i < records.length; i++) {
            String key = counterparty[i] < 0 ? null : counterpartyKey(records[i], Integer.toString(counterparty[i]));
            if (key != null) add(blocks, key, i);
        }
        return pairs(records, blocks, cap, null, key -> false);
    }

    /** The name + counterparty key of a record whose counterpart is in entity {@code counterparty}; null without both names. */
    static String counterpartyKey(Features f, String counterparty) {
        if (f.firstGiven.isEmpty() || f.surnameCore.isEmpty()) return null;
        return "name+counterparty:" + counterparty + ":" + nameEitherWay(f);
    }

    private static void add(Map<String, int[]> blocks, String key, int i) {
        int[] block = blocks.get(key);
        if (block == null) {
            block = new int[2];
            blocks.put(key, block);
        } else if (block[0] + 1 == block.length) {
            block = Arrays.copyOf(block, (block.length - 1) * 2 + 1);
            blocks.put(key, block);
        }
        block[++block[0]] = i;
    }

    /** The identifier blocks' distinct persons, set on their records ({@link Features#personsCarrying}). */
    private static void countPersonsCarrying(Features[] records, Map<String, int[]> blocks) {
        blocks.entrySet().parallelStream().forEach(e -> {
            Comparison field = identifierOf(e.getKey());
            int[] block = e.getValue();
            if (field == null || block[0] < 2) return;
            int persons = DistinctPersons.count(records, block, 1, block[0] + 1, field != Comparison.ID_NUMBER);
            for (int k = 1; k <= block[0]; k++) records[block[k]].personsCarrying(field, persons);
        });
    }

    /** The identifier field whose distinct persons a block of this key counts, or null (not an identifier key). */
    static Comparison identifierOf(String key) {
        return key.startsWith("id:") ? Comparison.ID_NUMBER : key.startsWith("phone:") ? Comparison.PHONE
                : key.startsWith("email:") ? Comparison.EMAIL : key.startsWith("address:") ? Comparison.ADDRESS : null;
    }

    /** The pairs of one block (positions into {@code records}), by the same rule as a whole run's: all, or neighbours. */
    static long[] pairsOfBlock(Features[] records, String key, int[] members, int cap) {
        int[] block = new int[members.length + 1];
        block[0] = members.length;
        System.arraycopy(members, 0, block, 1, members.length);
        Map<String, int[]> one = new HashMap<>();
        one.put(key, block);
        return pairs(records, one, cap, null, k -> false).pairs();
    }

    private static Result pairs(Features[] records, Map<String, int[]> blocks, int cap, boolean[] isNew,
            java.util.function.Predicate<String> oversizedWhole) {
        long room = 0; // the pairs, counted first: an array of exactly that size, not a growing one copied as it grows
        for (Map.Entry<String, int[]> e : blocks.entrySet()) {
            int reachCap = oversizedWhole.test(e.getKey()) ? 0 : cap;
            room += isNew == null ? pairsAtMost(e.getValue()[0], reachCap) : pairsWithNewAtMost(e.getValue(), reachCap, isNew);
        }
        if (room > Integer.MAX_VALUE - 8) throw new IllegalStateException("too many candidate pairs: " + room);
        Map<String, Long> oversized = new TreeMap<>();
        long[] pairs = new long[(int) room];
        int count = 0;
        for (Map.Entry<String, int[]> e : blocks.entrySet()) {
            int size = e.getValue()[0];
            if (size < 2) continue;
            int[] members = Arrays.copyOfRange(e.getValue(), 1, size + 1);
            int reach = size;
            if (size > cap || oversizedWhole.test(e.getKey())) {
                oversized.merge(e.getKey().substring(0, e.getKey().indexOf(':')), 1L, Long::sum);
                members = byName(records, members);
                reach = WINDOW;
            }
            for (int a = 0; a < size; a++) {
                for (int b = a + 1; b < Math.min(size, a + 1 + reach); b++) {
                    int i = members[a], j = members[b];
                    if (i == j || (isNew != null && !isNew[i] && !isNew[j])) continue;
                    pairs[count++] = i < j ? ((long) i << 32) | j : ((long) j << 32) | i;
                }
            }
        }
        blocks.clear(); // the keys go before the pairs are sorted
        long[] unique = sortedUnique(pairs, count);
        pairs = null;
        long n = records.length;
        double possible = n * (n - 1) / 2.0;
        double reduction = possible == 0 ? 0 : 1 - unique.length / possible;
        return new Result(unique, new BlockingReport(n, unique.length, reduction, cap, oversized));
    }

    /** The most pairs a block of this size gives (all pairs, or each record with its next {@link #WINDOW} when oversized). */
    private static long pairsAtMost(int size, int cap) {
        long reach = Math.min(size > cap ? WINDOW : size, Math.max(size - 1, 0));
        return (size - reach) * reach + reach * (reach - 1) / 2;
    }

    /**
     * The most pairs with a new record a block gives ({@code block[0]} members, then the members): each new record with
     * every other, or with its {@link #WINDOW} neighbours on either side when oversized. An incremental run loads whole
     * neighbourhoods of old records around few new ones: counting every pair of them sized the array past the heap (a
     * 30,000-row export into 3M transfers, 14 GB).
     */
    static long pairsWithNewAtMost(int[] block, int cap, boolean[] isNew) {
        int size = block[0];
        long fresh = 0;
        for (int k = 1; k <= size; k++) if (isNew[block[k]]) fresh++;
        long each = size > cap ? Math.min(2L * WINDOW, size - 1L) : size - 1L;
        return Math.min(pairsAtMost(size, cap), fresh * Math.max(each, 0));
    }

    /** The first {@code size} values sorted without repeats; sorts in place. */
    static long[] sortedUnique(long[] values, int size) {
        Arrays.sort(values, 0, size);
        int w = 0;
        for (int r = 0; r < size; r++) if (w == 0 || values[r] != values[w - 1]) values[w++] = values[r];
        return Arrays.copyOf(values, w);
    }

    /**
     * The members sorted by their names taken either way round (a row with the names swapped sorts with the others).
     * The name keys are folded to ASCII ({@code Text.fold}), so String order here is the code-point order the store's
     * index sorts them in (collation "C"), which the incremental run's windows read.
     */
    private static int[] byName(Features[] records, int[] members) {
        return Arrays.stream(members).boxed()
                .sorted(java.util.Comparator.<Integer, String>comparing(i -> eitherWay(records[i].givenKey, records[i].surnameKey))
                        .thenComparing(i -> records[i].id))
                .mapToInt(Integer::intValue).toArray();
    }

    private static String eitherWay(String a, String b) {
        return a.compareTo(b) <= 0 ? a + '|' + b : b + '|' + a;
    }
}
