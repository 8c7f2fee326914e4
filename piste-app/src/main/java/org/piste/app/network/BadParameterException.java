package org.piste.app.network;

/** A request parameter the network cannot work with; the message is a sentence for the user. */
public final class BadParameterException extends IllegalArgumentException {
    public BadParameterException(String message) {
        super(message);
    }
}
