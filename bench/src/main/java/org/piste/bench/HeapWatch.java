package org.piste.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap by phase: heap used sampled every 10 ms on a daemon thread (the figure reported), the sum of the
 * heap pools' peaks (an upper bound: pools peak at different times), and the largest heap left after a collection
 * (what the phase really held at its fullest, garbage aside: sampled use depends on how lazily the collector runs). {@link #reset()} starts a phase; while a phase
 * named by {@link #ticking} runs, a line on stderr every minute says how long it has run and the heap it holds.
 */
final class HeapWatch implements AutoCloseable {
    private static final long TICK_NANOS = 60_000_000_000L;

    private final AtomicLong max = new AtomicLong();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final Thread sampler;
    private volatile String phase = "";
    private volatile long phaseStart;

    HeapWatch() {
        listenToCollections();
        sampler = Thread.ofPlatform().daemon().name("heap-watch").start(() -> {
            long nextTick = Long.MAX_VALUE;
            String ticked = "";
            while (!Thread.currentThread().isInterrupted()) {
                max.accumulateAndGet(used(), Math::max);
                String now = phase;
                if (!now.equals(ticked)) {
                    ticked = now;
                    nextTick = phaseStart + TICK_NANOS;
                }
                if (!now.isEmpty() && System.nanoTime() >= nextTick) {
                    nextTick += TICK_NANOS;
                    System.err.printf(java.util.Locale.ROOT, "bench: %s: running %.0f s, heap used %,d MiB, peak %,d MiB, "
                            + "peak after GC %,d MiB%n", now, (System.nanoTime() - phaseStart) / 1e9, used() >> 20,
                            max.get() >> 20, maxAfterGc.get() >> 20);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    void reset() {
        max.set(used());
        maxAfterGc.set(0);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    }

    /** Names the phase now running (empty: none), for the progress lines. */
    void ticking(String name) {
        phaseStart = System.nanoTime();
        phase = name;
    }

    /** Largest heap used sampled since the last reset. */
    long sampledMax() {
        return max.accumulateAndGet(used(), Math::max);
    }

    /** Largest heap in use just after a collection (any: young, mixed or full) since the last reset. */
    long afterGcMax() {
        return maxAfterGc.get();
    }

    /** Every collection's heap use when it ended, summed over the heap pools, raises {@link #maxAfterGc}. */
    private void listenToCollections() {
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) heapPools.add(pool.getName());
        }
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof javax.management.NotificationEmitter emitter)) continue;
            emitter.addNotificationListener((notification, handback) -> {
                if (!notification.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                        (javax.management.openmbean.CompositeData) notification.getUserData());
                long used = 0;
                for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(e.getKey())) used += e.getValue().getUsed();
                }
                maxAfterGc.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }

    /** Sum of the heap pools' peaks since the last reset. */
    long poolPeaks() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }

    static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Heap still used after a full collection: what the phase keeps. */
    static long live() {
        System.gc();
        return used();
    }

    /** The process's peak resident memory (VmHWM: heap, native, DuckDB), or -1 where /proc is missing. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) << 10;
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
