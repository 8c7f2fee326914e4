package org.piste.screen;

import java.nio.charset.StandardCharsets;

/** A fixed, well-mixed number per entity id, to order entities with equal scores without favouring any kind. */
final class TieOrder {
    private TieOrder() {}

    /** FNV-1a over the id's UTF-8 bytes, then the SplitMix64 finaliser: stable across runs and JVMs. */
    static long of(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) h = (h ^ (b & 0xff)) * 0x100000001b3L;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
