package org.piste.screen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Ranks senders and recipients by the typology's indicators (a versioned {@link RuleSet}), reinforced over the
 * sender-recipient graph, with evidence for every point: an entity's score is exactly the sum of its
 * contributions. Deterministic: ties are broken by entity id.
 */
public final class Screener {
    private final RuleSet rules;

    public Screener(RuleSet rules) {
        this.rules = rules;
    }

    public RuleSet rules() {
        return rules;
    }

    /**
     * @param facts the transfers of the period, with resolved sender and recipient entities
     * @param seeds entities confirmed as buyers or facilitators (referrals, analyst decisions): they count as
     *              fully suspicious in the network propagation
     */
    public ScreeningResult screen(List<TransferFact> facts, Set<String> seeds) {
        return screen(Columns.of(facts), seeds);
    }

    /**
     * @param c the transfers of the period as columns (see {@link Columns.Builder}: filled as they are read)
     * @param seeds as above
     */
    public ScreeningResult screen(Columns c, Set<String> seeds) {
        int ns = c.senderIds.length, nr = c.recipientIds.length;
        // Each entity's indicators depend on its own transfers only: computed in parallel, results by entity index.
        List<Contribution>[] senderBase = newLists(ns), recipientBase = newLists(nr);
        IntStream.range(0, ns).parallel().forEach(s -> senderBase[s] = senderIndicators(c, s));
        FamilyOperations families = new FamilyOperations(c);
        IntStream.range(0, nr).parallel().forEach(r -> recipientBase[r] = recipientIndicators(c, r, families));

        Network network = new Network(rules, c, senderBase, recipientBase, seeds);
        network.propagate();

        EntityScore[] senders = new EntityScore[ns], recipients = new EntityScore[nr];
        IntStream.range(0, ns).parallel().forEach(s -> senders[s] = corroborated(score(c.senderIds[s], EntityScore.Side.SENDER,
                senderBase[s], network.senderContribution(s), seeds), seeds));
        IntStream.range(0, nr).parallel().forEach(r -> recipients[r] = score(c.recipientIds[r], EntityScore.Side.RECIPIENT,
                recipientBase[r], network.recipientContribution(r), seeds));
        Arrays.parallelSort(senders, RANKING);
        Arrays.parallelSort(recipients, RANKING);
        return new ScreeningResult(rules.version(), Arrays.asList(senders), Arrays.asList(recipients));
    }

    /**
     * Highest score first; equals in the order of a hash of their ids. Not the ids themselves: an entity's id is its
     * smallest member reference, so the more transfers, the smaller the id, and ordering equals by id would put
     * heavy remitters (families, partners) ahead of others with exactly the same evidence.
     */
    static final Comparator<EntityScore> RANKING = Comparator.comparingDouble(EntityScore::score).reversed()
            .thenComparingLong(e -> TieOrder.of(e.entityId())).thenComparing(EntityScore::entityId);

    /**
     * A sender's own red flags (low amounts, night hours, frequency...) are common among people supporting a
     * relative or a partner; the typology makes them suspicious where the money goes: to a recipient who also
     * receives from other suspicious senders. So they count in proportion to the rule set's corroborating
     * indicators (the largest share of its maximum that one of them gives; a confirmation corroborates fully),
     * and each says how far it was counted. A cliff at the first point of corroboration would let a barely
     * suspicious recipient unlock all of its senders' points.
     */
    private EntityScore corroborated(EntityScore e, Set<String> seeds) {
        List<String> corroborating = rules.senderCorroboration();
        if (corroborating.isEmpty() || seeds.contains(e.entityId())) return e;
        double share = e.contributions().stream().filter(x -> corroborating.contains(x.indicator()))
                .mapToDouble(x -> x.points() / rules.sender().get(x.indicator()).points()).max().orElse(0);
        if (share >= 1) return e;
        String by = String.join(" or ", corroborating);
        List<Contribution> counted = e.contributions().stream().map(x -> x.points() == 0 || corroborating.contains(x.indicator()) ? x
                : new Contribution(x.indicator(), x.value(), x.points() * share, x.explanation() + (share == 0
                        ? String.format(Locale.ROOT, " (%.1f points not counted: nothing corroborates them, no points from %s)", x.points(), by)
                        : String.format(Locale.ROOT, " (%.1f points counted at %.1f%%, as far as %s corroborates them)", x.points(), 100 * share, by)),
                        x.evidence())).sorted(ORDER).toList();
        return new EntityScore(e.entityId(), e.side(), counted.stream().mapToDouble(Contribution::points).sum(), counted);
    }

    @SuppressWarnings("unchecked")
    private static List<Contribution>[] newLists(int n) {
        return (List<Contribution>[]) new List<?>[n];
    }

