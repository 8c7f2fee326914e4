package org.piste.screen;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.piste.normal.Identifiers;
import org.piste.normal.Phones;
import org.piste.normal.Text;

/**
 * Family through a home. A sender who shares a phone, an e-mail or an address with another sender whose names tie her
 * to a recipient is that recipient's family too: a husband paying his wife's mother bears neither of the mother's
 * names, and his remittances are no more sessions than his wife's. One step only: the housemate's own tie must show in
 * the names ({@link FamilyTie}) or in how she pays (family money, {@link RegularPairs}), so a home never makes a chain
 * of families.
 * <p>
 * A home is a handful of people. A value carried by more than {@link #MAX_SENDERS} sender entities is a placeholder,
 * an agency's counter phone or a shop's address, and ties nobody.
 */
final class Households {
    static final int MAX_SENDERS = 6;
    private static final int[] NONE = {};
    /** Each sender's shared keys (those carried by 2 to MAX_SENDERS senders), and each key's senders. */
    private final int[][] own, home;

    private Households(int[][] own, int[][] home) {
        this.own = own;
        this.home = home;
    }

    /**
     * The homes of the columns' senders.
     *
     * @param phones, emails, addresses each transfer's sender contact as a code into the matching values array
     */
    static Households of(Columns c, int[] phones, String[] phoneValues, int[] emails, String[] emailValues, int[] addresses,
            String[] addressValues) {
        // One key space for the three fields; a blank or one-word value is no key.
        StringCodes keys = new StringCodes();
        int[] phoneKey = keys(keys, "p ", phoneValues, Households::phone);
        int[] emailKey = keys(keys, "e ", emailValues, Households::email);
        int[] addressKey = keys(keys, "a ", addressValues, Households::address);
        int senders = c.senderIds.length;
        int[][] own = new int[senders][];
        IntStream.range(0, senders).parallel().forEach(s -> {
            int[] k = new int[3 * (c.senderStart[s + 1] - c.senderStart[s])];
            int m = 0;
            for (int i = c.senderStart[s]; i < c.senderStart[s + 1]; i++) {
                int t = c.bySender[i];
                k[m++] = phoneKey[phones[t]];
                k[m++] = emailKey[emails[t]];
                k[m++] = addressKey[addresses[t]];
            }
            own[s] = distinctKeys(k, m);
        });
        int[] carriers = new int[keys.size()];
        for (int[] k : own) for (int key : k) carriers[key]++;
        // The senders of each key shared by 2 to MAX_SENDERS of them.
        int[][] home = new int[keys.size()][];
        for (int s = 0; s < senders; s++) {
            int[] kept = new int[own[s].length];
            int m = 0;
            for (int key : own[s]) {
                if (carriers[key] < 2 || carriers[key] > MAX_SENDERS) continue;
                kept[m++] = key;
                if (home[key] == null) home[key] = new int[0];
                home[key] = Arrays.copyOf(home[key], home[key].length + 1);
                home[key][home[key].length - 1] = s;
            }
            own[s] = m == 0 ? NONE : Arrays.copyOf(kept, m);
        }
        return new Households(own, home);
    }

    /**
     * For each pair not tied itself, the sender through whom it is family (a housemate tied to the same recipient), or
     * -1 (tied itself, or no tie).
     *
     * @param tied the pairs tied by names or by how they are paid (never through a home: one step only)
     */
    int[] kinThrough(Columns c, boolean[] tied) {
        int pairs = tied.length;
        int[] through = new int[pairs];
        IntStream.range(0, pairs).parallel().forEach(p -> {
            through[p] = -1;
            if (tied[p]) return;
            int s = c.pairSender[p], r = c.pairRecipient[p];
            for (int key : own[s]) {
                for (int mate : home[key]) {
                    if (mate == s) continue;
                    int q = c.pair(mate, r);
                    if (q >= 0 && tied[q] && (through[p] < 0 || mate < through[p])) through[p] = mate;
                }
            }
        });
        return through;
    }

    private interface Fold {
        String apply(String raw);
    }

    private static int[] keys(StringCodes keys, String field, String[] values, Fold fold) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            String v = fold.apply(values[i]);
            out[i] = v.isEmpty() ? Columns.NO_KEY : keys.code(field + v);
        }
        return out;
    }

    private static int[] distinctKeys(int[] k, int m) {
        int[] sorted = Arrays.copyOf(k, m);
        Arrays.sort(sorted);
        int d = 0;
        for (int i = 0; i < m; i++) {
            if (sorted[i] == Columns.NO_KEY || (d > 0 && sorted[d - 1] == sorted[i])) continue;
            sorted[d++] = sorted[i];
        }
        return d == 0 ? NONE : Arrays.copyOf(sorted, d);
    }

    /** Folded (case, accents, punctuation); without a number and three words ("75001 Paris", "inconnu") it is no address. */
    static String address(String raw) {
        String folded = Text.fold(raw);
        return folded.split(" ").length >= 3 && folded.chars().anyMatch(Character::isDigit) ? folded : "";
    }

    /** Its digits (E.164 when the import could read it); fewer than 8 digits ("0", "00000") is a placeholder. */
    static String phone(String raw) {
        String digits = Phones.digits(raw);
        return digits.chars().filter(Character::isDigit).count() >= 8 ? digits : "";
    }

    /** Lower-cased; without a user, an @ and a domain with a dot ("n/a", "none@") it is a placeholder. */
    static String email(String raw) {
        String e = Identifiers.email(raw);
        int at = e.indexOf('@');
        return at > 0 && e.indexOf('.', at) > at + 1 && e.indexOf('.', at) < e.length() - 1 ? e : "";
    }
}
