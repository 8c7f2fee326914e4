package org.piste.ingest;

/** Thrown while mapping one row; becomes a {@link Rejection}. Cheap: no stack trace. */
final class RowProblem extends Exception {
    final RejectReason reason;

    RowProblem(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }
}
