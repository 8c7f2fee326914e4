package org.piste.model;

import java.util.Optional;

/**
 * The two parties of a transfer. One enum for every step: a party record's id ends in its letter ("12:S"), an
 * entity is screened as a sender or as a recipient, and an indicator measures one side or both.
 */
public enum Side {
    SENDER('S'), RECIPIENT('R');

    private final char letter;

    Side(char letter) {
        this.letter = letter;
    }

    /** The letter that ends a party record id and fills the database's side columns: 'S' or 'R'. */
    public char letter() {
        return letter;
    }

    /** The side of an upper-case letter, 'S' or 'R'. */
    public static Optional<Side> ofLetter(char letter) {
        return letter == 'S' ? Optional.of(SENDER) : letter == 'R' ? Optional.of(RECIPIENT) : Optional.empty();
    }
}
