package org.piste.screen;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.piste.resolve.Names;

/**
 * Whether a sender and a recipient are visibly family: they share a surname, or one's middle name is the
 * other's surname (in the Philippines the middle name is the mother's maiden surname), or they share a middle
 * name (siblings). A relationship signal from names as written, never an origin or nationality signal.
 * A pair is family when any of its transfers shows the tie (see {@link Columns#pairFamily}): middle names are often
 * left out of a row, and one row that shows the tie is enough.
 */
public final class FamilyTie {
    /** Names repeat on every transfer of a pair: fold each spelling once per screening. */
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    FamilyTie() {}

    /** Whether one transfer's names show a family tie, with the spellings folded through this screening's cache. */
    boolean shows(String senderSurname, String senderMiddleName, String recipientSurname, String recipientMiddleName) {
        return relatedKeys(key(senderSurname), key(senderMiddleName), key(recipientSurname), key(recipientMiddleName));
    }

    String key(String name) {
        return name.isEmpty() ? "" : keys.computeIfAbsent(name, FamilyTie::surnameKey);
    }

    private static boolean relatedKeys(String senderSurname, String senderMiddle, String recipientSurname, String recipientMiddle) {
        return shared(senderSurname, recipientSurname, recipientMiddle) || shared(senderMiddle, recipientSurname, recipientMiddle);
    }

    private static boolean shared(String key, String a, String b) {
        return !key.isEmpty() && (key.equals(a) || key.equals(b));
    }

    /** The same rule on surname keys as ints (equal ints: equal keys; {@link Columns#NO_KEY}: no name). */
    static boolean related(int senderSurname, int senderMiddle, int recipientSurname, int recipientMiddle) {
        return shared(senderSurname, recipientSurname, recipientMiddle) || shared(senderMiddle, recipientSurname, recipientMiddle);
    }

    private static boolean shared(int key, int a, int b) {
        return key != Columns.NO_KEY && (key == a || key == b);
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
