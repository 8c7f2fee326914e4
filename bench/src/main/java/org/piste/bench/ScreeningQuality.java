package org.piste.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.piste.screen.Contribution;
import org.piste.screen.EntityScore;
import org.piste.screen.RuleSet;
import org.piste.screen.Screener;
import org.piste.screen.ScreeningResult;
import org.piste.screen.TransferFact;

/**
 * Screening quality on the simulator's data: Piste's ranking of senders (buyers) and recipients (facilitators)
 * against the truth, beside a literal red-flag count (RedFlagBaseline) on the same facts; the targets met or
 * missed; false positives by legitimate sender kind; diagnostics for tuning. Not a test.
 * Usage: ScreeningQuality SIM_DIR [SENDERS=20000] [MONTHS=24] [SEED=42] [RULES.yaml...]: the report is for the built-in
 * rule set; each RULES file given is then screened on the same facts and summarised in one line (tuning trials).
 */
public final class ScreeningQuality {
    static final List<String> LEGIT = List.of("DIASPORA_FAMILY", "PARTNER_SUPPORTER", "SPONSOR", "EMPLOYER",
            "ROMANCE_VICTIM", "OCCASIONAL");
    static final double TOP = 0.01;

    private ScreeningQuality() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int months = args.length > 2 ? Integer.parseInt(args[2]) : 24;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        ScreeningData data = ScreeningData.load(dir, senders, months, seed);
        List<TransferFact> facts = data.facts();

        Screener screener = new Screener(RuleSet.builtIn());
        long t0 = System.nanoTime();
        ScreeningResult result = screener.screen(facts, Set.of());
        double seconds = (System.nanoTime() - t0) / 1e9;
        checkSums(result.senders());
        checkSums(result.recipients());
        List<String> baseS = RedFlagBaseline.senders(facts).stream().map(RedFlagBaseline.Ranked::entity).toList();
        List<String> baseR = RedFlagBaseline.recipients(facts).stream().map(RedFlagBaseline.Ranked::entity).toList();

        List<String> pisteS = ids(result.senders()), pisteR = ids(result.recipients());
        Predicate<String> buyer = e -> data.roleOf(e).equals("BUYER"), facilitator = e -> data.roleOf(e).equals("FACILITATOR");
        Set<String> buyerPersons = new HashSet<>();
        data.roleOfPerson().forEach((p, role) -> { if (role.equals("BUYER")) buyerPersons.add(p); });
        System.out.printf(Locale.ROOT, "%nrule set %s; %d senders x %d months, seed %d: %,d accepted transfers (%,d rows "
                + "rejected), resolved in %.1f s; %,d sender entities (%d buyer entities of %d buyer persons), %,d recipient "
                + "entities (%d facilitator entities)%nscreening alone: %.2f s (all senders and recipients)%n",
                result.ruleSetVersion(), senders, months, seed, facts.size(), data.rejected(), data.resolveSeconds(),
                pisteS.size(), pisteS.stream().filter(buyer).count(), buyerPersons.size(), pisteR.size(),
                pisteR.stream().filter(facilitator).count(), seconds);

        RankingMetrics ps = metrics(pisteS, buyer), bs = metrics(baseS, buyer);
        RankingMetrics pr = metrics(pisteR, facilitator), br = metrics(baseR, facilitator);
        System.out.printf("%n%-26s %7s %5s %7s %5s %8s %8s %5s %8s%n", "ranking", "entities", "pos", "AP", "top",
                "P@top1%", "R@top1%", "K", "P=R@K");
        row("senders (buyers): Piste", ps);
        row("senders: red-flag count", bs);
        row("recipients (facil.): Piste", pr);
        row("recipients: red-flag count", br);
        System.out.printf(Locale.ROOT, "AP ratio Piste / red-flag count: senders %.2fx, recipients %.2fx%n",
                ps.averagePrecision() / bs.averagePrecision(), pr.averagePrecision() / br.averagePrecision());
        Set<String> foundPersons = new HashSet<>();
        for (String e : pisteS.subList(0, ps.topK())) if (buyer.test(e)) foundPersons.add(data.personOfEntity().get(e));
        System.out.printf(Locale.ROOT, "buyer persons with an entity in Piste's top 1%%: %d of %d (%.3f)%n",
                foundPersons.size(), buyerPersons.size(), (double) foundPersons.size() / buyerPersons.size());

