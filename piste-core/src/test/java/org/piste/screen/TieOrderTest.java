package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TieOrderTest {
    /** SplittableRandom's first long is SplitMix64's finaliser of (seed + the golden gamma): the JDK's own copy of it. */
    private static long splitMix64Finaliser(long z) {
        return new SplittableRandom(z - 0x9e3779b97f4a7c15L).nextLong();
    }

    /** Published FNV-1a 64-bit test vectors (Fowler, Noll, Vo): "" and "a" and "foobar", then the finaliser. */
    @Test
    void isFnv1aThenTheSplitMix64Finaliser() {
        assertThat(TieOrder.of("")).isEqualTo(splitMix64Finaliser(0xcbf29ce484222325L));
        assertThat(TieOrder.of("a")).isEqualTo(splitMix64Finaliser(0xaf63dc4c8601ec8cL));
        assertThat(TieOrder.of("foobar")).isEqualTo(splitMix64Finaliser(0x85944171f73967e8L));
    }

    /** Bytes above 0x7f are read unsigned: "é" is C3 A9 in UTF-8, folded in by hand from the offset basis. */
    @Test
    void readsTheUtf8BytesUnsigned() {
        long h = 0xcbf29ce484222325L;
        h = (h ^ 0xc3) * 0x100000001b3L;
        h = (h ^ 0xa9) * 0x100000001b3L;
        assertThat(TieOrder.of("é")).isEqualTo(splitMix64Finaliser(h));
    }
}
