package org.piste.model;

import java.util.Optional;

/**
 * The two parties of a transfer. One enum for every step: a party record's id ends in its letter ("12:S"), an
 * entity is screened as a sender or as a recipient, and an indicator measures one side or both.
 */
public enum Side {
    SENDER, RECIPIENT;

    /** The letter that ends a party record id and fills the database's side columns: 'S' or 'R', the name's first. */
    public char letter() {
        return name().charAt(0);
    }

    /** The side of an upper-case letter, 'S' or 'R'. */
    public static Optional<Side> ofLetter(char letter) {
        for (Side side : values()) if (side.letter() == letter) return Optional.of(side);
        return Optional.empty();
    }
}
