package org.piste.model;

/** How the transfer was initiated. */
public enum Channel {
    /** At an agent's counter. */
    AGENCY,
    /** On the operator's web site. */
    ONLINE,
    /** In the operator's mobile application. */
    MOBILE,
    /** From or to a bank account. */
    BANK,
    /** An e-wallet. */
    WALLET,
    /** The export gave no channel. */
    UNKNOWN
}
