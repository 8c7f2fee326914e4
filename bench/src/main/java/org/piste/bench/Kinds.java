package org.piste.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.piste.screen.EntityScore;

/**
 * False positives by legitimate sender kind at the top of a ranking. A kind is over-represented when its share of
 * the top's non-buyers is above its share of all non-buyer senders with a one-sided binomial p < 0.05 (the count is
 * not explained by chance at the kind's share), each kind tested alone (no correction for testing six).
 */
final class Kinds {
    private final List<EntityScore> ranking;
    private final List<String> roles;
    private final Map<String, Integer> all = new TreeMap<>();
    private final int nonBuyers;

    Kinds(ScreeningData data, List<EntityScore> ranking) {
        this.ranking = ranking;
        this.roles = ranking.stream().map(e -> data.roleOf(e.entityId())).toList();
        for (String role : roles) all.merge(role, 1, Integer::sum);
        this.nonBuyers = ranking.size() - all.getOrDefault("BUYER", 0);
    }

    /** The kinds over-represented in the first {@code top} of the ranking, without printing. */
    List<String> overRepresented(int top) {
        Map<String, Integer> in = count(roles.subList(0, top));
        int fp = top - in.getOrDefault("BUYER", 0);
        return ScreeningQuality.LEGIT.stream().filter(kind -> over(in.getOrDefault(kind, 0), fp, kind)).toList();
    }

    /** x of the top's fp non-buyers are of this kind: over its share of all non-buyers, and not by chance. */
    private boolean over(int x, int fp, String kind) {
        double popShare = (double) all.getOrDefault(kind, 0) / nonBuyers;
        return fp > 0 && (double) x / fp > popShare && RankingMetrics.binomialUpperTail(fp, x, popShare) < 0.05;
    }

    /** The table for the first {@code top} of the ranking; returns the over-represented kinds. */
    List<String> print(int top) {
        Map<String, Integer> in = count(roles.subList(0, top)), scored = new TreeMap<>();
        for (int i = 0; i < top; i++) if (ranking.get(i).score() > 0) scored.merge(roles.get(i), 1, Integer::sum);
        int fp = top - in.getOrDefault("BUYER", 0);
        System.out.printf("%d senders, %d not buyers%n", top, fp);
        System.out.printf("%-18s %8s %6s %6s %9s %8s %8s %6s %9s%n", "kind", "entities", "in top", "scored", "rate", "pop sh",
                "top sh", "ratio", "p");
        List<String> over = new ArrayList<>();
        for (String kind : ScreeningQuality.LEGIT) {
            int n = all.getOrDefault(kind, 0), x = in.getOrDefault(kind, 0);
            double popShare = (double) n / nonBuyers, topShare = fp == 0 ? 0 : (double) x / fp;
            double ratio = popShare == 0 ? 0 : topShare / popShare, p = RankingMetrics.binomialUpperTail(fp, x, popShare);
            boolean isOver = over(x, fp, kind);
            if (isOver) over.add(kind);
            System.out.printf(Locale.ROOT, "%-18s %,8d %6d %6d %9.5f %8.4f %8.4f %6.2f %9.2g%s%n", kind, n, x,
                    scored.getOrDefault(kind, 0), n == 0 ? 0 : (double) x / n, popShare, topShare, ratio, p,
                    isOver ? "  OVER-REPRESENTED" : "");
        }
        System.out.println("(rate = in top / entities of the kind; pop sh = share among all non-buyer sender entities; top sh = "
                + "share among the top's non-buyers; over-represented when ratio > 1 and binomial p < 0.05; scored = in top "
                + "with a score above 0)");
        return over;
    }

    /**
     * How often the same test flags some kind in the first {@code top} when the entities tied with the last one there
     * are put in a random order ({@code draws} orders, fixed seed): what a fixed order of equal scores leaves to chance.
     */
    void printTieOrders(int top, int draws) {
        double last = ranking.get(top - 1).score();
        int from = top - 1, to = top;
        while (from > 0 && ranking.get(from - 1).score() == last) from--;
        while (to < ranking.size() && ranking.get(to).score() == last) to++;
        List<String> tied = new ArrayList<>(roles.subList(from, to));
        Map<String, Integer> above = count(roles.subList(0, from));
        Random random = new Random(1);
        int flagged = 0;
        Map<String, Integer> flaggedBy = new TreeMap<>();
        Map<String, Double> ratioSum = new TreeMap<>();
        for (int d = 0; d < draws; d++) {
            Collections.shuffle(tied, random);
            Map<String, Integer> in = new TreeMap<>(above);
            for (String role : tied.subList(0, top - from)) in.merge(role, 1, Integer::sum);
            int fp = top - in.getOrDefault("BUYER", 0);
            boolean any = false;
            for (String kind : ScreeningQuality.LEGIT) {
                double popShare = (double) all.getOrDefault(kind, 0) / nonBuyers;
                if (fp > 0 && popShare > 0) ratioSum.merge(kind, in.getOrDefault(kind, 0) / (double) fp / popShare, Double::sum);
                if (over(in.getOrDefault(kind, 0), fp, kind)) {
                    any = true;
                    flaggedBy.merge(kind, 1, Integer::sum);
                }
            }
            if (any) flagged++;
        }
        System.out.printf(Locale.ROOT, "%,d senders tied at score %.2f fill %d of the first %d places; over %,d random orders "
                + "of them, the test flags some kind in %.1f%% of orders %s%n", to - from, last, top - from, top, draws,
                100.0 * flagged / draws, flaggedBy);
        System.out.printf(Locale.ROOT, "each kind's ratio averaged over those orders (top share / population share): %s%n",
                ratioSum.entrySet().stream().map(e -> e.getKey() + String.format(Locale.ROOT, " %.2f", e.getValue() / draws)).toList());
    }

    private static Map<String, Integer> count(List<String> roles) {
        Map<String, Integer> out = new TreeMap<>();
        for (String role : roles) out.merge(role, 1, Integer::sum);
        return out;
    }
}
