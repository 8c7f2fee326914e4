package org.piste.screen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
    private final RuleSet rules;
    private final List<String> senders, recipients;
    private final Map<String, Integer> senderIndex = new HashMap<>(), recipientIndex = new HashMap<>();
    private final int[][] paidTo, paidBy;               // unrelated edges, by index
    private final Map<Long, List<String>> edgeRefs = new HashMap<>();
    private final double[] senderBase, recipientBase;
    private final boolean[] senderSeed, recipientSeed;
    private final double senderMax, recipientMax, damping, highFrom;
    private final RuleSet.Rule senderRule, recipientRule;
    private double[] senderSuspicion, recipientHighSum;

    Network(RuleSet rules, Map<String, List<TransferFact>> bySender, Map<String, List<TransferFact>> byRecipient,
            Map<String, List<Contribution>> senderContributions, Map<String, List<Contribution>> recipientContributions,
            Set<String> seeds, FamilyTie ties) {
        this.rules = rules;
        this.senders = new ArrayList<>(bySender.keySet());
        this.recipients = new ArrayList<>(byRecipient.keySet());
        for (int i = 0; i < senders.size(); i++) senderIndex.put(senders.get(i), i);
        for (int i = 0; i < recipients.size(); i++) recipientIndex.put(recipients.get(i), i);
        List<List<Integer>> to = new ArrayList<>(), by = new ArrayList<>();
        senders.forEach(s -> to.add(new ArrayList<>()));
        recipients.forEach(r -> by.add(new ArrayList<>()));
        for (int s = 0; s < senders.size(); s++) {
            for (TransferFact t : bySender.get(senders.get(s))) {
                if (ties.family(t)) continue;
                int r = recipientIndex.get(t.recipientEntity());
                List<String> refs = edgeRefs.computeIfAbsent(((long) s << 32) | r, k -> new ArrayList<>());
                if (refs.isEmpty()) {
                    to.get(s).add(r);
                    by.get(r).add(s);
                }
                refs.add(t.reference());
            }
        }
        this.paidTo = to.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        this.paidBy = by.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        this.senderBase = senders.stream().mapToDouble(s -> points(senderContributions.get(s))).toArray();
        this.recipientBase = recipients.stream().mapToDouble(r -> points(recipientContributions.get(r))).toArray();
        this.senderSeed = new boolean[senders.size()];
        this.recipientSeed = new boolean[recipients.size()];
        for (int i = 0; i < senders.size(); i++) senderSeed[i] = seeds.contains(senders.get(i));
        for (int i = 0; i < recipients.size(); i++) recipientSeed[i] = seeds.contains(recipients.get(i));
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
        senderSuspicion = new double[senders.size()];
        for (int s = 0; s < senders.size(); s++) senderSuspicion[s] = senderSeed[s] ? 1 : Math.min(1, senderBase[s] / senderMax);
        recipientHighSum = new double[recipients.size()];
        for (int r = 0; r < recipients.size(); r++) {
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

    /** {index of the most suspicious recipient s pays, its suspicion without s}; {-1, 0} when none. */
    private double[] bestRecipient(int s) {
        double best = 0;
        int bestIndex = -1;
        for (int r : paidTo[s]) {
            double v = recipientSuspicionWithout(r, s);
            if (v > best) {
                best = v;
                bestIndex = r;
            }
        }
        return new double[] {bestIndex, best};
    }

    Contribution senderContribution(String sender) {
        int s = senderIndex.get(sender);
        double[] best = bestRecipient(s);
        double value = damping * best[1];
        if (best[0] < 0) {
            return new Contribution("network", 0, 0, "pays no recipient outside the family", List.of());
        }
        int r = (int) best[0];
        long high = java.util.Arrays.stream(paidBy[r]).filter(o -> o != s && high(senderSuspicion[o]) > 0).count();
        String explanation = String.format(Locale.ROOT, "pays %d unrelated recipient(s); the most suspicious, %s (%.2f without this "
                + "sender), receives from %d other high-scoring sender(s)", paidTo[s].length, recipients.get(r), best[1], high);
        return new Contribution("network", value, senderRule.pointsFor(value), explanation, edgeRefs.get(((long) s << 32) | r));
    }

    Contribution recipientContribution(String recipient) {
        int r = recipientIndex.get(recipient);
        double value = damping * recipientHighSum[r];
        List<int[]> top = new ArrayList<>();
        for (int s : paidBy[r]) if (high(senderSuspicion[s]) > 0) top.add(new int[] {s});
        top.sort((a, b) -> Double.compare(senderSuspicion[b[0]], senderSuspicion[a[0]]));
        StringBuilder names = new StringBuilder();
        List<String> evidence = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            int s = top.get(i)[0];
            if (i < 3) names.append(i == 0 ? "" : ", ").append(senders.get(s)).append(String.format(Locale.ROOT, " %.2f", senderSuspicion[s]));
            evidence.addAll(edgeRefs.get(((long) s << 32) | r));
        }
        String explanation = String.format(Locale.ROOT, "receives from %d unrelated sender(s), %d of them high-scoring%s",
                paidBy[r].length, top.size(), top.isEmpty() ? "" : " (top: " + names + ")");
        return new Contribution("network", value, recipientRule.pointsFor(value), explanation, evidence);
    }
}
