package org.piste.screen;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The regular_senders indicator: which unrelated (sender, recipient) pairs are judged (paid {@code repeat} times or
 * more) and which of those pay a fixed sum on a calendar ({@code most} of the amounts equal to their median, {@code most}
 * of the intervals within {@code gap_min} to {@code gap_max} days), as sponsors pay a coordinator and employers a worker;
 * a buyer pays per session, at varying prices and intervals. Decided once per pair, then read by the recipient's
 * indicator, by the recipient judged without a sender ({@link RecipientWithout}) and by the network.
 * <p>
 * Family money: a pair paid {@code repeat} times or more, not a fixed sum, at a median amount above the top of the
 * sender's low_value range (sessions cost tens of euros, rarely more) and a median interval of {@code gap_min} days or
 * more (remittances are hundreds a month, around payday). Such a pair is family whatever the names say (a daughter
 * married abroad, a son-in-law, in an export without middle names): the screening marks it so
 * ({@link Columns#markFamilyMoney}) before any indicator is measured, and it is neither judged here nor an edge of the
 * network. A buyer paying dear sessions does so days apart.
 */
final class RegularPairs {
    private final Columns c;
    private final RuleSet.Rule rule;
    private final boolean[] judged, regular, familyMoney;
    private final long[] medians;
    /** The two middle amounts added (the median is half of it: for an odd count, twice the middle one). */
    private final long[] middleSum;
    private final double[] medianGapDays;
    private final Sentence.Amount sessionTop;

    /**
     * @param rule the recipient rule regular_senders, or null when the rule set has none (no pair is then regular)
     * @param sessionPrices the sender rule low_value, whose top is the dearest session price
     */
    RegularPairs(Columns c, RuleSet.Rule rule, RuleSet.Rule sessionPrices) {
        this.c = c;
        this.rule = rule;
        int pairs = c.pairSender.length;
        judged = new boolean[pairs];
        regular = new boolean[pairs];
        familyMoney = new boolean[pairs];
        medians = new long[pairs];
        middleSum = new long[pairs];
        medianGapDays = new double[pairs];
        sessionTop = Indicators.lowValueTopAmount(sessionPrices);
        if (rule == null) return;
        int repeat = (int) rule.number("repeat");
        double gapMin = rule.number("gap_min") * 1440, gapMax = rule.number("gap_max") * 1440, most = rule.number("most");
        long top = Indicators.lowValueTop(c, sessionPrices);
        IntStream.range(0, pairs).parallel().forEach(p -> {
            // Family by names or a home (as the columns were built) is not judged; the rest is judged at each screening.
            if (c.builtFamily(p) || c.pairStart[p + 1] - c.pairStart[p] < repeat) return;
            regular[p] = fixedOnCalendar(p, gapMin, gapMax, most);
            familyMoney[p] = !regular[p] && middleSum[p] > 2 * top && medianGapDays[p] * 1440 >= gapMin;
            judged[p] = !familyMoney[p];
        });
    }

    boolean judged(int p) {
        return judged[p];
    }

    boolean regular(int p) {
        return regular[p];
    }

    /** The pairs paid like family money (see above), to be marked family in the columns. */
    boolean[] familyMoney() {
        return familyMoney.clone();
    }

    /** How a pair marked family money was paid, for the sender's explanation. */
    Sentence familyMoney(int p) {
        return Sentence.of(Wording.FAMILY_MONEY, new Sentence.Amount(java.math.BigDecimal.valueOf(middleSum[p], c.scale)
                .divide(java.math.BigDecimal.valueOf(2))), Sentence.count(c.pairStart[p + 1] - c.pairStart[p]),
                Sentence.decimal(medianGapDays[p], 0));
    }

    Sentence.Amount sessionTop() {
        return sessionTop;
    }

    private String units(long amount) {
        return java.math.BigDecimal.valueOf(amount, c.scale).stripTrailingZeros().toPlainString();
    }

    /** Among the recipient's judged pairs, the share that are regular; 0 below {@code min_pairs} of them. */
    Indicators.Measure measure(int recipient) {
        int minPairs = (int) rule.number("min_pairs"), n = 0, k = 0, rows = 0;
        int[] pairs = new int[c.recipientPairStart[recipient + 1] - c.recipientPairStart[recipient]];
        for (int i = c.recipientPairStart[recipient]; i < c.recipientPairStart[recipient + 1]; i++) {
            int p = c.recipientPairs[i];
            if (!judged[p] || c.pairFamily[p]) continue; // family through a home may be marked after judging
            n++;
            if (regular[p]) {
                pairs[k++] = p;
                rows += c.pairStart[p + 1] - c.pairStart[p];
            }
        }
        if (n < minPairs) {
            return new Indicators.Measure(0, Sentence.of(Wording.REGULAR_TOO_FEW, Sentence.count(n),
                    Sentence.count((int) rule.number("repeat"))), List.of());
        }
        int[] evidence = new int[rows];
        int at = 0;
        for (int i = 0; i < k; i++) {
            int p = pairs[i], size = c.pairStart[p + 1] - c.pairStart[p];
            System.arraycopy(c.byPair, c.pairStart[p], evidence, at, size);
            at += size;
        }
        return new Indicators.Measure((double) k / n, Sentence.of(Wording.REGULAR_SENDERS, Sentence.count(k), Sentence.count(n),
                Sentence.count((int) rule.number("gap_min")), Sentence.count((int) rule.number("gap_max"))),
                c.references(evidence, 0, at));
    }

    /** Whether most of the pair's amounts equal their median and most of its intervals fall within [gapMin, gapMax] minutes. */
    private boolean fixedOnCalendar(int p, double gapMin, double gapMax, double most) {
        int from = c.pairStart[p], n = c.pairStart[p + 1] - from;
        long[] amounts = new long[n];
        for (int i = 0; i < n; i++) amounts[i] = c.sent[c.byPair[from + i]];
        long[] sorted = amounts.clone();
        Arrays.sort(sorted);
        long median = sorted[n / 2];
        medians[p] = median;
        middleSum[p] = sorted[(n - 1) / 2] + sorted[n / 2];
        int fixed = 0, onCalendar = 0;
        for (long a : amounts) if (a == median) fixed++;
        double[] gaps = new double[n - 1];
        for (int i = 1; i < n; i++) {
            double gap = c.minutesBetween(c.byPair[from + i - 1], c.byPair[from + i]);
            gaps[i - 1] = gap;
            if (gap >= gapMin && gap <= gapMax) onCalendar++;
        }
        medianGapDays[p] = Indicators.median(gaps) / 1440;
        return fixed >= most * n && onCalendar >= most * (n - 1);
    }
}
