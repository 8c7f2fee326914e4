package org.piste.screen;

import java.util.Arrays;

/**
 * Strings to dense int codes (0, 1, 2... in order of first sight): open addressing on the strings' cached hashes,
 * with the codes in a plain array, so a lookup follows no node or boxed Integer (a HashMap's misses, per row).
 */
final class StringCodes {
    private int[] hashes = new int[1024], codes = new int[1024];
    private String[] keys = new String[1024];
    private String[] values = new String[256];
    private int size;

    int code(String s) {
        int h = s.hashCode(), mask = keys.length - 1;
        for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                if (size == values.length) values = Arrays.copyOf(values, size * 2);
                values[size] = s;
                keys[i] = s;
                hashes[i] = h;
                codes[i] = size++;
                if (size * 2 > keys.length) grow();
                return size - 1;
            }
            if (hashes[i] == h && (k == s || k.equals(s))) return codes[i];
        }
    }

    /** The code of s, or -1. */
    int find(String s) {
        int h = s.hashCode(), mask = keys.length - 1;
        for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) return -1;
            if (hashes[i] == h && (k == s || k.equals(s))) return codes[i];
        }
    }

    int size() {
        return size;
    }

    /** The strings by code. */
    String[] values() {
        return Arrays.copyOf(values, size);
    }

    private void grow() {
        int[] oldHashes = hashes, oldCodes = codes;
        String[] oldKeys = keys;
        hashes = new int[oldKeys.length * 2];
        codes = new int[oldKeys.length * 2];
        keys = new String[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] == null) continue;
            int i = (oldHashes[j] ^ (oldHashes[j] >>> 16)) & mask;
            while (keys[i] != null) i = (i + 1) & mask;
            keys[i] = oldKeys[j];
            hashes[i] = oldHashes[j];
            codes[i] = oldCodes[j];
        }
    }
}
