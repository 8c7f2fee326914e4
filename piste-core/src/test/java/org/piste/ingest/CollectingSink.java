package org.piste.ingest;

import java.util.ArrayList;
import java.util.List;
import org.piste.model.Transfer;

/** Keeps everything the importer hands over, in order. */
final class CollectingSink implements Importer.Sink {
    final List<Transfer> accepted = new ArrayList<>();
    final List<Rejection> rejected = new ArrayList<>();
    /** The line of every row handed over, in the order they came. */
    final List<Long> lines = new ArrayList<>();

    @Override
    public void accepted(Transfer transfer) {
        accepted.add(transfer);
        lines.add(transfer.source().line());
    }

    @Override
    public void rejected(Rejection rejection) {
        rejected.add(rejection);
        lines.add(rejection.line());
    }

    Transfer acceptedAt(long line) {
        return accepted.stream().filter(t -> t.source().line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no accepted transfer on line " + line + "; rejected: " + rejected));
    }

    Rejection rejectedAt(long line) {
        return rejected.stream().filter(r -> r.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no rejection on line " + line + "; rejected: " + rejected));
    }
}
