package org.piste.screen;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The typology's indicators (../shared/domain.md, "Indicators"), each measured on one entity's transfers in
 * time order and returned with the transfers that make it up. One method per indicator: this file is where
 * "what is a night transfer" or "what is an unrelated beneficiary" is defined.
 */
final class Indicators {
    static final List<String> SENDER = List.of("low_value", "frequency", "bursts", "escalation", "night",
            "unrelated_beneficiaries", "round_amounts", "cover_purpose", "identities", "network");
    static final List<String> RECIPIENT = List.of("unrelated_senders", "low_value", "night", "family_operation", "network");

    private Indicators() {}

    /** A measured value, the sentence that states it, and the references behind it. */
    record Measure(double value, String explanation, List<String> evidence) {}

    /** Share of transfers of a low amount (session prices: mostly 10 to 200 in the sender's currency). */
    static Measure lowValue(List<TransferFact> ts, RuleSet.Rule rule) {
        BigDecimal low = bound(rule, "low"), high = bound(rule, "high");
        return share(ts, t -> t.sentAmount().compareTo(low) >= 0 && t.sentAmount().compareTo(high) <= 0,
                "between " + low.stripTrailingZeros().toPlainString() + " and " + high.stripTrailingZeros().toPlainString());
    }

    /** Median days between consecutive transfers (prolific buyers pay at intervals under 20 days). */
    static Measure frequency(List<TransferFact> ts) {
        double[] gaps = gapsInDays(ts);
        double median = median(gaps);
        return new Measure(median, String.format(Locale.ROOT, "median interval %.1f days over %d transfers", median, ts.size()),
                references(ts));
    }

    /** Most transfers within any window of the given days (bursts of activity). */
    static Measure bursts(List<TransferFact> ts, RuleSet.Rule rule) {
        Duration window = Duration.ofDays((long) rule.number("window_days"));
        int best = 0, bestStart = 0;
        for (int i = 0, j = 0; i < ts.size(); i++) {
            while (Duration.between(ts.get(j).sent(), ts.get(i).sent()).compareTo(window) > 0) j++;
            if (i - j + 1 > best) {
                best = i - j + 1;
                bestStart = j;
            }
        }
        return new Measure(best, best + " transfers within " + window.toDays() + " days",
                references(ts.subList(bestStart, bestStart + best)));
    }

    /**
     * Escalation: amounts rising and intervals shortening over time (rank correlations with time order);
     * the value is the mean of the two, each counted only when in the suspicious direction.
     */
    static Measure escalation(List<TransferFact> ts) {
        double[] order = new double[ts.size()], amounts = new double[ts.size()];
        for (int i = 0; i < ts.size(); i++) {
            order[i] = i;
            amounts[i] = ts.get(i).sentAmount().doubleValue(); // ranks only: no money arithmetic
        }
        double[] gaps = gapsInDays(ts);
        double[] gapOrder = new double[gaps.length];
        for (int i = 0; i < gaps.length; i++) gapOrder[i] = i;
        double amountTrend = spearman(order, amounts), intervalTrend = -spearman(gapOrder, gaps);
        double value = (Math.max(0, amountTrend) + Math.max(0, intervalTrend)) / 2;
        return new Measure(value, String.format(Locale.ROOT,
                "amounts trend %+.2f and intervals trend %+.2f (rank correlations with time)", amountTrend, -intervalTrend),
                references(ts));
    }

    /** Share of transfers sent at night in the sender's own time zone (Philippine daytime and evening). */
    static Measure night(List<TransferFact> ts, RuleSet.Rule rule) {
        int start = (int) rule.number("night_start"), end = (int) rule.number("night_end");
        return share(ts, t -> isNight(t, start, end), "sent between " + start + ":00 and " + end + ":00 local time");
    }

    static boolean isNight(TransferFact t, int start, int end) {
        // The local hour from the zone's offset at that instant (daylight saving included), without building a date.
        long local = t.sent().getEpochSecond() + t.senderZone().getRules().getOffset(t.sent()).getTotalSeconds();
        int hour = (int) Math.floorMod(local, 86_400L) / 3600;
        return start > end ? hour >= start || hour < end : hour >= start && hour < end;
    }

    /** Distinct recipients with no family tie to the sender (several beneficiaries, no apparent family). */
    static Measure unrelatedBeneficiaries(List<TransferFact> ts, FamilyTie ties) {
        Map<String, List<String>> byRecipient = new TreeMap<>();
        for (TransferFact t : ts) {
            if (!ties.family(t)) byRecipient.computeIfAbsent(t.recipientEntity(), k -> new ArrayList<>()).add(t.reference());
        }
        List<String> refs = byRecipient.values().stream().flatMap(List::stream).toList();
        return new Measure(byRecipient.size(), byRecipient.size() + " recipients sharing no surname or middle name with the sender",
                refs);
    }

    /** Share of round amounts: multiples of 10 in the sent currency or of 500 in the paid currency. */
    static Measure roundAmounts(List<TransferFact> ts) {
        return share(ts, t -> isMultiple(t.sentAmount(), 10) || t.paidAmount().map(p -> isMultiple(p, 500)).orElse(false),
                "with round amounts (multiples of 10 sent or 500 paid)");
    }

