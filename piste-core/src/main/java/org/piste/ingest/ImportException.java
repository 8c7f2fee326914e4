package org.piste.ingest;

/**
 * A problem with a whole input (missing file, wrong encoding, header that does not match the profile):
 * the import stops and stores nothing. The message is one line a user can act on.
 */
public final class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
