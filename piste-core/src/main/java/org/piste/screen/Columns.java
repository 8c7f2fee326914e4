package org.piste.screen;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.piste.model.Channel;
import org.piste.model.TransferStatus;

/**
 * The transfers of one screening that moved money, as primitive columns: transfer {@code t} is the t-th of them added
 * (columns are not permuted: gathering a dozen columns through a random permutation cost a fifth of a screening),
 * entities are int indexes in id order, amounts are integer units at one decimal scale shared by all amounts (exact:
 * no rounding), and transfers are grouped by sender, by recipient and by (sender, recipient) pair once, each group in
 * time order (sent, then reference, then as added). Indicators then read arrays instead of comparing
 * BigDecimals and hashing entity ids for every transfer. Built by a {@link Builder} filled row by row as the transfers
 * are read (strings dictionary-encoded, amounts made units as they stream), so no object per transfer is kept;
 * {@link #of(List)} is the same builder fed from {@link TransferFact}s.
 */
public final class Columns {
    static final long NO_AMOUNT = Long.MIN_VALUE;
    /** A transfer not paid out (yet), for {@link Builder#add}. */
    public static final long NO_PAYOUT = Long.MIN_VALUE;
    static final int NO_KEY = -1;

    /** The rows given, moved money or not. */
    final int rows;
    final int n;
    final String[] refs;
    final long[] seconds;
    final int[] nanos;
    /** Amounts as integer units of 10^-scale; {@link #NO_AMOUNT} for a missing paid amount. */
    final int scale;
    final long[] sent, paid;
    /** The hour of sending in the sender's own zone (daylight saving included). */
    final byte[] localHour;
    /** Whole minutes from sending to payout; -1 when not paid out, or paid out before it was sent (an error in the data). */
    final int[] pickupMinutes;
    final int[] sender, recipient;
    final String[] senderIds, recipientIds;
    /** Transfers of sender s: {@code bySender[senderStart[s] .. senderStart[s+1])}, in time order; same for recipients. */
    final int[] senderStart, bySender, recipientStart, byRecipient;
    /**
     * Pairs, ordered by sender then recipient: transfers of pair p are {@code byPair[pairStart[p] .. pairStart[p+1])} in
     * time order; the pairs of sender s are {@code senderPairStart[s] .. senderPairStart[s+1])}; those of recipient r,
     * by sender, {@code recipientPairs[recipientPairStart[r] .. recipientPairStart[r+1])}.
     */
    final int[] pairStart, byPair, pairSender, pairRecipient, senderPairStart, recipientPairStart, recipientPairs, pairOf;
    /**
     * Whether the pair is family: any of its transfers, moved or not, shows the tie in the names ({@link FamilyTie}), or
     * the sender shares a home with a sender tied so to the recipient ({@link Households}).
     */
    final boolean[] pairFamily;
    /** For a pair that is family through a home ({@link Households}), the housemate tied by name; else -1. */
    final int[] pairKinThrough;
    /** Pairs the rules judged family money by how they are paid ({@link RegularPairs}); marked family too. */
    final boolean[] pairFamilyMoney;
    private final Households homes;
    /** The marks made when the columns were built (names and homes), restored before each screening's own marks. */
    private final boolean[] builtFamily;
    private final int[] builtKinThrough;
    final FamilyTie ties;
    /** Codes of distinct ID numbers, phones and agencies ({@link #NO_KEY} when blank), comparable within a field. */
    final int[] idNumber, phone, agency;
    final byte[] channel;
    /** The recipient's surname as written on each row, as a key of {@link #surnameKeys} ({@link #NO_KEY}: none). */
    final int[] recipientSurnameKey;
    final String[] surnameKeys;
    /** Transfer t's purpose is {@code purposes[purpose[t]]}: purposes repeat, and are judged once each. */
    final int[] purpose;
    final String[] purposes;
    /**
     * What the indicators derive from a rule once per screening (bounds in units, purposes judged), by rule identity;
     * emptied when a screening starts ({@link #startScreening}): columns kept between refreshes would otherwise keep
     * every refresh's rules and what was derived from them.
     */
    private final Map<Derived, Object> derived = new ConcurrentHashMap<>();

