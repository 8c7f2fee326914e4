package org.piste.app.network;

/** No resolved entity has this id (nor a record with this id). */
public final class UnknownEntityException extends RuntimeException {
    public UnknownEntityException(String id) {
        super("No entity has the id '" + id + "'.");
    }
}
