package org.piste.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.SimSummary;
import org.piste.sim.Simulator;

/**
 * Simulator throughput and peak heap: {@code bench/sim-throughput.sh [SENDERS] [MONTHS] [canonical|operator]}.
 * About 355,000 senders over 24 months give 10 million transfers.
 */
public final class SimulatorThroughput {
    private SimulatorThroughput() {}

    public static void main(String[] args) {
        int senders = args.length > 0 ? Integer.parseInt(args[0]) : 355_000;
        int months = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        Path out = Path.of(args.length > 2 ? args[2] : "/tmp/piste-sim-bench");
        Format format = args.length > 3 && args[3].equals("operator") ? Format.OPERATOR : Format.CANONICAL;
        SimConfig cfg = SimConfig.defaults().withSenders(senders).withMonths(months);
        long t0 = System.nanoTime();
        SimSummary s = Simulator.run(cfg, out, format, (done, total, n) ->
                System.err.printf("month %d/%d: %,d transfers, %.1f s%n", done, total, n, (System.nanoTime() - t0) / 1e9));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.out.printf("%,d transfers (%,d lines, %,d bad rows, %,d duplicates) in %.1f s: %,.0f transfers/s; "
                        + "peak heap (sum of pool peaks) %,d MB%n", s.transfers(), s.lines(), s.badRows(), s.duplicates(),
                seconds, s.transfers() / seconds, peak >> 20);
        System.out.println("senders by role: " + s.sendersByRole());
        System.out.println("transfers by role: " + s.transfersByRole());
    }
}
