package org.piste.app.network;

import org.piste.app.refusals.Refused;

/** No resolved entity has this id (nor a record with this id). */
public final class UnknownEntityException extends Refused {
    public UnknownEntityException(String id) {
        super("entity.unknown", id);
    }
}
