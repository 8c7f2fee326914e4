package org.piste.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.SimSummary;
import org.piste.sim.Simulator;

/**
 * Writes about ROWS canonical transfers with the simulator (default seed, 24 months) for the import benchmark,
 * and moves the transfers file to OUT. Usage: GenerateCanonical ROWS OUT
 */
public final class GenerateCanonical {
    /** Measured: 355,000 senders over 24 months give about 10 million transfers. */
    private static final double TRANSFERS_PER_SENDER = 10_000_000 / 355_000.0;

    private GenerateCanonical() {}

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(args[0]);
        Path out = Path.of(args[1]);
        int senders = (int) Math.ceil(rows / TRANSFERS_PER_SENDER);
        Path dir = Files.createDirectories(out.toAbsolutePath().getParent().resolve("sim"));
        SimSummary s = Simulator.run(SimConfig.defaults().withSenders(senders), dir, Format.CANONICAL, Simulator.Progress.NONE);
        Files.move(s.transfersFile(), out);
        System.err.printf("bench: %,d transfers (%,d lines) from %,d simulated senders%n", s.transfers(), s.lines(), senders);
    }
}
