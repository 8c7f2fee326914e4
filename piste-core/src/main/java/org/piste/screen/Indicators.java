package org.piste.screen;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.piste.normal.Text;

/**
 * How the typology's indicators ({@link Indicator}) are measured, each on one entity's transfers in
 * time order (positions in {@link Columns}) and returned with the transfers that make it up. One method per indicator: this file is where
 * "what is a night transfer" or "what is an unrelated beneficiary" is defined.
 */
final class Indicators {
    private Indicators() {}

    /** A measured value, the sentence that states it, and the references behind it. */
    record Measure(double value, Sentence sentence, List<String> evidence) {
        /** The sentence in English. */
        String explanation() {
            return sentence.english();
        }
    }

    /** Share of transfers of a low amount (session prices: mostly 10 to 200 in the sender's currency). */
    static Measure lowValue(Columns c, int[] ts, RuleSet.Rule rule) {
        Range range = c.derived(rule, "range", r -> Range.of(c, r));
        long lo = range.low(), hi = range.high();
        int[] pass = new int[ts.length];
        int k = 0;
        for (int t : ts) if (c.sent[t] >= lo && c.sent[t] <= hi) pass[k++] = t;
        return share(c, ts, pass, k, Wording.LOW_VALUE, new Sentence.Amount(range.lowAmount()),
                new Sentence.Amount(range.highAmount()));
    }

    /** Whether transfer t is within the rule's low-value range (the test {@link #lowValue} counts). */
    static boolean isLowValue(Columns c, RuleSet.Rule rule, int t) {
        Range range = c.derived(rule, "range", r -> Range.of(c, r));
        return c.sent[t] >= range.low() && c.sent[t] <= range.high();
    }

    /** The bounds of the rule's low-value range (10 and 200), as said in sentences. */
    static Sentence.Amount[] lowValueRange(Columns c, RuleSet.Rule rule) {
        Range range = c.derived(rule, "range", r -> Range.of(c, r));
        return new Sentence.Amount[] {new Sentence.Amount(range.lowAmount()), new Sentence.Amount(range.highAmount())};
    }

    /** The top of the rule's low-value range (the dearest session price) in the columns' units, and its wording. */
    static long lowValueTop(Columns c, RuleSet.Rule rule) {
        return c.derived(rule, "range", r -> Range.of(c, r)).high();
    }

    static Sentence.Amount lowValueTopAmount(RuleSet.Rule rule) {
        return new Sentence.Amount(bound(rule, "high"));
    }

    /** The low-value range of a rule in the columns' units, and its bounds as written in the rule. */
    private record Range(long low, long high, BigDecimal lowAmount, BigDecimal highAmount) {
        static Range of(Columns c, RuleSet.Rule rule) {
            BigDecimal low = bound(rule, "low"), high = bound(rule, "high");
            return new Range(c.units(low), c.units(high), low, high);
        }
    }

    /** Median days between consecutive transfers (prolific buyers pay at intervals under 20 days). */
    static Measure frequency(Columns c, int[] ts) {
        double[] gaps = gapsInDays(c, ts);
        double median = median(gaps);
        return new Measure(median, Sentence.of(Wording.FREQUENCY, Sentence.decimal(median, 1), Sentence.count(ts.length)),
                c.references(ts));
    }

    /** The transfers among ts that were paid out (with a payout time): the only ones the pickup indicator can read. */
    static int[] paidOut(Columns c, int[] ts) {
        int[] out = new int[ts.length];
        int k = 0;
        for (int t : ts) if (c.pickupMinutes[t] >= 0) out[k++] = t;
        return k == ts.length ? ts : Arrays.copyOf(out, k);
    }

    /**
     * Pickup pattern: median minutes from sending to payout over the transfers paid out. A facilitator expecting a
     * payment collects it at once; relatives, workers and coordinators collect within the day or later (I).
     */
    static Measure pickup(Columns c, int[] paidOut) {
        double[] minutes = new double[paidOut.length];
        for (int i = 0; i < paidOut.length; i++) minutes[i] = c.pickupMinutes[paidOut[i]];
        double median = median(minutes);
        return new Measure(median, Sentence.of(Wording.PICKUP, Sentence.decimal(median, 0), Sentence.count(paidOut.length)),
                c.references(paidOut));
    }

    /** Most transfers within any window of the given days (bursts of activity). */
    static Measure bursts(Columns c, int[] ts, RuleSet.Rule rule) {
        long days = (long) rule.number("window_days"), window = days * 86_400L;
        int best = 0, bestStart = 0;
        for (int i = 0, j = 0; i < ts.length; i++) {
            while (c.moreThan(ts[j], ts[i], window)) j++;
            if (i - j + 1 > best) {
                best = i - j + 1;
                bestStart = j;
            }
        }
        return new Measure(best, Sentence.of(Wording.BURSTS, Sentence.count(best), Sentence.count(days)),
                c.references(ts, bestStart, bestStart + best));
    }