    /** Share of transfers whose purpose is a known cover ("school", "medical", "gift"...) or blank. */
    static Measure coverPurpose(List<TransferFact> ts, RuleSet.Rule rule) {
        List<String> purposes = rule.strings("purposes").stream().map(org.piste.resolve.Names::fold).toList();
        return share(ts, t -> {
            String p = org.piste.resolve.Names.fold(t.purpose()); // case and accents: "Frais médicaux" = "FRAIS MEDICAUX"
            return p.isEmpty() || purposes.stream().anyMatch(p::contains);
        }, "with a cover purpose or none");
    }

    /**
     * The transfers priced like a session (the low-value range): rhythm indicators (frequency, bursts,
     * escalation) look at these only, so that a romance victim's escalating large sums or a family's monthly
     * remittance do not count as a buyer's rhythm.
     */
    static List<TransferFact> sessionPriced(List<TransferFact> ts, RuleSet.Rule lowValueRule) {
        BigDecimal low = bound(lowValueRule, "low"), high = bound(lowValueRule, "high");
        return ts.stream().filter(t -> t.sentAmount().compareTo(low) >= 0 && t.sentAmount().compareTo(high) <= 0).toList();
    }

    /** Several identity documents, phones, agencies and channels for one sender (beyond one of each). */
    static Measure identities(List<TransferFact> ts) {
        Set<String> ids = new HashSet<>(), phones = new HashSet<>(), agencies = new HashSet<>(), channels = new HashSet<>();
        for (TransferFact t : ts) {
            if (!t.senderIdNumber().isEmpty()) ids.add(t.senderIdNumber());
            if (!t.senderPhone().isEmpty()) phones.add(t.senderPhone());
            if (!t.sendAgency().isEmpty()) agencies.add(t.sendAgency());
            channels.add(t.channel().name());
        }
        double value = Math.max(0, ids.size() - 1) + Math.max(0, phones.size() - 1) + Math.max(0, agencies.size() - 2)
                + Math.max(0, channels.size() - 1);
        return new Measure(value, ids.size() + " ID documents, " + phones.size() + " phones, " + agencies.size()
                + " agencies, " + channels.size() + " channels", references(ts));
    }

    /** Distinct senders with no family tie to the recipient (a common beneficiary of unrelated senders). */
    static Measure unrelatedSenders(List<TransferFact> ts, FamilyTie ties) {
        Map<String, List<String>> bySender = new TreeMap<>();
        for (TransferFact t : ts) {
            if (!ties.family(t)) bySender.computeIfAbsent(t.senderEntity(), k -> new ArrayList<>()).add(t.reference());
        }
        return new Measure(bySender.size(), bySender.size() + " senders sharing no surname or middle name with the recipient",
                bySender.values().stream().flatMap(List::stream).toList());
    }

    /** A bound with two decimals, the scale of amounts: BigDecimal compares equal scales without rescaling. */
    private static BigDecimal bound(RuleSet.Rule rule, String key) {
        return BigDecimal.valueOf(rule.number(key)).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    private static Measure share(List<TransferFact> ts, Predicate<TransferFact> test, String what) {
        List<String> refs = new ArrayList<>();
        for (TransferFact t : ts) if (test.test(t)) refs.add(t.reference());
        double share = ts.isEmpty() ? 0 : (double) refs.size() / ts.size();
        return new Measure(share, refs.size() + " of " + ts.size() + " transfers " + what, refs);
    }

    private static boolean isMultiple(BigDecimal amount, int of) {
        return amount.signum() > 0 && amount.remainder(BigDecimal.valueOf(of)).signum() == 0;
    }

    static List<String> references(List<TransferFact> ts) {
        return ts.stream().map(TransferFact::reference).toList();
    }

    private static double[] gapsInDays(List<TransferFact> ts) {
        double[] gaps = new double[Math.max(0, ts.size() - 1)];
        for (int i = 1; i < ts.size(); i++) {
            gaps[i - 1] = Duration.between(ts.get(i - 1).sent(), ts.get(i).sent()).toMinutes() / 1440.0;
        }
        return gaps;
    }

    private static double median(double[] xs) {
        if (xs.length == 0) return Double.POSITIVE_INFINITY;
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Spearman rank correlation; 0 when undefined (fewer than 3 values or no variation). */
    static double spearman(double[] x, double[] y) {
        if (x.length < 3) return 0;
        double[] rx = ranks(x), ry = ranks(y);
        double mx = Arrays.stream(rx).average().orElse(0), my = Arrays.stream(ry).average().orElse(0);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < rx.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    private static double[] ranks(double[] xs) {
        Integer[] idx = new Integer[xs.length];
        for (int i = 0; i < xs.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(xs[a], xs[b]));
        double[] ranks = new double[xs.length];
        for (int i = 0; i < xs.length; ) {
            int j = i;
            while (j + 1 < xs.length && xs[idx[j + 1]] == xs[idx[i]]) j++;
            double rank = (i + j) / 2.0;
            for (int k = i; k <= j; k++) ranks[idx[k]] = rank;
            i = j + 1;
        }
        return ranks;
    }
}
