package org.piste.app.resolve;

import java.util.Optional;

/** Party record ids: "<transfer id>:S" for a transfer's sender, "<transfer id>:R" for its recipient. */
public final class RecordIds {
    private RecordIds() {}

    /** A parsed record id. */
    public record Parsed(long transferId, char side) {
        public String id() {
            return transferId + ":" + side;
        }

        /** The transfer table's column prefix for this side. */
        public String columnPrefix() {
            return side == 'S' ? "sender_" : "recipient_";
        }
    }

    public static String sender(long transferId) {
        return org.piste.resolve.PersonRecords.senderId(Long.toString(transferId));
    }

    public static String recipient(long transferId) {
        return org.piste.resolve.PersonRecords.recipientId(Long.toString(transferId));
    }

    /** The record id parsed, when it has the form "<digits>:S" or "<digits>:R" (lower case accepted). */
    public static Optional<Parsed> parse(String id) {
        String s = id.strip().toUpperCase(java.util.Locale.ROOT);
        if (!s.matches("\\d{1,18}:[SR]")) return Optional.empty();
        return Optional.of(new Parsed(Long.parseLong(s.substring(0, s.length() - 2)), s.charAt(s.length() - 1)));
    }
}