    /**
     * Escalation: amounts rising and intervals shortening over time (rank correlations with time order);
     * the value is the mean of the two, each counted only when in the suspicious direction.
     */
    static Measure escalation(Columns c, int[] ts) {
        double[] amounts = new double[ts.length];
        for (int i = 0; i < ts.length; i++) amounts[i] = c.sent[ts[i]]; // ranks only: no money arithmetic
        double[] gaps = gapsInDays(c, ts);
        double amountTrend = trend(amounts), intervalTrend = -trend(gaps);
        double value = (Math.max(0, amountTrend) + Math.max(0, intervalTrend)) / 2;
        return new Measure(value, Sentence.of(Wording.ESCALATION, new Sentence.Decimal(amountTrend, 2, true),
                new Sentence.Decimal(-intervalTrend, 2, true)), c.references(ts));
    }

    /** Share of transfers sent at night in the sender's own time zone (Philippine daytime and evening). */
    static Measure night(Columns c, int[] ts, RuleSet.Rule rule) {
        int start = (int) rule.number("night_start"), end = (int) rule.number("night_end");
        int[] pass = new int[ts.length];
        int k = 0;
        for (int t : ts) if (isNight(c.localHour[t], start, end)) pass[k++] = t;
        return share(c, ts, pass, k, Wording.NIGHT, Sentence.count(start), Sentence.count(end));
    }

    static boolean isNight(int hour, int start, int end) {
        return start > end ? hour >= start || hour < end : hour >= start && hour < end;
    }

    /** Distinct recipients with no family tie to the sender (several beneficiaries, no apparent family). */
    static Measure unrelatedBeneficiaries(Columns c, int sender) {
        return unrelated(c, c.senderPairStart[sender], c.senderPairStart[sender + 1], null, Wording.UNRELATED_BENEFICIARIES);
    }

    /** Share of round amounts: multiples of 10 in the sent currency or of 500 in the paid currency. */
    static Measure roundAmounts(Columns c, int[] ts) {
        long ten = c.units(BigDecimal.TEN), fiveHundred = c.units(BigDecimal.valueOf(500));
        int[] pass = new int[ts.length];
        int k = 0;
        for (int t : ts) {
            if (isMultiple(c.sent[t], ten) || (c.paid[t] != Columns.NO_AMOUNT && isMultiple(c.paid[t], fiveHundred))) pass[k++] = t;
        }
        return share(c, ts, pass, k, Wording.ROUND_AMOUNTS);
    }

    /** Share of transfers whose purpose is a known cover ("school", "medical", "gift"...) or blank. */
    static Measure coverPurpose(Columns c, int[] ts, RuleSet.Rule rule) {
        boolean[] isCover = c.derived(rule, "cover", r -> {
            List<String> purposes = r.strings("purposes").stream().map(Text::fold).toList();
            return c.judgePurposes(raw -> {
                String p = Text.fold(raw); // case and accents: "Frais médicaux" = "FRAIS MEDICAUX"
                return p.isEmpty() || purposes.stream().anyMatch(p::contains);
            });
        });
        int[] pass = new int[ts.length];
        int k = 0;
        for (int t : ts) if (isCover[c.purpose[t]]) pass[k++] = t;
        return share(c, ts, pass, k, Wording.COVER_PURPOSE);
    }

    /**
     * The transfers priced like a session (the low-value range): rhythm indicators (frequency, bursts,
     * escalation) look at these only, so that a romance victim's escalating large sums or a family's monthly
     * remittance do not count as a buyer's rhythm.
     */
    static int[] sessionPriced(Columns c, int[] ts, RuleSet.Rule lowValueRule) {
        Range range = c.derived(lowValueRule, "range", r -> Range.of(c, r));
        long lo = range.low(), hi = range.high();
        int[] out = new int[ts.length];
        int k = 0;
        for (int t : ts) if (c.sent[t] >= lo && c.sent[t] <= hi) out[k++] = t;
        return k == ts.length ? ts : Arrays.copyOf(out, k);
    }

    /** Several identity documents, phones, agencies and channels for one sender (beyond one of each). */
    static Measure identities(Columns c, int[] ts) {
        int ids = distinct(c.idNumber, ts), phones = distinct(c.phone, ts), agencies = distinct(c.agency, ts);
        long channels = 0;
        for (int t : ts) channels |= 1L << c.channel[t];
        int channelCount = Long.bitCount(channels);
        double value = Math.max(0, ids - 1) + Math.max(0, phones - 1) + Math.max(0, agencies - 2) + Math.max(0, channelCount - 1);
        return new Measure(value, Sentence.of(Wording.IDENTITIES, Sentence.count(ids), Sentence.count(phones),
                Sentence.count(agencies), Sentence.count(channelCount)), c.references(ts));
    }

    /** Distinct senders with no family tie to the recipient (a common beneficiary of unrelated senders). */
    static Measure unrelatedSenders(Columns c, int recipient) {
        return unrelated(c, c.recipientPairStart[recipient], c.recipientPairStart[recipient + 1], c.recipientPairs,
                Wording.UNRELATED_SENDERS);
    }

