package org.piste.app.network;

import org.piste.app.refusals.Refused;

/** A request parameter the network cannot work with, worded for the user ({@link Refused}). */
public final class BadParameterException extends Refused {
    public BadParameterException(String key, Object... args) {
        super(key, args);
    }
}
