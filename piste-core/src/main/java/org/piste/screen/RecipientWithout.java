package org.piste.screen;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A recipient's own indicators as they would be without one of its unrelated senders, so that a sender is never
 * suspected because of its own payments twice (once in its own indicators, once through its recipient): its transfers
 * leave the recipient's low-value and night shares, it leaves the count of unrelated senders and of regular senders.
 * Pickup (how fast the recipient collects) and family operations (its relatives) are the recipient's own behaviour and
 * stay as measured. Counts per recipient and per pair are made once; each question is then arithmetic.
 */
final class RecipientWithout {
    private final Columns c;
    private final List<Contribution>[] own;
    private final RuleSet.Rule unrelated, lowValue, night, regular;
    private final RegularPairs regularPairs;
    /** Per recipient: transfers outside the family, of them low-value and at night; judged and regular repeat senders. */
    private final int[] transfers, low, nights, judged, regulars, senders;
    /** Per pair: low-value and night transfers. */
    private final int[] pairLow, pairNight;

    RecipientWithout(RuleSet rules, Columns c, List<Contribution>[] own, RegularPairs regularPairs) {
        this.c = c;
        this.own = own;
        unrelated = rules.recipient().get(Indicator.UNRELATED_SENDERS);
        lowValue = rules.recipient().get(Indicator.LOW_VALUE);
        night = rules.recipient().get(Indicator.NIGHT);
        regular = rules.recipient().get(Indicator.REGULAR_SENDERS);
        this.regularPairs = regularPairs;
        int pairs = c.pairSender.length, nr = c.recipientIds.length;
        pairLow = new int[pairs];
        pairNight = new int[pairs];
        IntStream.range(0, pairs).parallel().forEach(p -> {
            if (c.pairFamily[p]) return;
            for (int i = c.pairStart[p]; i < c.pairStart[p + 1]; i++) {
                int t = c.byPair[i];
                if (lowValue != null && Indicators.isLowValue(c, lowValue, t)) pairLow[p]++;
                if (night != null && Indicators.isNight(c.localHour[t], (int) night.number("night_start"), (int) night.number("night_end"))) pairNight[p]++;
            }
        });
        transfers = new int[nr];
        low = new int[nr];
        nights = new int[nr];
        judged = new int[nr];
        regulars = new int[nr];
        senders = new int[nr];
        IntStream.range(0, nr).parallel().forEach(r -> {
            for (int i = c.recipientPairStart[r]; i < c.recipientPairStart[r + 1]; i++) {
                int p = c.recipientPairs[i];
                if (c.pairFamily[p]) continue;
                senders[r]++;
                transfers[r] += c.pairStart[p + 1] - c.pairStart[p];
                low[r] += pairLow[p];
                nights[r] += pairNight[p];
                if (regularPairs.judged(p)) judged[r]++;
                if (regularPairs.regular(p)) regulars[r]++;
            }
        });
    }

    /** Recipient r's own points without the unrelated pair p: its measured points, with the four indicators redone. */
    double points(int r, int p) {
        double total = 0;
        for (Contribution x : own[r]) total += x.points();
        for (Part part : parts(r, p)) total += part.points() - measured(r, part.indicator());
        return total;
    }

    /** Why recipient r is suspected without pair p: its reasons with points, strongest first, at most three, then what lowers it. */
    Sentence reasons(int r, int p) {
        record Reason(Sentence text, double points) {}
        List<Part> redone = parts(r, p);
        java.util.ArrayList<Reason> all = new java.util.ArrayList<>();
        for (Contribution x : own[r]) {
            Part part = redone.stream().filter(q -> x.is(q.indicator())).findFirst().orElse(null);
            all.add(part == null ? new Reason(x.sentence(), x.points()) : new Reason(part.text(), part.points()));
        }
        all.sort((a, b) -> Double.compare(b.points(), a.points()));
        Sentence out = null;
        int n = 0;
        for (Reason x : all) {
            if (x.points() <= 0 || n == 3) continue;
            n++;
            Sentence.Arg text = Sentence.part(x.text()), points = Screener.tenths(x.points());
            out = out == null ? Sentence.of(Wording.REASON_FIRST, text, points) : Sentence.of(Wording.REASON_NEXT, Sentence.part(out), text, points);
        }
        for (Reason x : all) {
            if (x.points() >= 0) continue;
            Sentence.Arg text = Sentence.part(x.text()), points = Screener.tenths(-x.points());
            out = out == null ? Sentence.of(Wording.LOWERED_FIRST, points, text) : Sentence.of(Wording.LOWERED_NEXT, Sentence.part(out), points, text);
        }
        return out == null ? Sentence.of(Wording.NO_OWN_INDICATOR) : out;
    }

    private record Part(Indicator indicator, double points, Sentence text) {}

    /** The four indicators of r that p's transfers are part of, redone without them (only those the rules measured on r). */
    private List<Part> parts(int r, int p) {
        java.util.ArrayList<Part> out = new java.util.ArrayList<>(4);
        // Transfers from the others; none left (a rule asking for no minimum) is no share at all, not 0 / 0.
        int n = transfers[r] - (c.pairStart[p + 1] - c.pairStart[p]);
        if (has(r, Indicator.UNRELATED_SENDERS)) {
            int others = senders[r] - 1;
            out.add(new Part(Indicator.UNRELATED_SENDERS, unrelated.pointsFor(others), Sentence.of(Wording.OTHERS_UNRELATED,
                    Sentence.count(others))));
        }
        if (has(r, Indicator.LOW_VALUE)) {
            int k = low[r] - pairLow[p];
            Sentence.Amount[] range = Indicators.lowValueRange(c, lowValue);
            out.add(new Part(Indicator.LOW_VALUE, n == 0 || n < lowValue.minTransfers() ? 0 : lowValue.pointsFor((double) k / n),
                    Sentence.of(Wording.OTHERS_LOW_VALUE, Sentence.count(k), Sentence.count(n), range[0], range[1])));
        }
        if (has(r, Indicator.NIGHT)) {
            int k = nights[r] - pairNight[p];
            out.add(new Part(Indicator.NIGHT, n == 0 || n < night.minTransfers() ? 0 : night.pointsFor((double) k / n), Sentence.of(Wording.OTHERS_NIGHT,
                    Sentence.count(k), Sentence.count(n), Sentence.count((int) night.number("night_start")),
                    Sentence.count((int) night.number("night_end")))));
        }
        if (has(r, Indicator.REGULAR_SENDERS)) {
            int j = judged[r] - (regularPairs.judged(p) ? 1 : 0), k = regulars[r] - (regularPairs.regular(p) ? 1 : 0);
            boolean enough = j >= (int) regular.number("min_pairs") && n >= regular.minTransfers();
            out.add(new Part(Indicator.REGULAR_SENDERS, enough ? regular.pointsFor((double) k / j) : 0,
                    Sentence.of(Wording.OTHERS_REGULAR, Sentence.count(k), Sentence.count(j))));
        }
        return out;
    }

    private boolean has(int r, Indicator indicator) {
        for (Contribution x : own[r]) if (x.is(indicator)) return true;
        return false;
    }

    private double measured(int r, Indicator indicator) {
        for (Contribution x : own[r]) if (x.is(indicator)) return x.points();
        return 0;
    }
}
