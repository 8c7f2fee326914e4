package org.piste.model;

/** Life-cycle state of a transfer, as the operator reported it (after the profile's value map). */
public enum TransferStatus {
    /** Sent and awaiting payout. */
    SENT,
    /** Paid out to the recipient. */
    PAID,
    /** Cancelled before payout. */
    CANCELLED,
    /** Refunded to the sender. */
    REFUNDED,
    /** Held, blocked or under review by the operator. */
    HELD,
    /** The export gave no status. */
    UNKNOWN
}
