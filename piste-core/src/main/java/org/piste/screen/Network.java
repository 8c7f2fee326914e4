package org.piste.screen;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Network reinforcement on the sender-recipient graph (edges with no family tie): buyers and facilitators
 * reinforce each other, in damped steps. First, a recipient gains from the high-scoring part of its unrelated
 * senders' suspicion; then a sender gains from the most suspicious recipient it pays, judged without that
 * sender: without its part in the first step and without its transfers in the recipient's own indicators
 * ({@link RecipientWithout}). A sender's suspicion, as it reaches recipients, is its own indicators' points over
 * their maximum (seeds: fully suspicious), never its network points: otherwise senders sharing recipients
 * (employers of the same freelancers, sponsors of one coordinator) would inflate each other in a loop.
 * With that, the propagation reaches its fixed point in these two steps, and each step is what the
 * explanations state ("pays a recipient who receives from 6 other high-scoring senders").
 */
final class Network {
    private final Columns c;
    /** Unrelated edges as flat arrays (no array or boxed int per entity): sender s pays the pairs {@code paidToPair[paidToStart[s] .. paidToStart[s+1])}, recipient r is paid by {@code paidByPair[paidByStart[r] .. ]}. */
    private final int[] paidToStart, paidToPair, paidByStart, paidByPair;
    private final double[] senderBase;
    /** Each recipient's own indicators without one of its senders; which senders pay a fixed sum about monthly. */
    private final RecipientWithout without;
    private final RegularPairs regularPairs;
    private final boolean[] senderSeed, recipientSeed;
    private final double senderMax, recipientMax, damping, highFrom;
    private final RuleSet.Rule senderRule, recipientRule;
    private double[] senderSuspicion, recipientHighSum;

    /**
     * @param senderPoints each sender's indicator points (see {@link Screener#points})
     * @param recipientOwn each recipient's indicator contributions
     * @param regularPairs the pairs regular_senders finds regular
     */
    Network(RuleSet rules, Columns c, double[] senderPoints, List<Contribution>[] recipientOwn, RegularPairs regularPairs,
            Set<String> seeds) {
        this.c = c;
        int ns = c.senderIds.length, nr = c.recipientIds.length;
        paidToStart = starts(ns, s -> unrelated(c, c.senderPairStart[s], c.senderPairStart[s + 1], null));
        paidToPair = new int[paidToStart[ns]];
        IntStream.range(0, ns).parallel().forEach(s -> {
            // A sender's recipients in the order it first paid them: the most suspicious one is the first of equals.
            // Its transfers in time order meet each pair first at the pair's first transfer.
            int k = paidToStart[s];
            for (int i = c.senderStart[s]; i < c.senderStart[s + 1]; i++) {
                int t = c.bySender[i], p = c.pairOf[t];
                if (!c.pairFamily[p] && c.byPair[c.pairStart[p]] == t) paidToPair[k++] = p;
            }
        });
        paidByStart = starts(nr, r -> unrelated(c, c.recipientPairStart[r], c.recipientPairStart[r + 1], c.recipientPairs));
        paidByPair = new int[paidByStart[nr]];
        IntStream.range(0, nr).parallel().forEach(r -> {
            int k = paidByStart[r];
            for (int i = c.recipientPairStart[r]; i < c.recipientPairStart[r + 1]; i++) {
                if (!c.pairFamily[c.recipientPairs[i]]) paidByPair[k++] = c.recipientPairs[i];
            }
        });
        this.senderBase = senderPoints;
        this.senderSeed = new boolean[ns];
        this.recipientSeed = new boolean[nr];
        if (!seeds.isEmpty()) {
            for (int i = 0; i < ns; i++) senderSeed[i] = seeds.contains(c.senderIds[i]);
            for (int i = 0; i < nr; i++) recipientSeed[i] = seeds.contains(c.recipientIds[i]);
        }
        this.without = new RecipientWithout(rules, c, recipientOwn, regularPairs);
        this.regularPairs = regularPairs;
        this.senderMax = indicatorMax(rules.sender());
        this.recipientMax = indicatorMax(rules.recipient());
        this.damping = rules.damping();
        this.senderRule = rules.sender().get(Indicator.NETWORK);
        this.recipientRule = rules.recipient().get(Indicator.NETWORK);
        this.highFrom = ((Number) recipientRule.params().getOrDefault("high_from", 0.35)).doubleValue();
    }

