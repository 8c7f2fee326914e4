package org.piste.app.web;

/** Something the request names does not exist: 404 with this sentence (pages and API of alerts and entities). */
public final class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
