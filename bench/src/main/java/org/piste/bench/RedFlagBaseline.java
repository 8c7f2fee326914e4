package org.piste.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.piste.normal.Text;
import org.piste.screen.TransferFact;

/**
 * The literal red-flag count of the typology (docs/typology.md): each sourced flag 0/1, the score their sum,
 * ties broken by entity id. On the transfers that moved money, like the Screener. Senders: >= 50% of transfers
 * 10-200, median interval < 20 days, >= 30% at night 22-06 local, >= 2 recipients sharing no surname or middle
 * name, >= 50% round (multiple of 10 sent or 500 paid), >= 50% cover purpose or blank, >= 2 ID numbers or >= 2
 * phones. Recipients: >= 3 unrelated senders, >= 50% low value, >= 30% at night.
 */
final class RedFlagBaseline {
    /** The domain's cover purposes, in English and in the French the operator's export uses; or blank. */
    static final List<String> COVER = List.of("school", "scolaire", "medical", "medicaux", "accommodation", "logement",
            "family support", "soutien familial", "gift", "cadeau");
    private static final BigDecimal LOW = BigDecimal.TEN, HIGH = BigDecimal.valueOf(200);

    private RedFlagBaseline() {}

    record Ranked(String entity, int flags) {}

    static List<Ranked> senders(List<TransferFact> facts) {
        return rank(group(facts, TransferFact::senderEntity), ts -> {
            Set<String> ids = new HashSet<>(), phones = new HashSet<>(), unrelated = new HashSet<>();
            for (TransferFact t : ts) {
                if (!t.senderIdNumber().isEmpty()) ids.add(t.senderIdNumber());
                if (!t.senderPhone().isEmpty()) phones.add(t.senderPhone());
                if (!related(t)) unrelated.add(t.recipientEntity());
            }
            return flag(share(ts, RedFlagBaseline::low) >= 0.5) + flag(medianGapDays(ts) < 20)
                    + flag(share(ts, RedFlagBaseline::night) >= 0.3) + flag(unrelated.size() >= 2)
                    + flag(share(ts, RedFlagBaseline::round) >= 0.5) + flag(share(ts, RedFlagBaseline::cover) >= 0.5)
                    + flag(ids.size() >= 2 || phones.size() >= 2);
        });
    }

    static List<Ranked> recipients(List<TransferFact> facts) {
        return rank(group(facts, TransferFact::recipientEntity), ts -> {
            Set<String> unrelated = new HashSet<>();
            for (TransferFact t : ts) if (!related(t)) unrelated.add(t.senderEntity());
            return flag(unrelated.size() >= 3) + flag(share(ts, RedFlagBaseline::low) >= 0.5)
                    + flag(share(ts, RedFlagBaseline::night) >= 0.3);
        });
    }

    private static Map<String, List<TransferFact>> group(List<TransferFact> facts, Function<TransferFact, String> key) {
        Map<String, List<TransferFact>> out = new TreeMap<>();
        for (TransferFact t : facts) if (t.moved()) out.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
        out.values().forEach(l -> l.sort(Comparator.comparing(TransferFact::sent).thenComparing(TransferFact::reference)));
        return out;
    }

    private static List<Ranked> rank(Map<String, List<TransferFact>> groups, Function<List<TransferFact>, Integer> flags) {
        List<Ranked> out = new ArrayList<>();
        groups.forEach((e, ts) -> out.add(new Ranked(e, flags.apply(ts))));
        out.sort(Comparator.comparingInt(Ranked::flags).reversed().thenComparing(Ranked::entity));
        return out;
    }

    private static int flag(boolean b) {
        return b ? 1 : 0;
    }

    private static double share(List<TransferFact> ts, Predicate<TransferFact> p) {
        return ts.stream().filter(p).count() / (double) ts.size();
    }

    static boolean low(TransferFact t) {
        return t.sentAmount().compareTo(LOW) >= 0 && t.sentAmount().compareTo(HIGH) <= 0;
    }

    static boolean night(TransferFact t) {
        int h = ZonedDateTime.ofInstant(t.sent(), t.senderZone()).getHour();
        return h >= 22 || h < 6;
    }

    static boolean round(TransferFact t) {
        return multiple(t.sentAmount(), 10) || t.paidAmount().map(p -> multiple(p, 500)).orElse(false);
    }

    static boolean cover(TransferFact t) {
        String p = Text.fold(t.purpose()).toLowerCase(Locale.ROOT).strip();
        return p.isEmpty() || COVER.stream().anyMatch(p::contains);
    }

    private static boolean multiple(BigDecimal a, int of) {
        return a.signum() > 0 && a.remainder(BigDecimal.valueOf(of)).signum() == 0;
    }

    private static double medianGapDays(List<TransferFact> ts) {
        if (ts.size() < 2) return Double.POSITIVE_INFINITY;
        double[] g = new double[ts.size() - 1];
        for (int i = 1; i < ts.size(); i++) g[i - 1] = Duration.between(ts.get(i - 1).sent(), ts.get(i).sent()).toMinutes() / 1440.0;
        Arrays.sort(g);
        return g.length % 2 == 1 ? g[g.length / 2] : (g[g.length / 2 - 1] + g[g.length / 2]) / 2;
    }

    /** Family tie as the typology states it: a shared surname, or a middle name that is the other's surname or middle name. */
    /** The same family-tie rule as Piste's screening (one rule, one place). */
    static boolean related(TransferFact t) {
        return org.piste.screen.FamilyTie.related(t);
    }
}
