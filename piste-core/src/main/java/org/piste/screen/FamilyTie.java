package org.piste.screen;

import java.util.HashSet;
import java.util.Set;
import org.piste.resolve.Names;

/**
 * Whether a sender and a recipient are visibly family: they share a surname, or one's middle name is the
 * other's surname (in the Philippines the middle name is the mother's maiden surname), or they share a middle
 * name (siblings). A relationship signal from names as written, never an origin or nationality signal.
 * A pair is family when any of its transfers shows the tie: middle names are often left out of a row, and
 * one row that shows the tie is enough.
 */
final class FamilyTie {
    private final java.util.Set<String> relatedPairs = new java.util.HashSet<>();

    /** The family pairs among these transfers. */
    FamilyTie(Iterable<TransferFact> facts) {
        for (TransferFact t : facts) if (related(t)) relatedPairs.add(pair(t.senderEntity(), t.recipientEntity()));
    }

    boolean family(String sender, String recipient) {
        return relatedPairs.contains(pair(sender, recipient));
    }

    boolean family(TransferFact t) {
        return family(t.senderEntity(), t.recipientEntity());
    }

    private static String pair(String sender, String recipient) {
        return sender + '\u0000' + recipient;
    }

    static boolean related(TransferFact t) {
        Set<String> sender = keys(t.senderSurname(), t.senderMiddleName());
        Set<String> recipient = keys(t.recipientSurname(), t.recipientMiddleName());
        for (String k : sender) if (recipient.contains(k)) return true;
        return false;
    }

    static String surnameKey(String surname) {
        return Names.surnameCore(Names.surnameTokens(surname));
    }

    private static Set<String> keys(String surname, String middle) {
        Set<String> keys = new HashSet<>(2);
        String s = surnameKey(surname), m = surnameKey(middle);
        if (!s.isEmpty()) keys.add(s);
        if (!m.isEmpty()) keys.add(m);
        return keys;
    }
}
