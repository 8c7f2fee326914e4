package org.piste.resolve;

import java.util.Arrays;

/**
 * Who each record dealt with, as entities: the relational evidence of collective resolution. Two records of one name
 * whose counterparts are one entity (the same sender paying the same name) are almost surely one person; two whose
 * counterparts both deal with a third entity (two senders who also pay the same other recipient) are likelier one
 * person than two strangers. Built from a first resolution's entities, then compared in a second.
 */
final class Counterparties {
    /** Partner lists longer than this (a hub's hundreds of senders) are not intersected: it would say little. */
    static final int MAX_PARTNERS = 5_000;

    private final int[] counterparty;
    private final int[] entity;
    /** Per entity (by its index), the distinct entities its records dealt with, sorted; empty when none. */
    private final int[][] partners;

    /**
     * @param counterparty per record, the entity of its counterpart, or -1 when it has none
     * @param entity       per record, its own entity (any int below {@code counterparty.length})
     */
    Counterparties(int[] counterparty, int[] entity) {
        this.counterparty = counterparty;
        this.entity = entity;
        int n = counterparty.length;
        int[] count = new int[n];
        for (int i = 0; i < n; i++) if (counterparty[i] >= 0) count[entity[i]]++;
        int[][] lists = new int[n][];
        for (int e = 0; e < n; e++) lists[e] = count[e] == 0 ? EMPTY : new int[count[e]];
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) if (counterparty[i] >= 0) lists[entity[i]][count[entity[i]]++] = counterparty[i];
        for (int e = 0; e < n; e++) if (lists[e].length > 1) lists[e] = distinctSorted(lists[e]);
        this.partners = lists;
    }

    private static final int[] EMPTY = {};

    /**
     * With each entity's partners given (an incremental run knows them from the store, not from the loaded records).
     *
     * @param partners per entity (by its int), the distinct entities its records dealt with; any order
     */
    Counterparties(int[] counterparty, int[] entity, int[][] partners) {
        this.counterparty = counterparty;
        this.entity = entity;
        this.partners = new int[partners.length][];
        for (int e = 0; e < partners.length; e++) {
            this.partners[e] = partners[e] == null ? EMPTY : distinctSorted(partners[e].clone());
        }
    }

    private static int[] distinctSorted(int[] xs) {
        Arrays.sort(xs);
        int w = 0;
        for (int x : xs) if (w == 0 || xs[w - 1] != x) xs[w++] = x;
        return Arrays.copyOf(xs, w);
    }

    /** The counterpart's entity of a record, or -1. */
    int of(int record) {
        return counterparty[record];
    }

    /** A record's own entity, as the counterparties were taken. */
    int entity(int record) {
        return entity[record];
    }

    /** The counterparty level of two records by position. */
    int level(int a, int b) {
        return level(counterparty[a], counterparty[b], entity[a], entity[b]);
    }

    /**
     * The level for counterparts {@code ca} and {@code cb} of records in entities {@code ea} and {@code eb}: missing when
     * either has none, "same entity", "share another counterparty" (the two counterparts deal with a common entity other
     * than the records' own), or "different".
     */
    int level(int ca, int cb, int ea, int eb) {
        if (ca < 0 || cb < 0) return Comparison.MISSING;
        return level(ca, cb, ea, eb, partners[ca], partners[cb]);
    }

    /** The level of two records with counterparts, given each counterpart entity's partners (distinct, sorted). */
    static int level(int ca, int cb, int ea, int eb, int[] partnersA, int[] partnersB) {
        if (ca == cb) return 1;
        return shareAnother(partnersA, partnersB, ea, eb) ? 2 : 3;
    }

    private static boolean shareAnother(int[] x, int[] y, int ea, int eb) {
        if (x.length > MAX_PARTNERS || y.length > MAX_PARTNERS) return false;
        int i = 0, j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] < y[j]) i++;
            else if (x[i] > y[j]) j++;
            else {
                if (x[i] != ea && x[i] != eb) return true;
                i++;
                j++;
            }
        }
        return false;
    }
}