    /** Counts the non-family pairs among pairs[from..to) (or pair ids from..to) and lists their transfers, pair by pair. */
    private static Measure unrelated(Columns c, int from, int to, int[] pairs, Wording what) {
        int count = 0, rows = 0, unnamed = 0;
        for (int i = from; i < to; i++) {
            int p = pairs == null ? i : pairs[i];
            if (!c.pairFamily[p]) {
                count++;
                rows += c.pairStart[p + 1] - c.pairStart[p];
            } else if (c.pairKinThrough[p] >= 0 || c.pairFamilyMoney[p]) {
                unnamed++; // family although no name shows it: said, so that the count is not read as all who share none
            }
        }
        int[] rowsOf = new int[rows];
        int k = 0;
        for (int i = from; i < to; i++) {
            int p = pairs == null ? i : pairs[i];
            if (c.pairFamily[p]) continue;
            int n = c.pairStart[p + 1] - c.pairStart[p];
            System.arraycopy(c.byPair, c.pairStart[p], rowsOf, k, n);
            k += n;
        }
        Sentence said = Sentence.of(what, Sentence.count(count));
        if (unnamed > 0) said = Sentence.of(Wording.UNRELATED_LEFT_OUT, Sentence.part(said), Sentence.count(unnamed));
        return new Measure(count, said, c.references(rowsOf, 0, rows));
    }

    /** A bound with two decimals, the scale of amounts in the rules. */
    private static BigDecimal bound(RuleSet.Rule rule, String key) {
        return BigDecimal.valueOf(rule.number(key)).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    /**
     * The share of ts that passed, the k transfers {@code pass[0 .. k)}. Each share indicator runs its own loop: one loop
     * here taking a predicate saw four predicates, and the JIT could inline none of them.
     */
    private static Measure share(Columns c, int[] ts, int[] pass, int k, Wording what, Sentence.Arg... more) {
        double share = ts.length == 0 ? 0 : (double) k / ts.length;
        Sentence.Arg[] args = new Sentence.Arg[2 + more.length];
        args[0] = Sentence.count(k);
        args[1] = Sentence.count(ts.length);
        System.arraycopy(more, 0, args, 2, more.length);
        return new Measure(share, Sentence.of(what, args), c.references(pass, 0, k));
    }

    private static boolean isMultiple(long units, long of) {
        return units > 0 && units % of == 0;
    }

    private static double[] gapsInDays(Columns c, int[] ts) {
        double[] gaps = new double[Math.max(0, ts.length - 1)];
        for (int i = 1; i < ts.length; i++) gaps[i - 1] = c.minutesBetween(ts[i - 1], ts[i]) / 1440.0;
        return gaps;
    }

    /**
     * The distinct codes of one field among transfers ts, blanks left out: one sort (an entity with many transfers and
     * many codes made a scan of the codes seen so far, per code, quadratic).
     */
    private static int distinct(int[] field, int[] ts) {
        int[] codes = new int[ts.length];
        int n = 0;
        for (int t : ts) if (field[t] != Columns.NO_KEY) codes[n++] = field[t];
        return distinct(codes, n);
    }

    /** How many distinct values {@code values[0 .. n)} hold (sorted in place). */
    static int distinct(int[] values, int n) {
        Arrays.sort(values, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) if (i == 0 || values[i] != values[i - 1]) distinct++;
        return distinct;
    }

    static double median(double[] xs) {
        if (xs.length == 0) return Double.POSITIVE_INFINITY;
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Spearman rank correlation; 0 when undefined (fewer than 3 values or no variation). */
    static double spearman(double[] x, double[] y) {
        return x.length < 3 ? 0 : correlation(ranks(x), ranks(y));
    }

    /** Spearman rank correlation of values in time order with that order, whose ranks are the positions themselves. */
    static double trend(double[] y) {
        if (y.length < 3) return 0;
        double[] positions = new double[y.length];
        for (int i = 0; i < y.length; i++) positions[i] = i;
        return correlation(positions, ranks(y));
    }

    /**
     * Pearson correlation of two rank vectors. Average ranks of n values sum to n(n-1)/2 and are halves: every partial
     * sum is exact, so the mean is exactly (n-1)/2 (what averaging them gives, without a stream).
     */
    private static double correlation(double[] rx, double[] ry) {
        double mx = (rx.length - 1) / 2.0, my = mx;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < rx.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * Average ranks (ties, equal by {@code ==}, share the mean of their positions), from one primitive sort: the distinct
     * values with their ranks in one pass over the sorted copy, then one binary search per value among the distinct.
     */
    private static double[] ranks(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        double[] distinct = new double[sorted.length], rankOf = new double[sorted.length];
        int d = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i + 1;
            while (j < sorted.length && sorted[j] == sorted[i]) j++; // -0.0 and 0.0 are one value, as they compare
            distinct[d] = sorted[i];
            rankOf[d++] = (i + j - 1) / 2.0;
            i = j;
        }
        double[] ranks = new double[xs.length];
        for (int i = 0; i < xs.length; i++) ranks[i] = rankOf[lowerBound(distinct, d, xs[i])];
        return ranks;
    }

    private static int lowerBound(double[] sorted, int size, double x) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
