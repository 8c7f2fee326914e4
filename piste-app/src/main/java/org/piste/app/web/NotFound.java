package org.piste.app.web;

import org.piste.app.refusals.Refused;

/** Something the request names does not exist: 404 with this sentence (pages and API). */
public final class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }

    /** Worded in the reader's language on the pages, in English in the API ({@link Refused}). */
    public NotFound(Refused reason) {
        super(reason.getMessage(), reason);
    }
}
