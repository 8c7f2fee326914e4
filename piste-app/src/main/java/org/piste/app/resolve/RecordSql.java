package org.piste.app.resolve;

import org.piste.model.RecordId;
import org.piste.model.Side;

/**
 * Party record ids and sides in SQL, spelled by {@link RecordId} and {@link Side}: the database joins records to
 * transfers by the text Java writes ("12:S"), and {@code entity_member.side} holds the side's letter.
 */
public final class RecordSql {
    private RecordSql() {}

    /** The record id of a transfer's party from the transfer id column: {@code t.id || ':S'}. */
    public static String id(String transferId, Side side) {
        return transferId + " || '" + RecordId.written("", side) + "'"; // the suffix only: the id comes from the column
    }

    /** A side as an SQL literal: {@code 'S'}. */
    public static String side(Side side) {
        return "'" + side.letter() + "'";
    }

    /** The sender's value or the recipient's, by a side column (or expression): {@code CASE WHEN m.side = 'S' ...}. */
    public static String bySide(String side, String sender, String recipient) {
        return "CASE WHEN " + side + " = " + side(Side.SENDER) + " THEN " + sender + " ELSE " + recipient + " END";
    }
}
