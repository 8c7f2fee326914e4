package org.piste.resolve;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Record ids, each numbered by its position, held as UTF-8 bytes end to end with a hash table of positions: tens of
 * millions of ids ("12345678:S") cost about twenty bytes each instead of a String object each (about sixty).
 * Not thread-safe while ids are added; read-only afterwards.
 */
final class IdTable {
    private byte[] bytes = new byte[1 << 10];
    private int used;
    private int[] ends = new int[1 << 6];
    private int size;
    /** Open addressing: position + 1, 0 for an empty slot. */
    private int[] slots = new int[1 << 7];

    int size() {
        return size;
    }

    /** Adds the id and returns its position; -1 - the existing position when the id is already there. */
    int add(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        int slot = slotOf(id.hashCode(), b);
        if (slots[slot] != 0) return -slots[slot];
        if (used + b.length > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + b.length + 16));
        System.arraycopy(b, 0, bytes, used, b.length);
        used += b.length;
        if (size == ends.length) ends = Arrays.copyOf(ends, Math.max(size * 2, 1));
        ends[size] = used;
        slots[slot] = ++size;
        if (size * 4L > slots.length * 3L) rehash(); // at most three quarters full: short probes
        return size - 1;
    }

    /** Drops the room kept for more ids. */
    void trim() {
        bytes = Arrays.copyOf(bytes, used);
        ends = Arrays.copyOf(ends, size);
    }

    /** The position of the id, or -1. */
    int indexOf(String id) {
        int found = slots[slotOf(id.hashCode(), id.getBytes(StandardCharsets.UTF_8))];
        return found - 1;
    }

    String get(int position) {
        int start = start(position);
        return new String(bytes, start, ends[position] - start, StandardCharsets.UTF_8);
    }

    private int start(int position) {
        return position == 0 ? 0 : ends[position - 1];
    }

    private int slotOf(int hash, byte[] id) {
        int mask = slots.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            int p = slots[slot] - 1;
            if (p < 0 || Arrays.equals(bytes, start(p), ends[p], id, 0, id.length)) return slot;
        }
    }

    private void rehash() {
        int[] grown = new int[slots.length * 2];
        int mask = grown.length - 1;
        for (int p = 0; p < size; p++) {
            int slot = mix(get(p).hashCode()) & mask;
            while (grown[slot] != 0) slot = (slot + 1) & mask;
            grown[slot] = p + 1;
        }
        slots = grown;
    }

    private static int mix(int h) {
        return h * 0x9E3779B9 ^ (h >>> 16);
    }
}
