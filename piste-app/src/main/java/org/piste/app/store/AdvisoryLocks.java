package org.piste.app.store;

/**
 * PostgreSQL advisory lock keys, one per rule kept across processes (the web and the console share a database).
 * The keys spell "PISTE" and a letter, so they are unlikely to meet another application's.
 */
public final class AdvisoryLocks {
    /** One resolution at a time per database: runs read, then write (session lock, held by the run). */
    public static final long ONE_RESOLUTION = 0x5049535445_52L;
    /**
     * Held shared by every import's transaction, tried exclusively by a resolution just before it reads the new
     * transfers: when it gets it, no import is half-stored, so every transfer with an id up to the highest it read is
     * read, and the next run needs to read only those above it.
     */
    public static final long IMPORTS = 0x5049535445_49L;

    /** The audit trail's appends, one at a time so the hash chain never forks (transaction lock). */
    public static final long AUDIT_CHAIN = 0x5049535445L;

    private AdvisoryLocks() {}
}
