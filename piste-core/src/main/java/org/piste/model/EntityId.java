package org.piste.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A resolved entity's id: the id of one of its member records (the one resolution chose to represent it), written as
 * that record's id. Typed apart from {@link RecordId} so that a signature says which it means: any member's id finds
 * the entity, one names it.
 */
public record EntityId(RecordId representative) {
    public EntityId {
        Objects.requireNonNull(representative);
    }

    /** The entity id a text names, read as a record id ({@link RecordId#parse}). */
    public static Optional<EntityId> parse(String text) {
        return RecordId.parse(text).map(EntityId::new);
    }

    /** "12:S", the representative's id. */
    @Override
    public String toString() {
        return representative.toString();
    }
}
