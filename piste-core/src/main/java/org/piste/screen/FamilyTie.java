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
public final class FamilyTie {
    private final java.util.Map<String, Set<String>> relatedBySender = new java.util.HashMap<>();
    /** Names repeat on every transfer of a pair: fold each spelling once. */
    private final java.util.Map<String, String> keys = new java.util.HashMap<>();

    /** The family pairs among these transfers. */
    FamilyTie(Iterable<TransferFact> facts) {
        for (TransferFact t : facts) {
            Set<String> known = relatedBySender.get(t.senderEntity());
            if (known != null && known.contains(t.recipientEntity())) continue;
            if (relatedKeys(key(t.senderSurname()), key(t.senderMiddleName()), key(t.recipientSurname()), key(t.recipientMiddleName()))) {
                relatedBySender.computeIfAbsent(t.senderEntity(), k -> new HashSet<>()).add(t.recipientEntity());
            }
        }
    }

    boolean family(String sender, String recipient) {
        Set<String> related = relatedBySender.get(sender);
        return related != null && related.contains(recipient);
    }

    boolean family(TransferFact t) {
        return family(t.senderEntity(), t.recipientEntity());
    }

    private String key(String name) {
        return name.isEmpty() ? "" : keys.computeIfAbsent(name, FamilyTie::surnameKey);
    }

    private static boolean relatedKeys(String senderSurname, String senderMiddle, String recipientSurname, String recipientMiddle) {
        return shared(senderSurname, recipientSurname, recipientMiddle) || shared(senderMiddle, recipientSurname, recipientMiddle);
    }

    private static boolean shared(String key, String a, String b) {
        return !key.isEmpty() && (key.equals(a) || key.equals(b));
    }

    /** Whether this one transfer shows a family tie between its sender and recipient. */
    public static boolean related(TransferFact t) {
        return related(t.senderSurname(), t.senderMiddleName(), t.recipientSurname(), t.recipientMiddleName());
    }

    /** Whether one transfer's names, as written, show a family tie between its sender and recipient. */
    public static boolean related(String senderSurname, String senderMiddleName, String recipientSurname,
            String recipientMiddleName) {
        return relatedKeys(surnameKey(senderSurname), surnameKey(senderMiddleName), surnameKey(recipientSurname),
                surnameKey(recipientMiddleName));
    }

    static String surnameKey(String surname) {
        if (surname.isEmpty()) return "";
        return Names.surnameCore(Names.surnameTokens(surname));
    }

}
