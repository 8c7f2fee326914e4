package org.piste.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.piste.screen.AlertCut;
import org.piste.screen.Contribution;
import org.piste.screen.EntityScore;
import org.piste.screen.Indicator;
import org.piste.screen.RuleSet;
import org.piste.screen.ScreeningResult;
import org.piste.screen.TransferFact;

/** Tuning aids: worst false positives and missed positives with their contributions, points per indicator by role. */
final class ScreeningDiagnostics {
    private ScreeningDiagnostics() {}

    static void print(ScreeningData data, ScreeningResult result, RuleSet rules, AlertCut cut) {
        Map<String, Integer> sent = new HashMap<>(), received = new HashMap<>();
        for (TransferFact t : data.facts()) {
            if (!t.moved()) continue;
            sent.merge(t.senderEntity(), 1, Integer::sum);
            received.merge(t.recipientEntity(), 1, Integer::sum);
        }
        List<EntityScore> s = result.senders(), r = result.recipients();
        examples("sender", s, e -> !data.roleOf(e.entityId()).equals("BUYER"), data, sent, 5, false);
        examples("sender", s, e -> data.roleOf(e.entityId()).equals("BUYER"), data, sent, Integer.getInteger("piste.lowest", 5), true);
        examples("recipient", r, e -> !data.roleOf(e.entityId()).equals("FACILITATOR"), data, received, 3, false);
        examples("recipient", r, e -> data.roleOf(e.entityId()).equals("FACILITATOR"), data, received, 3, true);

        System.out.printf(Locale.ROOT, "%nsenders' alert cut: position %d, score %.2f%n", cut.position(), cut.score());
        indicatorTable("sender", s, keys(rules.sender()), data, ScreeningQuality.LEGIT, "BUYER");
        indicatorTable("recipient", r, keys(rules.recipient()), data, null, "FACILITATOR");
        indicatorRankings(s, keys(rules.sender()), data);
        familyTies(data);
    }

    /** The stable names of a side's indicators, as contributions carry them. */
    private static List<String> keys(Map<Indicator, RuleSet.Rule> rules) {
        return rules.keySet().stream().map(Indicator::key).toList();
    }

    /**
     * Senders with >= 2 unrelated recipients when a tie is judged per row (a recipient is unrelated if any row shows
     * no tie, as the Screener does) versus per entity pair (related if any row of the pair shows a tie), by role.
     */
    private static void familyTies(ScreeningData data) {
        Map<String, Map<String, boolean[]>> pairs = new HashMap<>(); // sender -> recipient -> {some row unrelated, some row related}
        for (TransferFact t : data.facts()) {
            if (!t.moved()) continue;
            boolean[] p = pairs.computeIfAbsent(t.senderEntity(), k -> new HashMap<>()).computeIfAbsent(t.recipientEntity(), k -> new boolean[2]);
            if (RedFlagBaseline.related(t)) p[1] = true; else p[0] = true;
        }
        Map<String, int[]> byRole = new java.util.TreeMap<>();
        pairs.forEach((sender, rs) -> {
            long perRow = rs.values().stream().filter(p -> p[0]).count(), perPair = rs.values().stream().filter(p -> p[0] && !p[1]).count();
            int[] a = byRole.computeIfAbsent(data.roleOf(sender), k -> new int[3]);
            a[0]++;
            if (perRow >= 2) a[1]++;
            if (perPair >= 2) a[2]++;
        });
        System.out.printf("%nsenders with >= 2 unrelated recipients, family tie judged per row (Screener) vs per entity pair (any row):%n");
        byRole.forEach((role, a) -> System.out.printf(Locale.ROOT, "  %-18s %6d entities: per row %5d (%.3f)  per pair %5d (%.3f)%n",
                role, a[0], a[1], (double) a[1] / a[0], a[2], (double) a[2] / a[0]));
    }

