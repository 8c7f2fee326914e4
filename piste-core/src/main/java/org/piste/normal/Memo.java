package org.piste.normal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bounded memo of a pure function's answers: the normalisers see the same few spellings, numbers and
 * names millions of times in one import. Every static memo of Piste is one of these, so that one switch,
 * {@code -Dpiste.memo=off}, turns them all off: mutation testing needs it, because PIT swaps mutated classes into
 * a JVM whose memos still hold the unmutated code's answers.
 */
public final class Memo<K, V> {
    /** Read once; only the mutation-testing JVMs set it. */
    static final boolean ON = !"off".equals(System.getProperty("piste.memo"));

    private final boolean on;
    private final Supplier<Map<K, V>> store;
    /** Stop remembering at this size (shared memos; a per-thread memo evicts by itself instead). */
    private final int fillLimit;

    private Memo(boolean on, Supplier<Map<K, V>> store, int fillLimit) {
        this.on = on;
        this.store = store;
        this.fillLimit = fillLimit;
    }

    /** Shared by all threads; once {@code limit} answers are kept, new ones are computed and not kept. */
    public static <K, V> Memo<K, V> shared(int limit) {
        return shared(limit, ON);
    }

    static <K, V> Memo<K, V> shared(int limit, boolean on) {
        Map<K, V> map = new ConcurrentHashMap<>();
        return new Memo<>(on, () -> map, limit);
    }

    /** One per thread, least recently used answer evicted past {@code limit}: no contention during an import. */
    public static <K, V> Memo<K, V> perThread(int limit) {
        return perThread(limit, ON);
    }

    static <K, V> Memo<K, V> perThread(int limit, boolean on) {
        ThreadLocal<Map<K, V>> maps = ThreadLocal.withInitial(() -> new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > limit;
            }
        });
        return new Memo<>(on, maps::get, Integer.MAX_VALUE);
    }

    /** The remembered answer for {@code key}, else {@code compute}'s (which must be a pure function of the key, never null). */
    public V get(K key, Function<? super K, ? extends V> compute) {
        if (!on) return compute.apply(key);
        Map<K, V> map = store.get();
        V known = map.get(key);
        if (known != null) return known;
        V answer = compute.apply(key);
        if (map.size() < fillLimit) map.put(key, answer);
        return answer;
    }
}
