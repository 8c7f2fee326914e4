package org.piste.sim;

/**
 * Ten-digit, MTCN-like transfer references: a keyed permutation of a counter (a Feistel network over 34 bits
 * with cycle walking into 0..9,999,999,999), so they look random, never repeat, and need no memory.
 */
final class References {
    private static final long LIMIT = 10_000_000_000L;
    private static final int HALF = 17;
    private static final long MASK = (1L << HALF) - 1;
    private final long[] keys = new long[4];

    References(long seed) {
        for (int i = 0; i < keys.length; i++) keys[i] = Seeds.of(seed, Seeds.REFERENCES, i, 0);
    }

    String of(long counter) {
        if (counter < 0 || counter >= LIMIT) throw new IllegalArgumentException("too many transfers: " + counter);
        long x = counter;
        do x = permute(x); while (x >= LIMIT);
        String s = Long.toString(x);
        return "0000000000".substring(s.length()) + s;
    }

    private long permute(long x) {
        long left = x >>> HALF, right = x & MASK;
        for (long key : keys) {
            long next = left ^ (Seeds.mix(right ^ key) & MASK);
            left = right;
            right = next;
        }
        return (left << HALF) | right;
    }
}