    private static void examples(String side, List<EntityScore> ranked, java.util.function.Predicate<EntityScore> which,
            ScreeningData data, Map<String, Integer> counts, int n, boolean lowest) {
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) if (which.test(ranked.get(i))) ranks.add(i);
        List<Integer> picked = lowest ? ranks.subList(Math.max(0, ranks.size() - n), ranks.size()).reversed()
                : ranks.subList(0, Math.min(n, ranks.size()));
        System.out.printf("%n%s %d %s:%n", lowest ? "lowest-ranked true" : "highest-ranked false-positive", picked.size(),
                side + "s");
        for (int i : picked) {
            EntityScore e = ranked.get(i);
            System.out.printf(Locale.ROOT, "  #%d %s %s (%s), %d transfers, score %.2f:%n   ", i + 1, e.entityId(),
                    data.roleOf(e.entityId()), data.personOfEntity().get(e.entityId()), counts.get(e.entityId()), e.score());
            for (Contribution c : e.contributions()) {
                System.out.printf(Locale.ROOT, " %s=%.3g->%.1f", c.indicator(), c.value(), c.points());
            }
            e.contributions().stream().filter(c -> c.is(Indicator.NETWORK)).findFirst()
                    .ifPresent(c -> System.out.printf("%n    network: %s", c.explanation()));
            System.out.println();
        }
    }

    /** Mean points (over all entities of a class; 0 when the indicator did not apply) and mean value (where it applied). */
    private static void indicatorTable(String side, List<EntityScore> scores, List<String> indicators, ScreeningData data,
            List<String> classes, String positive) {
        Map<String, String> classOf = scores.stream().collect(Collectors.toMap(EntityScore::entityId, e -> data.roleOf(e.entityId())));
        Set<String> order = new LinkedHashSet<>();
        order.add(positive);
        if (classes != null) order.addAll(classes);
        else classOf.values().stream().sorted().forEach(order::add);
        System.out.printf("%nmean points per %s indicator by true role (mean value where the indicator applied in brackets):%n%-24s", side, "indicator");
        for (String c : order) System.out.printf("%18s", c.length() > 17 ? c.substring(0, 17) : c);
        System.out.println();
        List<String> rows = new ArrayList<>(indicators);
        rows.add("TOTAL");
        for (String ind : rows) {
            Map<String, Double> points = ScreeningQuality.meanBy(scores, classOf, e -> ind.equals("TOTAL") ? e.score() : pointsOf(e, ind));
            Map<String, double[]> values = new HashMap<>();
            for (EntityScore e : scores) {
                for (Contribution c : e.contributions()) {
                    if (c.indicator().equals(ind) && Double.isFinite(c.value())) {
                        double[] a = values.computeIfAbsent(classOf.get(e.entityId()), k -> new double[2]);
                        a[0] += c.value();
                        a[1]++;
                    }
                }
            }
            System.out.printf("%-24s", ind);
            for (String c : order) {
                double[] v = values.get(c);
                System.out.printf(Locale.ROOT, "%8.2f [%7s]", points.getOrDefault(c, 0.0),
                        v == null ? "-" : String.format(Locale.ROOT, "%.3g", v[0] / v[1]));
            }
            System.out.println();
        }
        Map<String, Long> n = classOf.values().stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        System.out.printf("%-24s", "entities");
        for (String c : order) System.out.printf("%18d", n.getOrDefault(c, 0L));
        System.out.println();
    }

    /** Each sender indicator's own AP (ranking by its points alone) and the AP without it (score minus its points). */
    private static void indicatorRankings(List<EntityScore> scores, List<String> indicators, ScreeningData data) {
        System.out.printf("%nbuyer AP by one sender indicator alone, and of the score without it (all: %.4f):%n",
                ap(scores, EntityScore::score, data));
        for (String ind : indicators) {
            System.out.printf(Locale.ROOT, "  %-24s alone %.4f   without %.4f%n", ind, ap(scores, e -> pointsOf(e, ind), data),
                    ap(scores, e -> e.score() - pointsOf(e, ind), data));
        }
    }

    private static double ap(List<EntityScore> scores, ToDoubleFunction<EntityScore> key, ScreeningData data) {
        List<EntityScore> sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.comparingDouble(key).reversed().thenComparing(EntityScore::entityId));
        return ScreeningQuality.metrics(sorted.stream().map(EntityScore::entityId).toList(),
                e -> data.roleOf(e).equals("BUYER")).averagePrecision();
    }

    static double pointsOf(EntityScore e, String indicator) {
        return e.contributions().stream().filter(c -> c.indicator().equals(indicator)).mapToDouble(Contribution::points).sum();
    }
}
