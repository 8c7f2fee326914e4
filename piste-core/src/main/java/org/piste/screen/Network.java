package org.piste.screen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Network reinforcement on the sender-recipient graph (edges with no family tie): buyers and facilitators
 * reinforce each other, in damped steps. First, a recipient gains from the high-scoring part of its unrelated
 * senders' suspicion; then a sender gains from the most suspicious recipient it pays, judged without that
 * sender's own part. A sender's suspicion, as it reaches recipients, is its own indicators' points over
 * their maximum (seeds: fully suspicious), never its network points: otherwise senders sharing recipients
 * (employers of the same freelancers, sponsors of one coordinator) would inflate each other in a loop.
 * With that, the propagation reaches its fixed point in these two steps, and each step is what the
 * explanations state ("pays a recipient who receives from 6 other high-scoring senders").
 */
final class Network {
    private final Columns c;
    private final int[][] paidTo, paidBy;               // unrelated edges, by index
    private final int[][] paidToPair, paidByPair;       // the pair (see Columns) of each edge, for its transfers
    private final double[] senderBase, recipientBase;
    private final boolean[] senderSeed, recipientSeed;
    private final double senderMax, recipientMax, damping, highFrom;
    private final RuleSet.Rule senderRule, recipientRule;
    private double[] senderSuspicion, recipientHighSum;

    Network(RuleSet rules, Columns c, List<Contribution>[] senderContributions, List<Contribution>[] recipientContributions,
            Set<String> seeds) {
        this.c = c;
        int ns = c.senderIds.length, nr = c.recipientIds.length;
        paidTo = new int[ns][];
        paidToPair = new int[ns][];
        for (int s = 0; s < ns; s++) {
            // A sender's recipients in the order it first paid them: the most suspicious one is the first of equals.
            int[] pairs = IntStream.range(c.senderPairStart[s], c.senderPairStart[s + 1]).filter(p -> !c.pairFamily[p])
                    .boxed().sorted(java.util.Comparator.comparingInt(p -> c.byPair[c.pairStart[p]])).mapToInt(Integer::intValue)
                    .toArray();
            paidToPair[s] = pairs;
            paidTo[s] = Arrays.stream(pairs).map(p -> c.pairRecipient[p]).toArray();
        }
        paidBy = new int[nr][];
        paidByPair = new int[nr][];
        for (int r = 0; r < nr; r++) {
            int[] pairs = Arrays.stream(c.recipientPairs, c.recipientPairStart[r], c.recipientPairStart[r + 1])
                    .filter(p -> !c.pairFamily[p]).toArray();
            paidByPair[r] = pairs;
            paidBy[r] = Arrays.stream(pairs).map(p -> c.pairSender[p]).toArray();
        }
        this.senderBase = Arrays.stream(senderContributions).mapToDouble(Network::points).toArray();
        this.recipientBase = Arrays.stream(recipientContributions).mapToDouble(Network::points).toArray();
        this.senderSeed = new boolean[ns];
        this.recipientSeed = new boolean[nr];
        for (int i = 0; i < ns; i++) senderSeed[i] = seeds.contains(c.senderIds[i]);
        for (int i = 0; i < nr; i++) recipientSeed[i] = seeds.contains(c.recipientIds[i]);
        this.senderMax = indicatorMax(rules.sender());
        this.recipientMax = indicatorMax(rules.recipient());
        this.damping = rules.damping();
        this.senderRule = rules.sender().get("network");
        this.recipientRule = rules.recipient().get("network");
        this.highFrom = ((Number) recipientRule.params().getOrDefault("high_from", 0.35)).doubleValue();
    }

    private static double indicatorMax(Map<String, RuleSet.Rule> side) {
        return side.entrySet().stream().filter(e -> !e.getKey().equals("network")).mapToDouble(e -> e.getValue().points()).sum();
    }

    private static double points(List<Contribution> cs) {
        return cs.stream().mapToDouble(Contribution::points).sum();
    }

    void propagate() {
        senderSuspicion = new double[senderBase.length];
        for (int s = 0; s < senderBase.length; s++) senderSuspicion[s] = senderSeed[s] ? 1 : Math.min(1, senderBase[s] / senderMax);
        recipientHighSum = new double[recipientBase.length];
        for (int r = 0; r < recipientBase.length; r++) {
            double sum = 0;
            for (int s : paidBy[r]) sum += high(senderSuspicion[s]);
            recipientHighSum[r] = sum;
        }
    }

    private double high(double suspicion) {
        return Math.max(0, (suspicion - highFrom) / (1 - highFrom));
    }

    /** Suspicion of recipient r leaving out sender s's own part. */
    private double recipientSuspicionWithout(int r, int s) {
        if (recipientSeed[r]) return 1;
        double others = recipientHighSum[r] - high(senderSuspicion[s]);
        return Math.min(1, (recipientBase[r] + recipientRule.pointsFor(damping * others)) / recipientMax);
    }

    Contribution senderContribution(int s) {
        // The most suspicious recipient s pays (the first of equals), judged without s.
        double best = 0;
        int bestEdge = -1;
        for (int e = 0; e < paidTo[s].length; e++) {
            double v = recipientSuspicionWithout(paidTo[s][e], s);
            if (v > best) {
                best = v;
                bestEdge = e;
            }
        }
        double value = damping * best;
        if (bestEdge < 0) {
            return new Contribution("network", 0, 0, "pays no recipient outside the family", List.of());
        }
        int r = paidTo[s][bestEdge];
        long high = java.util.Arrays.stream(paidBy[r]).filter(o -> o != s && high(senderSuspicion[o]) > 0).count();
        String explanation = String.format(Locale.ROOT, "pays %d unrelated recipient(s); the most suspicious, %s (%.2f without this "
                + "sender), receives from %d other high-scoring sender(s)", paidTo[s].length, c.recipientIds[r], best, high);
        return new Contribution("network", value, senderRule.pointsFor(value), explanation, transfers(paidToPair[s][bestEdge]));
    }

    Contribution recipientContribution(int r) {
        double value = damping * recipientHighSum[r];
        List<int[]> top = new ArrayList<>(); // {sender, pair}
        for (int e = 0; e < paidBy[r].length; e++) {
            if (high(senderSuspicion[paidBy[r][e]]) > 0) top.add(new int[] {paidBy[r][e], paidByPair[r][e]});
        }
        top.sort((a, b) -> Double.compare(senderSuspicion[b[0]], senderSuspicion[a[0]])); // stable: equals stay in id order
        StringBuilder names = new StringBuilder();
        List<String> evidence = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            int s = top.get(i)[0];
            if (i < 3) names.append(i == 0 ? "" : ", ").append(c.senderIds[s]).append(String.format(Locale.ROOT, " %.2f", senderSuspicion[s]));
            evidence.addAll(transfers(top.get(i)[1]));
        }
        String explanation = String.format(Locale.ROOT, "receives from %d unrelated sender(s), %d of them high-scoring%s",
                paidBy[r].length, top.size(), top.isEmpty() ? "" : " (top: " + names + ")");
        return new Contribution("network", value, recipientRule.pointsFor(value), explanation, evidence);
    }

    /** The references of a pair's transfers, in time order. */
    private List<String> transfers(int pair) {
        return c.references(c.byPair, c.pairStart[pair], c.pairStart[pair + 1]);
    }
}
