package org.piste.sim;

import java.util.SplittableRandom;

/** Derives independent, reproducible random streams from the run's seed and an entity's coordinates. */
final class Seeds {
    private Seeds() {}

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long of(long seed, long a, long b, long c) {
        long h = mix(seed + 0x9E3779B97F4A7C15L);
        h = mix(h ^ (a * 0xD1B54A32D192ED03L + 1));
        h = mix(h ^ (b * 0xABC98388FB8FAC03L + 2));
        return mix(h ^ (c * 0x8CB92BA72F3D8DD7L + 3));
    }

    static SplittableRandom rng(long seed, long a, long b, long c) {
        return new SplittableRandom(of(seed, a, b, c));
    }

    /** A 64-bit FNV-1a hash of an identifier, to key a stream by a person's id. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) h = (h ^ id.charAt(i)) * 0x100000001b3L;
        return h;
    }

    // Stream tags: one per kind of entity, so that streams never collide. The patterns' draws (PERSON, OFFICE,
    // ROW_PATTERNS) have streams of their own, so that switching a pattern on leaves every other draw as it was.
    static final long UNIT = 1, UNIT_MONTH = 2, POOL = 3, RATES = 4, EMIT = 5, REFERRALS = 6, REFERENCES = 7,
            PERSON = 8, OFFICE = 9, ROW_PATTERNS = 10;
}
