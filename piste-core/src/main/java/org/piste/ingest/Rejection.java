package org.piste.ingest;

import java.util.Objects;

/**
 * A row that was not stored as a transfer, kept whole so nothing is lost.
 *
 * @param line      physical line where the record starts
 * @param rawText   the record's text
 * @param reason    the reason code
 * @param detail    the precise cause, e.g. "send_date: '31/02/2024' is not a date (dd/MM/yyyy)"
 * @param reference the transfer reference when the row had one, else empty
 * @param duplicateOfLine for a duplicate found in the same file, the line of the stored original; else 0
 */
public record Rejection(long line, String rawText, RejectReason reason, String detail, String reference, long duplicateOfLine) {
    public Rejection {
        Objects.requireNonNull(rawText);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(detail);
        Objects.requireNonNull(reference);
    }

    public boolean isDuplicate() {
        return reason == RejectReason.DUPLICATE_REFERENCE;
    }
}
