package org.piste.screen;

import java.util.HashSet;
import java.util.Set;
import org.piste.resolve.Names;

/**
 * Whether a sender and a recipient are visibly family: they share a surname, or one's middle name is the
 * other's surname (in the Philippines the middle name is the mother's maiden surname), or they share a middle
 * name (siblings). A relationship signal from names as written, never an origin or nationality signal.
 */
final class FamilyTie {
    private FamilyTie() {}

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
