package org.piste.screen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
        Map<String, List<TransferFact>> groupedBySender = new HashMap<>(), groupedByRecipient = new HashMap<>();
        for (TransferFact t : facts) {
            if (!t.moved()) continue;
            groupedBySender.computeIfAbsent(t.senderEntity(), k -> new ArrayList<>()).add(t);
            groupedByRecipient.computeIfAbsent(t.recipientEntity(), k -> new ArrayList<>()).add(t);
        }
        // Entity order is part of the result (ties, evidence order): sorted once, here.
        Map<String, List<TransferFact>> bySender = new TreeMap<>(groupedBySender), byRecipient = new TreeMap<>(groupedByRecipient);
        Comparator<TransferFact> chronological = Comparator.comparing(TransferFact::sent).thenComparing(TransferFact::reference);
        bySender.values().parallelStream().forEach(l -> l.sort(chronological));
        byRecipient.values().parallelStream().forEach(l -> l.sort(chronological));

        FamilyTie ties = new FamilyTie(facts);
        // Each entity's indicators depend on its own transfers only: computed in parallel, results keyed by entity.
        Map<String, List<Contribution>> senderBase = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, List<Contribution>> recipientBase = new java.util.concurrent.ConcurrentHashMap<>();
        bySender.entrySet().parallelStream().forEach(e -> senderBase.put(e.getKey(), senderIndicators(e.getValue(), ties)));
        FamilyOperations families = new FamilyOperations(bySender, byRecipient, ties);
        byRecipient.entrySet().parallelStream()
                .forEach(e -> recipientBase.put(e.getKey(), recipientIndicators(e.getKey(), e.getValue(), families, ties)));

        Network network = new Network(rules, bySender, byRecipient, senderBase, recipientBase, seeds, ties);
        network.propagate();

        List<EntityScore> senders = new ArrayList<>(), recipients = new ArrayList<>();
        bySender.keySet().forEach(s -> senders.add(score(s, EntityScore.Side.SENDER, senderBase.get(s), network.senderContribution(s), seeds)));
        byRecipient.keySet().forEach(r -> recipients.add(score(r, EntityScore.Side.RECIPIENT, recipientBase.get(r), network.recipientContribution(r), seeds)));
        Comparator<EntityScore> ranking = Comparator.comparingDouble(EntityScore::score).reversed().thenComparing(EntityScore::entityId);
        senders.sort(ranking);
        recipients.sort(ranking);
        return new ScreeningResult(rules.version(), senders, recipients);
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

    private List<Contribution> senderIndicators(List<TransferFact> ts, FamilyTie ties) {
        List<Contribution> out = new ArrayList<>();
        List<TransferFact> sessions = Indicators.sessionPriced(ts, rules.sender().get("low_value"));
        rules.sender().forEach((name, rule) -> {
            if (name.equals("network")) return;
            boolean rhythm = name.equals("frequency") || name.equals("bursts") || name.equals("escalation");
            if ((rhythm ? sessions : ts).size() < rule.minTransfers()) return;
            Indicators.Measure m = switch (name) {
                case "low_value" -> Indicators.lowValue(ts, rule);
                case "frequency" -> Indicators.frequency(sessions);
                case "bursts" -> Indicators.bursts(sessions, rule);
                case "escalation" -> Indicators.escalation(sessions);
                case "night" -> Indicators.night(ts, rule);
                case "unrelated_beneficiaries" -> Indicators.unrelatedBeneficiaries(ts, ties);
                case "round_amounts" -> Indicators.roundAmounts(ts);
                case "cover_purpose" -> Indicators.coverPurpose(ts, rule);
                case "identities" -> Indicators.identities(ts);
                default -> throw new IllegalStateException("no sender indicator " + name);
            };
            out.add(contribution(name, rule, m));
        });
        out.sort(ORDER);
        return out;
    }

    private List<Contribution> recipientIndicators(String recipient, List<TransferFact> ts, FamilyOperations families,
            FamilyTie ties) {
        List<Contribution> out = new ArrayList<>();
        rules.recipient().forEach((name, rule) -> {
            if (name.equals("network") || ts.size() < rule.minTransfers()) return;
            Indicators.Measure m = switch (name) {
                case "unrelated_senders" -> Indicators.unrelatedSenders(ts, ties);
                case "low_value" -> Indicators.lowValue(ts, rule);
                case "night" -> Indicators.night(ts, rule);
                case "family_operation" -> families.measure(recipient);
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
        private final Map<String, List<TransferFact>> bySender;
        private final Map<String, List<TransferFact>> byRecipient;
        private final FamilyTie ties;

        FamilyOperations(Map<String, List<TransferFact>> bySender, Map<String, List<TransferFact>> byRecipient, FamilyTie ties) {
            this.bySender = bySender;
            this.byRecipient = byRecipient;
            this.ties = ties;
        }

        Indicators.Measure measure(String recipient) {
            List<TransferFact> in = byRecipient.get(recipient);
            String surname = FamilyTie.surnameKey(in.get(0).recipientSurname());
            if (surname.isEmpty()) return new Indicators.Measure(0, "no surname to compare", List.of());
            Set<String> relatives = new HashSet<>();
            List<String> evidence = new ArrayList<>();
            Set<String> senders = new HashSet<>();
            for (TransferFact t : in) if (!ties.family(t)) senders.add(t.senderEntity());
            for (String s : senders) {
                for (TransferFact t : bySender.get(s)) {
                    if (t.recipientEntity().equals(recipient) || ties.family(t)) continue;
                    if (surname.equals(FamilyTie.surnameKey(t.recipientSurname()))) {
                        relatives.add(t.recipientEntity());
                        evidence.add(t.reference());
                    }
                }
            }
            return new Indicators.Measure(relatives.size(), String.format(Locale.ROOT,
                    "%d other recipients named %s receive from the same unrelated senders", relatives.size(), surname), evidence);
        }
    }
}
