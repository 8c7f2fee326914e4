package org.piste.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.piste.ingest.Hashing;
import org.piste.ingest.Importer;
import org.piste.ingest.Profiles;
import org.piste.ingest.Rejection;
import org.piste.model.Transfer;
import org.piste.resolve.PersonRecord;
import org.piste.resolve.PersonRecords;
import org.piste.resolve.Resolution;
import org.piste.resolve.Resolver;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.Simulator;

/**
 * Resolution at scale: both parties of about TRANSFERS simulated transfers (1M records for 500k), imported with
 * the real Importer, resolved from scratch. Reports the time of resolve() and the peak heap (sum of the heap
 * pools' peaks) during it. Not a test. Usage: ResolutionScale [TRANSFERS=500000] [DIR]
 */
public final class ResolutionScale {
    /** Measured: 355,000 senders over 24 months give about 10 million transfers (see GenerateCanonical). */
    private static final double TRANSFERS_PER_SENDER = 10_000_000 / 355_000.0;

    private ResolutionScale() {}

    public static void main(String[] args) throws Exception {
        long transfers = args.length > 0 ? Long.parseLong(args[0]) : 500_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "bench/out/er-scale");
        int senders = (int) Math.ceil(transfers / TRANSFERS_PER_SENDER);
        Path file = dir.resolve("transfers.csv"), marker = dir.resolve("generated-with.txt");
        if (!Files.exists(marker) || !Files.readString(marker).equals("senders=" + senders)) {
            System.err.printf("bench: simulating %,d senders over 24 months into %s%n", senders, dir);
            Files.createDirectories(dir);
            Simulator.run(SimConfig.defaults().withSenders(senders), dir, Format.CANONICAL, Simulator.Progress.NONE);
            Files.writeString(marker, "senders=" + senders);
        }
        List<PersonRecord> records = new ArrayList<>();
        new Importer(Profiles.load(Format.CANONICAL.profile()), "", Importer.StoredReferences.NONE).run(file,
                Hashing.sha256(file), new Importer.Sink() {
                    @Override
                    public void accepted(Transfer t) {
                        records.add(PersonRecords.sender(t.reference(), t));
                        records.add(PersonRecords.recipient(t.reference(), t));
                    }

                    @Override
                    public void rejected(Rejection rejection) {}
                }, Importer.Progress.NONE);

        System.gc();
        long before = heapUsed();
        resetPeaks();
        AtomicLong sampled = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampled.accumulateAndGet(heapUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long t0 = System.nanoTime();
        Resolution r = new Resolver(Resolver.Settings.defaults()).resolve(records, List.of());
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = peakHeap();
        sampler.interrupt();
        long entities = r.entityOf().values().stream().distinct().count();
        System.out.printf("records %,d (both parties of %,d transfers from %,d simulated senders), %d processors%n",
                records.size(), records.size() / 2, senders, Runtime.getRuntime().availableProcessors());
        System.out.printf("resolve(): %.1f s; %,d entities, %,d links; %,d candidate pairs (reduction ratio %.6f); "
                + "oversized blocks left out %s%n", seconds, entities, r.links().size(), r.blocking().candidatePairs(),
                r.blocking().reductionRatio(), r.blocking().oversizedBlocksByKind());
        System.out.printf("heap during resolve(): %,d MiB live before; max used sampled every 10 ms %,d MiB; sum of the heap "
                + "pools' peaks %,d MiB (an upper bound: pools peak at different times); -Xmx %,d MiB%n",
                before >> 20, sampled.get() >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        boolean met = records.size() >= 1_000_000 && seconds < 120 && Runtime.getRuntime().maxMemory() <= 4L << 30;
        System.out.printf("target 1M records in < 120 s on 2 cores within a 4 GB heap: %s%n", met ? "MET" : "MISSED");
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }
}