    private record Derived(int identity, RuleSet.Rule rule, String what) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Derived d && d.rule == rule && d.what.equals(what);
        }

        @Override
        public int hashCode() {
            return identity * 31 + what.hashCode();
        }
    }

    /** The transfers screened: the rows given, moved money or not. */
    public int transfers() {
        return rows;
    }

    public static Columns of(List<TransferFact> all) {
        Builder b = new Builder();
        for (TransferFact f : all) b.add(f);
        return b.build();
    }

    /**
     * Collects transfers row by row, in any order, into the columns' raw form: per-field dictionary codes (in order of
     * first sight among the rows that moved money), integer amount units, epoch seconds and nanoseconds, zone codes.
     * Rows that moved no money keep only what the family tie needs. Not thread-safe. Each {@link #build()} makes fresh columns from the rows added.
     */
    public static final class Builder {
        private static final int FIELDS = 12, SENDER = 0, RECIPIENT = 1, PURPOSE = 2, ID_NUMBER = 3, PHONE = 4, AGENCY = 5,
                SENDER_SURNAME = 6, SENDER_MIDDLE = 7, RECIPIENT_SURNAME = 8, RECIPIENT_MIDDLE = 9, EMAIL = 10, ADDRESS = 11;
        private int rows, n, capacity = 1024;
        private String[] ref = new String[capacity];
        private long[] sec = new long[capacity], payoutSec = new long[capacity], sentUnits = new long[capacity], paidUnits = new long[capacity];
        private int[] nano = new int[capacity], zone = new int[capacity];
        private byte[] channel = new byte[capacity];
        private int[][] code = new int[FIELDS][capacity];
        private final StringCodes[] dictionaries = new StringCodes[FIELDS];
        private final StringCodes zones = new StringCodes();
        /** Amounts are held at 2 decimals, the usual scale, until an amount needs more: then all are rescaled, exactly. */
        private int scale = 2;
        /** Sender, recipient and the four names of each row that moved no money: its names still show a tie. */
        private final List<String[]> notMoved = new ArrayList<>();
        /** Where each row added went: its transfer index, or -1 - its index among the rows that moved no money. */
        private int[] slot = new int[capacity];

        public Builder() {
            for (int k = 0; k < FIELDS; k++) dictionaries[k] = new StringCodes();
        }

        /** Adds one fact (the adapter for callers that hold {@link TransferFact}s). */
        public void add(TransferFact f) {
            add(f.reference(), f.senderEntity(), f.recipientEntity(), f.sent().getEpochSecond(), f.sent().getNano(),
                    f.senderZone().getId(), f.payout().map(Instant::getEpochSecond).orElse(NO_PAYOUT), f.sentAmount(), f.paidAmount().orElse(null), f.status(), f.channel(), f.sendAgency(),
                    f.purpose(), f.senderIdNumber(), f.senderPhone(), f.senderEmail(), f.senderAddress(), f.senderSurname(), f.senderMiddleName(),
                    f.recipientSurname(), f.recipientMiddleName());
        }

        /**
         * Adds one transfer, with the fields of {@link TransferFact} (see there), the send instant as epoch second and
         * nanosecond, the sender's zone as a {@link ZoneId} id, the payout as an epoch second ({@link #NO_PAYOUT}: none),
         * and a missing paid amount as null.
         */
        public void add(String reference, String senderEntity, String recipientEntity, long epochSecond, int nanoOfSecond,
                String senderZone, long payoutEpochSecond, BigDecimal sentAmount, BigDecimal paidAmount, TransferStatus status, Channel channelUsed,
                String sendAgency, String purpose, String senderIdNumber, String senderPhone, String senderEmail,
                String senderAddress, String senderSurname,
                String senderMiddleName, String recipientSurname, String recipientMiddleName) {
            if (rows == slot.length) slot = Arrays.copyOf(slot, rows * 2);
            slot[rows++] = TransferFact.moved(status) ? n : -1 - notMoved.size();
            if (!TransferFact.moved(status)) { // its names still count for the pair's family tie
                notMoved.add(new String[] {Objects.requireNonNull(senderEntity), Objects.requireNonNull(recipientEntity),
                        senderSurname, senderMiddleName, recipientSurname, recipientMiddleName});
                return;
            }
            if (n == capacity) grow();
            int t = n;
            ref[t] = Objects.requireNonNull(reference);
            sec[t] = epochSecond;
            nano[t] = nanoOfSecond;
            payoutSec[t] = payoutEpochSecond;
            zone[t] = zones.code(senderZone);
            channel[t] = (byte) channelUsed.ordinal();
            sentUnits[t] = units(sentAmount);
            paidUnits[t] = paidAmount == null ? NO_AMOUNT : units(paidAmount);
            code[SENDER][t] = dictionaries[SENDER].code(senderEntity);
            code[RECIPIENT][t] = dictionaries[RECIPIENT].code(recipientEntity);
            code[PURPOSE][t] = dictionaries[PURPOSE].code(purpose);
            code[ID_NUMBER][t] = dictionaries[ID_NUMBER].code(senderIdNumber);
            code[PHONE][t] = dictionaries[PHONE].code(senderPhone);
            code[AGENCY][t] = dictionaries[AGENCY].code(sendAgency);
            code[EMAIL][t] = dictionaries[EMAIL].code(senderEmail);
            code[ADDRESS][t] = dictionaries[ADDRESS].code(senderAddress);
            code[SENDER_SURNAME][t] = dictionaries[SENDER_SURNAME].code(senderSurname);
            code[SENDER_MIDDLE][t] = dictionaries[SENDER_MIDDLE].code(senderMiddleName);
            code[RECIPIENT_SURNAME][t] = dictionaries[RECIPIENT_SURNAME].code(recipientSurname);
            code[RECIPIENT_MIDDLE][t] = dictionaries[RECIPIENT_MIDDLE].code(recipientMiddleName);
            n++;
        }

        /**
         * Gives the {@code row}-th row added (from 0, moved money or not) other entities, as a resolution that moved its
         * records does: a builder kept between screenings then builds what a fresh one fed the same rows would.
         */
        public void reassign(int row, String senderEntity, String recipientEntity) {
            Objects.checkIndex(row, rows);
            int t = slot[row];
            if (t < 0) {
                String[] f = notMoved.get(-1 - t);
                f[0] = Objects.requireNonNull(senderEntity);
                f[1] = Objects.requireNonNull(recipientEntity);
                return;
            }
            code[SENDER][t] = dictionaries[SENDER].code(senderEntity);
            code[RECIPIENT][t] = dictionaries[RECIPIENT].code(recipientEntity);
        }

        /** The rows added so far, moved money or not. */
        public int rows() {
            return rows;
        }

        public Columns build() {
            return new Columns(this);
        }

        private long units(BigDecimal amount) {
            // Only trailing zeros make scales above 9 likely: those are stripped to the scale really needed.
            int needed = amount.scale() <= scale ? scale : amount.scale() <= 9 ? amount.scale() : stripped(amount);
            if (needed > scale) rescale(needed);
            return Columns.units(amount, scale);
        }

        private void rescale(int to) {
            long factor = LONG_POWERS[Math.min(to - scale, 18)];
            try {
                if (to - scale > 18) throw new ArithmeticException();
                for (int t = 0; t < n; t++) {
                    sentUnits[t] = Math.multiplyExact(sentUnits[t], factor);
                    if (paidUnits[t] != NO_AMOUNT) paidUnits[t] = Math.multiplyExact(paidUnits[t], factor);
                }
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("amounts cannot be screened exactly at " + to + " decimals in 64 bits", e);
            }
            scale = to;
        }

        private void grow() {
            capacity *= 2;
            ref = Arrays.copyOf(ref, capacity);
            sec = Arrays.copyOf(sec, capacity);
            payoutSec = Arrays.copyOf(payoutSec, capacity);
            sentUnits = Arrays.copyOf(sentUnits, capacity);
            paidUnits = Arrays.copyOf(paidUnits, capacity);
            nano = Arrays.copyOf(nano, capacity);
            zone = Arrays.copyOf(zone, capacity);
            channel = Arrays.copyOf(channel, capacity);
            for (int k = 0; k < FIELDS; k++) code[k] = Arrays.copyOf(code[k], capacity);
        }
    }

    private Columns(Builder b) {
        ties = new FamilyTie();
        rows = b.rows;
        n = b.n;
        scale = b.scale;
        long[] sec0 = b.sec, sent0 = b.sentUnits, paid0 = b.paidUnits;
        int[] nano0 = b.nano;
        String[] ref0 = b.ref;
        int[][] code0 = b.code;
        StringCodes[] dictionaries = b.dictionaries;

        // The local hour, from each zone's offsets over the period (daylight saving included), without building dates.
        byte[] hour0 = new byte[n];
        if (n > 0) {
            long from = Long.MAX_VALUE, to = Long.MIN_VALUE;
            for (int t = 0; t < n; t++) {
                from = Math.min(from, sec0[t]);
                to = Math.max(to, sec0[t]);
            }
            String[] zoneIds = b.zones.values();
            ZoneOffsets[] offsets = new ZoneOffsets[zoneIds.length];
            for (int z = 0; z < zoneIds.length; z++) offsets[z] = new ZoneOffsets(ZoneId.of(zoneIds[z]).getRules(), from, to);
            int[] zone0 = b.zone;
            IntStream.range(0, n).parallel().forEach(t -> {
                long local = sec0[t] + offsets[zone0[t]].at(sec0[t]);
                hour0[t] = (byte) (Math.floorMod(local, 86_400L) / 3600);
            });
        }

        // Entity indexes follow id order, which is the result's order for ties.
        StringCodes senderIndex = dictionaries[Builder.SENDER], recipientIndex = dictionaries[Builder.RECIPIENT];
        // Only the entities some transfer names: a reassigned row can leave an id in the dictionary with none.
        senderIds = sortedIds(senderIndex, code0[Builder.SENDER], n);
        recipientIds = sortedIds(recipientIndex, code0[Builder.RECIPIENT], n);
        purposes = dictionaries[Builder.PURPOSE].values();
        int[] senderRank = ranks(senderIds, senderIndex), recipientRank = ranks(recipientIds, recipientIndex);
        // Names to surname keys (each spelling folded once), keys to ints shared by the four name fields.
        String[][] nameKeys = IntStream.range(0, 4).parallel()
                .mapToObj(k -> Arrays.stream(dictionaries[Builder.SENDER_SURNAME + k].values()).map(ties::key).toArray(String[]::new))
                .toArray(String[][]::new);
        StringCodes keyIndex = new StringCodes();
        int[][] keyOfName = new int[4][];
        for (int k = 0; k < 4; k++) {
            keyOfName[k] = new int[nameKeys[k].length];
            for (int i = 0; i < nameKeys[k].length; i++) {
                keyOfName[k][i] = nameKeys[k][i].isEmpty() ? NO_KEY : keyIndex.code(nameKeys[k][i]);
            }
        }
        surnameKeys = keyIndex.values();
        int[] emptyCode = new int[3];
        for (int k = 0; k < 3; k++) emptyCode[k] = dictionaries[Builder.ID_NUMBER + k].find("");

        refs = Arrays.copyOf(ref0, n);
        seconds = Arrays.copyOf(sec0, n);
        nanos = Arrays.copyOf(nano0, n);
        sent = Arrays.copyOf(sent0, n);
        paid = Arrays.copyOf(paid0, n);
        localHour = hour0;
        pickupMinutes = new int[n];
        long[] payout0 = b.payoutSec;
        for (int t = 0; t < n; t++) {
            long minutes = payout0[t] == NO_PAYOUT || payout0[t] < sec0[t] ? -1 : (payout0[t] - sec0[t]) / 60;
            pickupMinutes[t] = (int) Math.min(minutes, Integer.MAX_VALUE);
        }
        channel = Arrays.copyOf(b.channel, n);
        purpose = Arrays.copyOf(code0[Builder.PURPOSE], n);
        sender = new int[n];
        recipient = new int[n];
        idNumber = new int[n];
        phone = new int[n];
        agency = new int[n];
        recipientSurnameKey = new int[n];
        boolean[] showsTie = new boolean[n];
        IntStream.range(0, n).parallel().forEach(t -> {
            sender[t] = senderRank[code0[0][t]];
            recipient[t] = recipientRank[code0[1][t]];
            idNumber[t] = code0[3][t] == emptyCode[0] ? NO_KEY : code0[3][t];
            phone[t] = code0[4][t] == emptyCode[1] ? NO_KEY : code0[4][t];
            agency[t] = code0[5][t] == emptyCode[2] ? NO_KEY : code0[5][t];
            int senderSurname = keyOfName[0][code0[6][t]], senderMiddle = keyOfName[1][code0[7][t]];
            recipientSurnameKey[t] = keyOfName[2][code0[8][t]];
            showsTie[t] = FamilyTie.related(senderSurname, senderMiddle, recipientSurnameKey[t], keyOfName[3][code0[9][t]]);
        });

        // Groups by counting sort over time order: each group comes out in time order, with no comparison.
        int[] order = chronological(n, sec0, nano0, ref0);
        int ns = senderIds.length, nr = recipientIds.length;
        senderStart = starts(sender, ns);
        bySender = group(sender, senderStart, order);
        recipientStart = starts(recipient, nr);
        byRecipient = group(recipient, recipientStart, order);
        byPair = group(sender, senderStart, byRecipient); // by sender, then recipient, then time

        int[] ps = new int[n + 1], psend = new int[n], prec = new int[n];
        senderPairStart = new int[ns + 1];
        pairOf = new int[n];
        int pairs = 0;
        for (int s = 0; s < ns; s++) {
            senderPairStart[s] = pairs;
            for (int i = senderStart[s]; i < senderStart[s + 1]; i++) {
                int t = byPair[i];
                if (i == senderStart[s] || recipient[t] != recipient[byPair[i - 1]]) {
                    ps[pairs] = i;
                    psend[pairs] = s;
                    prec[pairs] = recipient[t];
                    pairs++;
                }
                pairOf[t] = pairs - 1;
            }
        }
        senderPairStart[ns] = pairs;
        ps[pairs] = n;
        pairStart = Arrays.copyOf(ps, pairs + 1);
        pairSender = Arrays.copyOf(psend, pairs);
        pairRecipient = Arrays.copyOf(prec, pairs);
        recipientPairStart = starts(pairRecipient, nr);
        recipientPairs = group(pairRecipient, recipientPairStart, null); // pairs are in sender order: senders ascending

        pairFamily = new boolean[pairs];
        IntStream.range(0, pairs).parallel().forEach(p -> {
            for (int i = pairStart[p]; i < pairStart[p + 1] && !pairFamily[p]; i++) pairFamily[p] = showsTie[byPair[i]];
        });
        for (String[] f : b.notMoved) { // a cancelled transfer's names still show a tie
            int s = senderIndex.find(f[0]), r = recipientIndex.find(f[1]);
            if (s < 0 || r < 0 || senderRank[s] < 0 || recipientRank[r] < 0) continue;
            int p = pair(senderRank[s], recipientRank[r]);
            if (p >= 0 && !pairFamily[p] && ties.shows(f[2], f[3], f[4], f[5])) pairFamily[p] = true;
        }
        homes = Households.of(this, code0[Builder.PHONE], dictionaries[Builder.PHONE].values(), code0[Builder.EMAIL],
                dictionaries[Builder.EMAIL].values(), code0[Builder.ADDRESS], dictionaries[Builder.ADDRESS].values());
        pairKinThrough = homes.kinThrough(this, pairFamily);
        for (int p = 0; p < pairs; p++) if (pairKinThrough[p] >= 0) pairFamily[p] = true;
        pairFamilyMoney = new boolean[pairs];
        builtFamily = pairFamily.clone();
        builtKinThrough = pairKinThrough.clone();
    }

    /** A zone's UTC offsets from one instant to another: the offset at each transition, as ZoneRules.getOffset gives it. */
    private static final class ZoneOffsets {
        private final long[] since;
        private final int[] seconds;

        ZoneOffsets(ZoneRules rules, long from, long to) {
            List<ZoneOffsetTransition> transitions = new ArrayList<>();
            for (ZoneOffsetTransition tr = rules.nextTransition(Instant.ofEpochSecond(from)); tr != null && tr.toEpochSecond() <= to;
                    tr = rules.nextTransition(tr.getInstant())) {
                transitions.add(tr);
            }
            since = new long[transitions.size() + 1];
            seconds = new int[transitions.size() + 1];
            since[0] = Long.MIN_VALUE;
            seconds[0] = rules.getOffset(Instant.ofEpochSecond(from)).getTotalSeconds();
            for (int i = 0; i < transitions.size(); i++) {
                since[i + 1] = transitions.get(i).toEpochSecond(); // from that second on, the offset after
                seconds[i + 1] = transitions.get(i).getOffsetAfter().getTotalSeconds();
            }
        }

        int at(long epochSecond) {
            int i = Arrays.binarySearch(since, epochSecond);
            return seconds[i >= 0 ? i : -i - 2];
        }
    }

    /**
     * Marks pairs as family money (and so family: they leave every indicator and the network), as the rule set decides
     * once per screening ({@link RegularPairs}), and the housemates of their senders who pay the same recipients as
     * family through a home. Each call starts again from the marks the names and homes made, so rules screened after
     * other rules mark only what they decide. One screening of these columns at a time.
     */
    synchronized void markFamilyMoney(boolean[] money) {
        System.arraycopy(builtFamily, 0, pairFamily, 0, pairFamily.length);
        System.arraycopy(builtKinThrough, 0, pairKinThrough, 0, pairKinThrough.length);
        java.util.Arrays.fill(pairFamilyMoney, false);
        for (int p = 0; p < money.length; p++) {
            if (!money[p]) continue;
            pairFamily[p] = true;
            pairFamilyMoney[p] = true;
        }
        boolean[] tied = new boolean[pairFamily.length]; // by names or by how they are paid, not through a home
        for (int p = 0; p < tied.length; p++) tied[p] = pairFamily[p] && pairKinThrough[p] < 0;
        int[] through = homes.kinThrough(this, tied);
        for (int p = 0; p < through.length; p++) {
            if (through[p] < 0 || pairKinThrough[p] >= 0) continue;
            pairKinThrough[p] = through[p];
            pairFamily[p] = true;
        }
    }

    /** Whether pair p was family when the columns were built (by names or a home), whatever a screening marked since. */
    boolean builtFamily(int p) {
        return builtFamily[p];
    }

    /** The pair of sender s and recipient r, or -1. */
    int pair(int s, int r) {
        int lo = senderPairStart[s], hi = senderPairStart[s + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (pairRecipient[mid] < r) lo = mid + 1;
            else if (pairRecipient[mid] > r) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    boolean family(int t) {
        return pairFamily[pairOf[t]];
    }

    int[] sentBy(int s) {
        return Arrays.copyOfRange(bySender, senderStart[s], senderStart[s + 1]);
    }

    int[] receivedBy(int r) {
        return Arrays.copyOfRange(byRecipient, recipientStart[r], recipientStart[r + 1]);
    }

    /** Forgets what earlier screenings derived from their rules. One screening of these columns at a time. */
    void startScreening() {
        derived.clear();
    }

    /** How many values earlier calls derived since the screening started (for tests). */
    int derivedValues() {
        return derived.size();
    }

    /** A value derived from a rule, made once per screening (rules hash slowly: their parameters are maps). */
    @SuppressWarnings("unchecked")
    <T> T derived(RuleSet.Rule rule, String what, Function<RuleSet.Rule, T> make) {
        return (T) derived.computeIfAbsent(new Derived(System.identityHashCode(rule), rule, what), k -> make.apply(rule));
    }

    /** Which distinct purposes (see {@link #purpose}) pass the test. */
    boolean[] judgePurposes(Predicate<String> test) {
        boolean[] pass = new boolean[purposes.length];
        for (int i = 0; i < purposes.length; i++) pass[i] = test.test(purposes[i]);
        return pass;
    }

    /** Whole minutes from transfer a to a later transfer b, as Duration.between(a, b).toMinutes(). */
    long minutesBetween(int a, int b) {
        return secondsBetween(a, b) / 60;
    }

    /** Whether more than the given whole seconds separate transfer a from a later transfer b. */
    boolean moreThan(int a, int b, long limitSeconds) {
        long s = secondsBetween(a, b);
        return s > limitSeconds || (s == limitSeconds && nanos[b] != nanos[a]); // any fraction left over is more
    }

    private long secondsBetween(int a, int b) {
        return seconds[b] - seconds[a] - (nanos[b] < nanos[a] ? 1 : 0);
    }

    /** An amount bound in the units of these columns (exact: the bound's scale is at most the columns'). */
    long units(BigDecimal bound) {
        return units(bound, scale);
    }

    /** The references of transfers {@code ts[from .. to)}, in that order ({@code ts} is not to be written afterwards). */
    List<String> references(int[] ts, int from, int to) {
        return new Evidence(refs, ts, from, to);
    }

    List<String> references(int[] ts) {
        return references(ts, 0, ts.length);
    }

    /** Time order of input rows a and b: sent (second, then nanosecond), then reference. */
    private static int chronological(int a, int b, long[] sec, int[] nano, String[] ref) {
        int c = Long.compare(sec[a], sec[b]);
        if (c == 0) c = Integer.compare(nano[a], nano[b]);
        return c != 0 ? c : ref[a].compareTo(ref[b]);
    }

    /**
     * Input indexes in time order (sent, then reference; equal ones in input order, as a stable sort): one primitive sort
     * on the seconds with the index packed in, then the few equal seconds ordered by nanoseconds and reference.
     */
    private static int[] chronological(int n, long[] sec, int[] nano, String[] ref) {
        int[] order = new int[n];
        if (n == 0) return order;
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, sec[i]);
            max = Math.max(max, sec[i]);
        }
        int indexBits = 32 - Integer.numberOfLeadingZeros(n);
        if (max - min >= 1L << (63 - indexBits) || max - min < 0) { // a span too wide to pack: compare rows
            Integer[] boxed = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.parallelSort(boxed, (a, b) -> chronological(a, b, sec, nano, ref));
            for (int i = 0; i < n; i++) order[i] = boxed[i];
            return order;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[i] = (sec[i] - min) << indexBits | i;
        keys = radixSorted(keys, indexBits + 64 - Long.numberOfLeadingZeros(max - min));
        long mask = (1L << indexBits) - 1;
        for (int i = 0; i < n; i++) order[i] = (int) (keys[i] & mask);
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && sec[order[j]] == sec[order[i]]) j++;
            for (int a = i + 1; a < j; a++) { // insertion sort: stable, and runs are short
                int x = order[a], b = a - 1;
                while (b >= i && chronological(order[b], x, sec, nano, ref) > 0) {
                    order[b + 1] = order[b];
                    b--;
                }
                order[b + 1] = x;
            }
            i = j;
        }
        return order;
    }

    /**
     * Non-negative keys below 2^bits in ascending order, by least-significant-digit radix sort (a few linear passes:
     * a comparison sort of the packed time keys was a sixth of a screening). Returns the keys' array or a second one.
     */
    static long[] radixSorted(long[] keys, int bits) {
        final int digit = 11, buckets = 1 << digit;
        long[] from = keys, to = new long[keys.length];
        int[] count = new int[buckets];
        for (int shift = 0; shift < bits; shift += digit) {
            Arrays.fill(count, 0);
            for (long k : from) count[(int) (k >>> shift) & (buckets - 1)]++;
            for (int b = 0, sum = 0; b < buckets; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (long k : from) to[count[(int) (k >>> shift) & (buckets - 1)]++] = k; // stable: equal digits keep their order
            long[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    private static int stripped(BigDecimal a) {
        return a.signum() == 0 ? 0 : a.stripTrailingZeros().scale();
    }

    private static long units(BigDecimal amount, int scale) {
        try {
            int shift = scale - amount.scale();
            if (shift >= 0 && amount.precision() + shift <= 18) {
                return amount.unscaledValue().longValueExact() * LONG_POWERS[shift];
            }
            return amount.movePointRight(scale).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " cannot be screened exactly at " + scale
                    + " decimals in 64 bits", e);
        }
    }

    private static final long[] LONG_POWERS = new long[19];

    static {
        LONG_POWERS[0] = 1;
        for (int i = 1; i < LONG_POWERS.length; i++) LONG_POWERS[i] = LONG_POWERS[i - 1] * 10;
    }

    /** The ids the first n codes name, sorted. */
    private static String[] sortedIds(StringCodes index, int[] codes, int n) {
        String[] values = index.values();
        boolean[] used = new boolean[values.length];
        int count = 0;
        for (int t = 0; t < n; t++) {
            if (!used[codes[t]]) count++;
            used[codes[t]] = true;
        }
        String[] ids = new String[count];
        int k = 0;
        for (int i = 0; i < values.length; i++) if (used[i]) ids[k++] = values[i];
        Arrays.parallelSort(ids); // distinct ids: the same order as a sequential sort
        return ids;
    }

    /** Each code's index among the sorted ids; -1 for a code no transfer uses. */
    private static int[] ranks(String[] sortedIds, StringCodes index) {
        int[] rank = new int[index.size()];
        Arrays.fill(rank, -1);
        for (int i = 0; i < sortedIds.length; i++) rank[index.find(sortedIds[i])] = i;
        return rank;
    }

    private static int[] starts(int[] key, int groups) {
        int[] start = new int[groups + 1];
        for (int k : key) start[k + 1]++;
        for (int g = 0; g < groups; g++) start[g + 1] += start[g];
        return start;
    }

    /** Items grouped by key, stable: in the order of {@code order} (or 0..n-1) within each group. */
    private static int[] group(int[] key, int[] start, int[] order) {
        int[] next = Arrays.copyOf(start, start.length - 1), out = new int[key.length];
        for (int i = 0; i < key.length; i++) {
            int item = order == null ? i : order[i];
            out[next[key[item]]++] = item;
        }
        return out;
    }
}