    private static int unrelated(Columns c, int from, int to, int[] pairs) {
        int k = 0;
        for (int i = from; i < to; i++) if (!c.pairFamily[pairs == null ? i : pairs[i]]) k++;
        return k;
    }

    private static int[] starts(int n, java.util.function.IntUnaryOperator size) {
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) start[i + 1] = start[i] + size.applyAsInt(i);
        return start;
    }

    private static double indicatorMax(Map<Indicator, RuleSet.Rule> side) {
        // Indicators that lower suspicion (negative points) do not lower the maximum it is measured against.
        return side.entrySet().stream().filter(e -> e.getKey() != Indicator.NETWORK)
                .mapToDouble(e -> Math.max(0, e.getValue().points())).sum();
    }

    void propagate() {
        senderSuspicion = new double[senderBase.length];
        for (int s = 0; s < senderBase.length; s++) {
            senderSuspicion[s] = senderSeed[s] ? 1 : senderMax == 0 ? 0 : Math.max(0, Math.min(1, senderBase[s] / senderMax));
        }
        recipientHighSum = new double[c.recipientIds.length];
        for (int r = 0; r < recipientHighSum.length; r++) {
            double sum = 0;
            for (int e = paidByStart[r]; e < paidByStart[r + 1]; e++) sum += high(senderSuspicion[c.pairSender[paidByPair[e]]]);
            recipientHighSum[r] = sum;
        }
    }

    private double high(double suspicion) {
        return Math.max(0, (suspicion - highFrom) / (1 - highFrom));
    }

    /**
     * Suspicion of recipient r leaving out sender s, which pays it through pair p: s's suspicion in the network step, and
     * s's transfers in r's own indicators ({@link RecipientWithout}). Between 0 and 1: indicators that lower suspicion
     * cannot make it negative.
     */
    private double recipientSuspicionWithout(int r, int s, int p) {
        if (recipientSeed[r]) return 1;
        double others = recipientHighSum[r] - high(senderSuspicion[s]);
        return recipientMax == 0 ? 0 : Math.max(0, Math.min(1, (without.points(r, p) + recipientRule.pointsFor(damping * others)) / recipientMax));
    }

    /**
     * A sender's network points: from the recipient it pays that is most suspicious without it, unless it pays that
     * recipient a fixed sum about monthly (regular_senders' test): that is how relatives send family money and sponsors
     * give, not how buyers pay for sessions. Pairs paid like family money are not edges at all ({@link RegularPairs}).
     */
    Contribution senderContribution(int s) {
        double best = 0, bestSuspicion = 0;
        int bestEdge = -1;
        for (int e = paidToStart[s]; e < paidToStart[s + 1]; e++) {
            int p = paidToPair[e];
            double suspicion = recipientSuspicionWithout(c.pairRecipient[p], s, p);
            double v = regularPairs.regular(p) ? 0 : suspicion;
            if (v > best || bestEdge < 0) { // the first paid of equals, even at 0: the explanation names it
                best = v;
                bestSuspicion = suspicion;
                bestEdge = e;
            }
        }
        if (bestEdge < 0) {
            return new Contribution(Indicator.NETWORK, 0, 0, familyLeftOut(s, Sentence.of(Wording.PAYS_NO_UNRELATED)), List.of());
        }
        double value = damping * best;
        int pair = paidToPair[bestEdge], r = c.pairRecipient[pair];
        long high = 0;
        for (int e = paidByStart[r]; e < paidByStart[r + 1]; e++) {
            int o = c.pairSender[paidByPair[e]];
            if (o != s && high(senderSuspicion[o]) > 0) high++;
        }
        Sentence explanation = Sentence.of(Wording.PAYS_UNRELATED, Sentence.count(paidToStart[s + 1] - paidToStart[s]),
                new Sentence.AsWritten(c.recipientIds[r]), Sentence.decimal(bestSuspicion, 2),
                Sentence.part(recipientSeed[r] ? Sentence.of(Wording.CONFIRMED) : without.reasons(r, pair)), Sentence.count(high));
        if (regularPairs.regular(pair)) explanation = Sentence.of(Wording.FIXED_SUM_NOT_COUNTED, Sentence.part(explanation));
        return new Contribution(Indicator.NETWORK, value, senderRule.pointsFor(value), familyLeftOut(s, explanation),
                c.references(c.byPair, c.pairStart[pair], c.pairStart[pair + 1]));
    }

    /**
     * The recipients s counts as family although no name shows it: through a housemate ({@link Households}) or by how it
     * pays them ({@link RegularPairs}), said so a reader sees why they are left out.
     */
    private Sentence familyLeftOut(int s, Sentence said) {
        int homes = 0, home = -1, money = 0, paid = -1;
        for (int p = c.senderPairStart[s]; p < c.senderPairStart[s + 1]; p++) {
            if (c.pairKinThrough[p] >= 0 && homes++ == 0) home = p;
            if (c.pairFamilyMoney[p] && money++ == 0) paid = p;
        }
        Sentence out = said;
        if (homes > 0) {
            out = Sentence.of(Wording.LEFT_OUT_HOUSEMATE, Sentence.part(out), Sentence.count(homes),
                    new Sentence.AsWritten(c.recipientIds[c.pairRecipient[home]]), new Sentence.AsWritten(c.senderIds[c.pairKinThrough[home]]));
        }
        if (money > 0) {
            out = Sentence.of(Wording.LEFT_OUT_FAMILY_MONEY, Sentence.part(out), Sentence.count(money), regularPairs.sessionTop(),
                    new Sentence.AsWritten(c.recipientIds[c.pairRecipient[paid]]), Sentence.part(regularPairs.familyMoney(paid)));
        }
        return out;
    }

    Contribution recipientContribution(int r) {
        double value = damping * recipientHighSum[r];
        int from = paidByStart[r], edges = paidByStart[r + 1] - from;
        // The high-scoring senders' pairs, most suspicious first; a stable sort keeps equals in sender id order.
        Integer[] top = new Integer[edges];
        int n = 0, rows = 0;
        for (int e = from; e < from + edges; e++) {
            int p = paidByPair[e];
            if (high(senderSuspicion[c.pairSender[p]]) > 0) {
                top[n++] = p;
                rows += c.pairStart[p + 1] - c.pairStart[p];
            }
        }
        Arrays.sort(top, 0, n, (a, b) -> Double.compare(senderSuspicion[c.pairSender[b]], senderSuspicion[c.pairSender[a]]));
        Sentence names = null;
        String[] evidence = new String[rows];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int p = top[i], s = c.pairSender[p];
            if (i < 3) {
                Sentence.Arg id = new Sentence.AsWritten(c.senderIds[s]), at = Sentence.decimal(senderSuspicion[s], 2);
                names = i == 0 ? Sentence.of(Wording.TOP_FIRST, id, at) : Sentence.of(Wording.TOP_NEXT, Sentence.part(names), id, at);
            }
            for (int j = c.pairStart[p]; j < c.pairStart[p + 1]; j++) evidence[k++] = c.refs[c.byPair[j]];
        }
        Sentence explanation = n == 0 ? Sentence.of(Wording.RECEIVES, Sentence.count(edges), Sentence.count(n))
                : Sentence.of(Wording.RECEIVES_TOP, Sentence.count(edges), Sentence.count(n), Sentence.part(names));
        return new Contribution(Indicator.NETWORK, value, recipientRule.pointsFor(value), explanation, List.of(evidence));
    }
}
