package org.piste.app.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.piste.app.imports.ImportRate;
import org.piste.ingest.Importer;

/**
 * Shows import progress on stderr: a live bar with rows/s and ETA on a terminal, a line every
 * ten seconds otherwise (logs of batch runs), nothing for small files.
 */
final class ProgressReporter implements Importer.Progress, AutoCloseable {
    private static final long QUIET_BELOW_BYTES = 8L << 20;
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final long started = System.nanoTime();
    private final boolean terminal = isTerminal();
    private ProgressBar bar;
    private long lastLog = started;

    @Override
    public void update(long bytesRead, long totalBytes, long rowsRead) {
        if (totalBytes < QUIET_BELOW_BYTES) return;
        ImportRate rate = new ImportRate(bytesRead, totalBytes, rowsRead, (System.nanoTime() - started) / 1e9);
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(totalBytes)
                        .setUnit(" MiB", 1L << 20).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                        .continuousUpdate().build();
            }
            bar.stepTo(bytesRead);
            bar.setExtraMessage(String.format("%,d rows, %,d rows/s", rowsRead, rate.rowsPerSecond()));
        } else if (System.nanoTime() - lastLog >= LOG_EVERY_NANOS) {
            lastLog = System.nanoTime();
            System.err.printf("piste: importing: %.0f%%, %,d rows, %,d rows/s, about %d s left%n",
                    rate.fraction() * 100, rowsRead, rate.rowsPerSecond(), rate.etaSeconds().orElse(-1L));
        }
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
        bar = null;
    }

    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            // Java 22+: a console exists even when redirected; ask whether it is a terminal.
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }
}
