package org.piste.ingest;

/** A mapping profile that cannot be found or read; the message says what to fix. */
public final class ProfileException extends RuntimeException {
    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
