package org.piste.sim;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.piste.ingest.RejectReason;

/**
 * Streams transfer rows to the transfers file and their ground truth beside it: assigns references, counts
 * physical lines, injects bad rows and exact duplicate lines at the configured rates, and labels each one.
 */
final class TransferFile implements Closeable {
    /** Told of every row that reaches the file intact (for referrals). */
    interface Observer {
        void accepted(String reference, Txn t);
    }

    private record Pending(String[] fields, String reference, int dueIn) {}

    private final Layout layout;
    private final BufferedWriter out;
    private final CsvWriter csv;
    private final CsvWriter truth;
    private final CsvWriter bad;
    private final References references;
    private final SplittableRandom r;
    private final double badRate, duplicateRate;
    private final Observer observer;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private long line = 1, transfers, badRows, duplicates;
    private final long[] byKind = new long[RejectReason.values().length];

    TransferFile(Path file, Path truthDir, Layout layout, SimConfig cfg, Observer observer) throws IOException {
        this.layout = layout;
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), layout.charset().newEncoder()),
                1 << 16);
        this.csv = CsvWriter.builder().fieldSeparator(layout.delimiter()).lineDelimiter(layout.lineDelimiter())
                .build(out);
        this.truth = Truth.writer(truthDir.resolve("transfers.csv"));
        this.bad = Truth.writer(truthDir.resolve("bad_rows.csv"));
        this.references = new References(cfg.seed());
        this.r = Seeds.rng(cfg.seed(), Seeds.EMIT, 0, 0);
        this.badRate = cfg.badRowRate();
        this.duplicateRate = cfg.duplicateRate();
        this.observer = observer;
        csv.writeRecord(layout.header());
        truth.writeRecord("reference", "line", "sender_person_id", "recipient_person_id");
        bad.writeRecord("line", "kind", "reference");
    }

    void write(Txn t) throws IOException {
        String reference = references.of(transfers++);
        String[] fields = layout.row(reference, t);
        boolean damaged = false;
        if (r.nextDouble() < badRate) {
            RejectReason kind = BadRows.kind(r);
            if (kind == RejectReason.EMPTY_LINE) {
                emptyLine();
            } else {
                fields = BadRows.damage(r, kind, fields, layout, t);
                damaged = true;
                label(line + 1, kind, reference);
            }
        }
        record(fields);
        truth.writeRecord(reference, Long.toString(line), t.sender().id(), t.recipient().id());
        if (!damaged) {
            observer.accepted(reference, t);
            if (r.nextDouble() < duplicateRate) pending.add(new Pending(fields, reference, 1 + r.nextInt(50)));
        }
        flushDue(false);
    }

    private void emptyLine() throws IOException {
        csv.flush(); // rare: the CSV writer's buffer goes out before the raw line
        out.write(layout.lineDelimiter().toString());
        line++;
        label(line, RejectReason.EMPTY_LINE, "");
    }

    private void record(String[] fields) throws IOException {
        csv.writeRecord(fields);
        line++;
    }

    private void label(long at, RejectReason kind, String reference) throws IOException {
        bad.writeRecord(Long.toString(at), kind.name(), reference);
        badRows++;
        byKind[kind.ordinal()]++;
    }

    /** Duplicates are written some rows after their original, as when two extractions overlap. */
    private void flushDue(boolean all) throws IOException {
        int n = pending.size();
        List<Pending> keep = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Pending p = pending.poll();
            if (all || p.dueIn() <= 1) {
                record(p.fields());
                label(line, RejectReason.DUPLICATE_REFERENCE, p.reference());
                duplicates++;
            } else {
                keep.add(new Pending(p.fields(), p.reference(), p.dueIn() - 1));
            }
        }
        pending.addAll(keep);
    }

    long lines() {
        return line;
    }

    long transfers() {
        return transfers;
    }

    long badRows() {
        return badRows;
    }

    long duplicates() {
        return duplicates;
    }

    long count(RejectReason kind) {
        return byKind[kind.ordinal()];
    }

    @Override
    public void close() throws IOException {
        try (out; truth; bad) {
            flushDue(true);
            csv.close();
        }
    }
}