    /** Contributions in the order their points are summed: the rule set's map order varies between runs, sums must not. */
    static final Comparator<Contribution> ORDER = Comparator.comparingDouble(Contribution::points).reversed()
            .thenComparing(Contribution::indicator);

    private static EntityScore score(String entity, EntityScore.Side side, List<Contribution> base, Contribution network, Set<String> seeds) {
        List<Contribution> all = new ArrayList<>(base);
        all.add(network);
        if (seeds.contains(entity)) all.add(new Contribution("confirmed", 1, 0, "confirmed by a referral or an analyst", List.of()));
        all.sort(ORDER);
        return new EntityScore(entity, side, all.stream().mapToDouble(Contribution::points).sum(), all);
    }

    private List<Contribution> senderIndicators(Columns c, int s) {
        List<Contribution> out = new ArrayList<>();
        int[] ts = c.sentBy(s);
        int[] sessions = Indicators.sessionPriced(c, ts, rules.sender().get("low_value"));
        rules.sender().forEach((name, rule) -> {
            if (name.equals("network")) return;
            boolean rhythm = name.equals("frequency") || name.equals("bursts") || name.equals("escalation");
            if ((rhythm ? sessions : ts).length < rule.minTransfers()) return;
            Indicators.Measure m = switch (name) {
                case "low_value" -> Indicators.lowValue(c, ts, rule);
                case "frequency" -> Indicators.frequency(c, sessions);
                case "bursts" -> Indicators.bursts(c, sessions, rule);
                case "escalation" -> Indicators.escalation(c, sessions);
                case "night" -> Indicators.night(c, ts, rule);
                case "unrelated_beneficiaries" -> Indicators.unrelatedBeneficiaries(c, s);
                case "round_amounts" -> Indicators.roundAmounts(c, ts);
                case "cover_purpose" -> Indicators.coverPurpose(c, ts, rule);
                case "identities" -> Indicators.identities(c, ts);
                default -> throw new IllegalStateException("no sender indicator " + name);
            };
            out.add(contribution(name, rule, m));
        });
        out.sort(ORDER);
        return out;
    }

    private List<Contribution> recipientIndicators(Columns c, int r, FamilyOperations families) {
        List<Contribution> out = new ArrayList<>();
        int[] ts = c.receivedBy(r);
        rules.recipient().forEach((name, rule) -> {
            if (name.equals("network") || ts.length < rule.minTransfers()) return;
            Indicators.Measure m = switch (name) {
                case "unrelated_senders" -> Indicators.unrelatedSenders(c, r);
                case "low_value" -> Indicators.lowValue(c, ts, rule);
                case "night" -> Indicators.night(c, ts, rule);
                case "family_operation" -> families.measure(r);
                default -> throw new IllegalStateException("no recipient indicator " + name);
            };
            out.add(contribution(name, rule, m));
        });
        out.sort(ORDER);
        return out;
    }

    private static Contribution contribution(String name, RuleSet.Rule rule, Indicators.Measure m) {
        return new Contribution(name, m.value(), rule.pointsFor(m.value()), m.explanation(), m.evidence());
    }

    /**
     * Relatives taking turns: other recipients with the same surname who receive from the same unrelated
     * senders as this one (a family operation shares its buyers).
     */
    static final class FamilyOperations {
        private final Columns c;

        FamilyOperations(Columns c) {
            this.c = c;
        }

        Indicators.Measure measure(int recipient) {
            int[] in = c.receivedBy(recipient);
            int surname = c.recipientSurnameKey[in[0]];
            if (surname == Columns.NO_KEY) return new Indicators.Measure(0, "no surname to compare", List.of());
            // Senders visited in a HashMap's order of their ids: the evidence order the results have always had.
            Map<String, Integer> senders = new HashMap<>();
            for (int t : in) if (!c.family(t)) senders.putIfAbsent(c.senderIds[c.sender[t]], c.sender[t]);
            Set<Integer> relatives = new HashSet<>();
            List<String> evidence = new ArrayList<>();
            for (int s : senders.values()) {
                for (int i = c.senderStart[s]; i < c.senderStart[s + 1]; i++) {
                    int t = c.bySender[i];
                    if (c.recipient[t] == recipient || c.family(t)) continue;
                    if (c.recipientSurnameKey[t] == surname) {
                        relatives.add(c.recipient[t]);
                        evidence.add(c.refs[t]);
                    }
                }
            }
            return new Indicators.Measure(relatives.size(), String.format(Locale.ROOT,
                    "%d other recipients named %s receive from the same unrelated senders", relatives.size(), c.surnameKeys[surname]), evidence);
        }
    }
}
