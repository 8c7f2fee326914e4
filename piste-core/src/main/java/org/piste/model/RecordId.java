package org.piste.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A party record's id: a stored transfer's id and the side of the party, written "12:S" (the sender of transfer 12)
 * or "12:R" (its recipient). The text is stored (entity members, analysts' decisions and rulings), sent in pages and
 * JSON, and typed by analysts: {@link #toString()} is that text, {@link #parse} reads it back.
 */
public record RecordId(long transferId, Side side) {
    /** Up to 18 digits: every such number is a long, so a well-formed id never overflows. */
    private static final Pattern FORM = Pattern.compile("\\d{1,18}:[SR]");
    /** The largest transfer id an id can be written with (18 digits): every RecordId reads back from its text. */
    public static final long MAX_TRANSFER_ID = 999_999_999_999_999_999L;

    public RecordId {
        Objects.requireNonNull(side);
        if (transferId < 0 || transferId > MAX_TRANSFER_ID) {
            throw new IllegalArgumentException("a transfer id is 0 to " + MAX_TRANSFER_ID + ", was " + transferId);
        }
    }

    /**
     * The record id a text names, when it is "DIGITS:S" or "DIGITS:R": spaces around and a lower-case letter are
     * accepted, as analysts type them; leading zeros name the same transfer ("007:s" is 7:S).
     */
    public static Optional<RecordId> parse(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (!FORM.matcher(s).matches()) return Optional.empty();
        int colon = s.length() - 2;
        return Side.ofLetter(s.charAt(colon + 1)).map(side -> new RecordId(Long.parseLong(s, 0, colon, 10), side));
    }

    /**
     * The id of a party record of any transfer key: a stored transfer's id, or a reference where records are made
     * straight from files (benches, tests). One spelling for both.
     */
    public static String written(String transfer, Side side) {
        return transfer + ":" + side.letter();
    }

    /** "12:S". */
    @Override
    public String toString() {
        return written(Long.toString(transferId), side);
    }
}