        List<String> overRepresented = falsePositivesByKind(data, result.senders(), ps.topK());
        System.out.println();
        target("buyer AP >= 0.90", ps.averagePrecision() >= 0.90, ps.averagePrecision());
        target("buyer recall >= 0.95 within top 1% of senders", ps.recallTop() >= 0.95, ps.recallTop());
        target("buyer AP >= 1.5x red-flag count's", ps.averagePrecision() >= 1.5 * bs.averagePrecision(),
                ps.averagePrecision() / bs.averagePrecision());
        System.out.printf("%-50s %s  %s%n", "no legitimate kind over-represented in top 1%",
                overRepresented.isEmpty() ? "none" : String.join(", ", overRepresented), overRepresented.isEmpty() ? "MET" : "MISSED");

        ScreeningDiagnostics.print(data, result, screener.rules(), pisteS.subList(0, ps.topK()));
        if (args.length > 4) trials(data, List.of(args).subList(4, args.length), bs, buyer, facilitator);
    }

    /** Other rule sets on the same facts: one line each (AP, top-1% recall and precision, ratio, top-1% non-buyers by kind). */
    private static void trials(ScreeningData data, List<String> files, RankingMetrics baseline, Predicate<String> buyer,
            Predicate<String> facilitator) {
        System.out.printf("%n%-34s %7s %7s %7s %6s %7s %7s  %s%n", "rule set (file)", "AP", "R@1%", "P@1%", "xBase",
                "fac AP", "fac R@K", "top-1% non-buyers by kind, of them scored above 0 in brackets (" + String.join(", ", LEGIT) + ")");
        for (String file : files) {
            ScreeningResult r = new Screener(RuleSet.load(Path.of(file))).screen(data.facts(), Set.of());
            checkSums(r.senders());
            checkSums(r.recipients());
            List<String> s = ids(r.senders());
            RankingMetrics m = metrics(s, buyer), f = metrics(ids(r.recipients()), facilitator);
            Map<String, Integer> kinds = new TreeMap<>(), scored = new TreeMap<>();
            for (EntityScore e : r.senders().subList(0, m.topK())) {
                kinds.merge(data.roleOf(e.entityId()), 1, Integer::sum);
                if (e.score() > 0) scored.merge(data.roleOf(e.entityId()), 1, Integer::sum);
            }
            System.out.printf(Locale.ROOT, "%-34s %7.4f %7.4f %7.4f %6.2f %7.4f %7.4f  %s%n", Path.of(file).getFileName(),
                    m.averagePrecision(), m.recallTop(), m.precisionTop(), m.averagePrecision() / baseline.averagePrecision(),
                    f.averagePrecision(), f.recallAtPositives(), LEGIT.stream().map(k -> kinds.getOrDefault(k, 0) + " (" + scored.getOrDefault(k, 0) + ")").toList());
        }
    }

    private static List<String> ids(List<EntityScore> ranked) {
        return ranked.stream().map(EntityScore::entityId).toList();
    }

    static RankingMetrics metrics(List<String> ranking, Predicate<String> positive) {
        return RankingMetrics.of(ranking.stream().map(positive::test).toList(), TOP);
    }

    private static void row(String name, RankingMetrics m) {
        System.out.printf(Locale.ROOT, "%-26s %,8d %5d %7.4f %5d %8.4f %8.4f %5d %8.4f%n", name, m.size(), m.positives(),
                m.averagePrecision(), m.topK(), m.precisionTop(), m.recallTop(), m.positives(), m.recallAtPositives());
    }

    private static void target(String what, boolean met, double value) {
        System.out.printf(Locale.ROOT, "%-50s %.4f  %s%n", what, value, met ? "MET" : "MISSED");
    }

    /** Every score must be exactly the sum of its contributions' points: every point explained. */
    private static void checkSums(List<EntityScore> scores) {
        for (EntityScore s : scores) {
            double sum = s.contributions().stream().mapToDouble(Contribution::points).sum();
            if (Math.abs(sum - s.score()) > 1e-9 * Math.max(1, Math.abs(sum))) {
                throw new AssertionError("score of " + s.entityId() + " is " + s.score() + " but its contributions sum to " + sum);
            }
        }
    }

    /**
     * False positives by legitimate kind in the top 1%: each kind's count there, its share of the kind's senders,
     * and whether it is over-represented: its share of the top's non-buyers above its share of all non-buyer
     * senders, with a one-sided binomial p < 0.05 (the count is not explained by chance at the kind's share).
     * "scored" counts those in the top with a score above 0: the others are there only because the top 1% has more
     * places than there are senders with any counted evidence (they would not be alerts). "ties shared" is the
     * ratio expected over every order of the entities tied with the last one in the top (their places shared in
     * proportion, as in McSherry and Najork's tie-aware measures): what the ranking itself says, apart from the
     * draw that a fixed tie order makes. The verdict is on the ranking as produced.
     */
    private static List<String> falsePositivesByKind(ScreeningData data, List<EntityScore> ranking, int top) {
        Map<String, Integer> all = new TreeMap<>(), inTop = new TreeMap<>(), scored = new TreeMap<>();
        for (int i = 0; i < ranking.size(); i++) {
            String role = data.roleOf(ranking.get(i).entityId());
            all.merge(role, 1, Integer::sum);
            if (i < top) inTop.merge(role, 1, Integer::sum);
            if (i < top && ranking.get(i).score() > 0) scored.merge(role, 1, Integer::sum);
        }
        int nonBuyers = ranking.size() - all.getOrDefault("BUYER", 0), fpTop = top - inTop.getOrDefault("BUYER", 0);
        double last = ranking.get(top - 1).score();
        Map<String, Integer> above = new TreeMap<>(), tied = new TreeMap<>();
        for (EntityScore e : ranking) {
            if (e.score() > last) above.merge(data.roleOf(e.entityId()), 1, Integer::sum);
            else if (e.score() == last) tied.merge(data.roleOf(e.entityId()), 1, Integer::sum);
        }
        int aboveAll = above.values().stream().mapToInt(Integer::intValue).sum(), tiedAll = tied.values().stream().mapToInt(Integer::intValue).sum();
        double share = (double) (top - aboveAll) / tiedAll, fpShared = fpTop == 0 ? 0
                : top - above.getOrDefault("BUYER", 0) - share * tied.getOrDefault("BUYER", 0);
        System.out.printf("%nfalse positives in Piste's top 1%% (%d entities, %d not buyers), by legitimate kind:%n", top, fpTop);
        System.out.printf("%-18s %8s %6s %6s %9s %8s %8s %6s %9s %12s%n", "kind", "entities", "in top", "scored", "rate", "pop sh",
                "top sh", "ratio", "p", "ties shared");
        List<String> over = new ArrayList<>(), overShared = new ArrayList<>();
        for (String kind : LEGIT) {
            int n = all.getOrDefault(kind, 0), x = inTop.getOrDefault(kind, 0);
            double popShare = (double) n / nonBuyers, topShare = fpTop == 0 ? 0 : (double) x / fpTop;
            double ratio = popShare == 0 ? 0 : topShare / popShare, p = RankingMetrics.binomialUpperTail(fpTop, x, popShare);
            boolean isOver = ratio > 1 && p < 0.05;
            if (isOver) over.add(kind);
            double expected = above.getOrDefault(kind, 0) + share * tied.getOrDefault(kind, 0);
            double sharedRatio = popShare == 0 || fpShared == 0 ? 0 : expected / fpShared / popShare;
            if (sharedRatio > 1 && RankingMetrics.binomialUpperTail((int) Math.round(fpShared), (int) Math.round(expected), popShare) < 0.05) {
                overShared.add(kind);
            }
            System.out.printf(Locale.ROOT, "%-18s %,8d %6d %6d %9.5f %8.4f %8.4f %6.2f %9.2g %12.2f%s%n", kind, n, x, scored.getOrDefault(kind, 0),
                    n == 0 ? 0 : (double) x / n, popShare, topShare, ratio, p, sharedRatio, isOver ? "  OVER-REPRESENTED" : "");
        }
        System.out.println("(rate = in top / entities of the kind; pop sh = share among all non-buyer sender entities; "
                + "top sh = share among the top 1%'s non-buyers; over-represented when ratio > 1 and binomial p < 0.05; "
                + "scored = in top with a score above 0; ties shared = ratio expected over all orders of the "
                + String.format(Locale.ROOT, "%,d entities tied at the last score in the top, %.1f)", tiedAll, last));
        System.out.printf("%-50s %s%n", "over-represented with ties shared (not the target)", overShared.isEmpty() ? "none"
                : String.join(", ", overShared));
        return over;
    }

    /** Mean of f over the entities of each class, in class order. */
    static Map<String, Double> meanBy(List<EntityScore> scores, Map<String, String> classOf, ToDoubleFunction<EntityScore> f) {
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (EntityScore s : scores) {
            double[] a = acc.computeIfAbsent(classOf.get(s.entityId()), k -> new double[2]);
            a[0] += f.applyAsDouble(s);
            a[1]++;
        }
        Map<String, Double> out = new HashMap<>();
        acc.forEach((k, a) -> out.put(k, a[0] / a[1]));
        return out;
    }
}
