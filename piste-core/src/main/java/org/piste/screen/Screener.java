package org.piste.screen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.piste.model.Side;

/**
 * Ranks senders and recipients by the typology's indicators (a versioned {@link RuleSet}), reinforced over the
 * sender-recipient graph, with evidence for every point: an entity's score is exactly the sum of its
 * contributions. Deterministic: equal scores in a fixed order (see {@link #rank}), whatever the order of the input.
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
        c.startScreening();
        // Pairs paid like family money are family before anything is measured.
        RegularPairs regularPairs = new RegularPairs(c, rules.recipient().get(Indicator.REGULAR_SENDERS), rules.sender().get(Indicator.LOW_VALUE));
        c.markFamilyMoney(regularPairs.familyMoney());
        // Each entity's indicators depend on its own transfers only: computed in parallel, results by entity index.
        List<Contribution>[] senderBase = newLists(ns), recipientBase = newLists(nr);
        double[] senderPoints = new double[ns];
        IntStream.range(0, ns).parallel().forEach(s -> {
            senderBase[s] = senderIndicators(c, s);
            senderPoints[s] = points(senderBase[s]);
        });
        FamilyOperations families = new FamilyOperations(c);
        IntStream.range(0, nr).parallel().forEach(r -> recipientBase[r] = recipientIndicators(c, r, families, regularPairs));

        Network network = new Network(rules, c, senderPoints, recipientBase, regularPairs, seeds);
        network.propagate();

        EntityScore[] senders = new EntityScore[ns], recipients = new EntityScore[nr];
        IntStream.range(0, ns).parallel().forEach(s -> senders[s] = score(c.senderIds[s], Side.SENDER,
                senderBase[s], network.senderContribution(s), seeds));
        IntStream.range(0, nr).parallel().forEach(r -> recipients[r] = score(c.recipientIds[r], Side.RECIPIENT,
                recipientBase[r], network.recipientContribution(r), seeds));
        rank(senders);
        rank(recipients);
        return new ScreeningResult(rules.version(), Arrays.asList(senders), Arrays.asList(recipients), rules.senderAlertMinimum(),
                rules.recipientAlertMinimum());
    }

    /**
     * Highest score first; equals in the order of a hash of their ids ({@link TieOrder}, computed once per entity). Not
     * the ids themselves: an entity's id is its smallest member reference, so the more transfers, the smaller the id,
     * and ordering equals by id would put heavy remitters (families, partners) ahead of others with the same evidence.
     * The order only keeps lists stable: equals share one rank where ranks are shown ({@link SharedRanks}).
     */
    static void rank(EntityScore[] entities) {
        record Keyed(EntityScore entity, long tie) {}
        Keyed[] keyed = new Keyed[entities.length];
        Arrays.parallelSetAll(keyed, i -> new Keyed(entities[i], TieOrder.of(entities[i].entityId())));
        Arrays.parallelSort(keyed, (a, b) -> {
            int k = Double.compare(b.entity().score(), a.entity().score());
            if (k == 0) k = Long.compare(a.tie(), b.tie());
            return k != 0 ? k : a.entity().entityId().compareTo(b.entity().entityId());
        });
        Arrays.setAll(entities, i -> keyed[i].entity());
    }

    /** Points rounded to the tenth, as reasons show them ("+15.0"). */
    static Sentence.Decimal tenths(double v) {
        return Sentence.decimal(Math.round(v * 10) / 10.0, 1);
    }

    @SuppressWarnings("unchecked")
    private static List<Contribution>[] newLists(int n) {
        return (List<Contribution>[]) new List<?>[n];
    }

    /** Contributions in the order their points are summed: the rule set's map order varies between runs, sums must not. */
    static final Comparator<Contribution> ORDER = Comparator.comparingDouble(Contribution::points).reversed()
            .thenComparing(Contribution::indicator);

    private static EntityScore score(String entity, Side side, List<Contribution> base, Contribution network, Set<String> seeds) {
        boolean seed = seeds.contains(entity);
        Contribution[] all = base.toArray(new Contribution[base.size() + (seed ? 2 : 1)]);
        // The base is in ORDER already and indicator names differ: inserting the others in place sorts them all.
        int n = insert(all, base.size(), network);
        if (seed) insert(all, n, new Contribution(Indicator.CONFIRMED, 1, 0, Sentence.of(Wording.CONFIRMED), List.of()));
        List<Contribution> sorted = List.of(all);
        return new EntityScore(entity, side, points(sorted), sorted);
    }

    /** Inserts c into the sorted all[0 .. n) at its place in ORDER; returns the new size. */
    private static int insert(Contribution[] all, int n, Contribution c) {
        int i = n;
        while (i > 0 && ORDER.compare(all[i - 1], c) > 0) {
            all[i] = all[i - 1];
            i--;
        }
        all[i] = c;
        return n + 1;
    }

    /**
     * The sum of the points in the list's order, compensated exactly as {@code DoubleStream.sum()} compensates (Kahan
     * summation; the simple sum when that one is infinite): the sums results have always had, without a stream per entity.
     */
    static double points(List<Contribution> cs) {
        double sum = 0, compensation = 0, simple = 0;
        for (int i = 0; i < cs.size(); i++) {
            double value = cs.get(i).points();
            double tmp = value - compensation, velvel = sum + tmp;
            compensation = (velvel - sum) - tmp;
            sum = velvel;
            simple += value;
        }
        double total = sum - compensation;
        return Double.isNaN(total) && Double.isInfinite(simple) ? simple : total;
    }

    private List<Contribution> senderIndicators(Columns c, int s) {
        List<Contribution> out = new ArrayList<>();
        int[] all = c.sentBy(s), ts = outsideFamily(c, all);
        int[] sessions = Indicators.sessionPriced(c, ts, rules.sender().get(Indicator.LOW_VALUE));
        rules.sender().forEach((indicator, rule) -> {
            if (indicator == Indicator.NETWORK) return;
            boolean rhythm = indicator == Indicator.FREQUENCY || indicator == Indicator.BURSTS || indicator == Indicator.ESCALATION;
            boolean identity = indicator == Indicator.IDENTITIES;
            if ((rhythm ? sessions : identity ? all : ts).length < rule.minTransfers()) return;
            Indicators.Measure m = switch (indicator) {
                case LOW_VALUE -> Indicators.lowValue(c, ts, rule);
                case FREQUENCY -> Indicators.frequency(c, sessions);
                case BURSTS -> Indicators.bursts(c, sessions, rule);
                case ESCALATION -> Indicators.escalation(c, sessions);
                case NIGHT -> Indicators.night(c, ts, rule);
                case UNRELATED_BENEFICIARIES -> Indicators.unrelatedBeneficiaries(c, s);
                case ROUND_AMOUNTS -> Indicators.roundAmounts(c, ts);
                case COVER_PURPOSE -> Indicators.coverPurpose(c, ts, rule);
                case IDENTITIES -> Indicators.identities(c, all);
                default -> throw new IllegalStateException("no sender indicator " + indicator.key());
            };
            out.add(contribution(indicator, rule, m));
        });
        out.sort(ORDER);
        return out;
    }

    private List<Contribution> recipientIndicators(Columns c, int r, FamilyOperations families, RegularPairs regularPairs) {
        List<Contribution> out = new ArrayList<>();
        int[] ts = outsideFamily(c, c.receivedBy(r));
        int[] paidOut = rules.recipient().containsKey(Indicator.PICKUP) || rules.recipient().containsKey(Indicator.SLOW_PICKUP)
                ? Indicators.paidOut(c, ts) : ts;
        // pickup and slow_pickup read the same median the two ways: measured once.
        Indicators.Measure[] pickup = new Indicators.Measure[1];
        rules.recipient().forEach((indicator, rule) -> {
            boolean payout = indicator == Indicator.PICKUP || indicator == Indicator.SLOW_PICKUP;
            if (indicator == Indicator.NETWORK || (payout ? paidOut : ts).length < rule.minTransfers()) return;
            if (payout && pickup[0] == null) pickup[0] = Indicators.pickup(c, paidOut);
            Indicators.Measure m = switch (indicator) {
                case UNRELATED_SENDERS -> Indicators.unrelatedSenders(c, r);
                case LOW_VALUE -> Indicators.lowValue(c, ts, rule);
                case NIGHT -> Indicators.night(c, ts, rule);
                case FAMILY_OPERATION -> families.measure(r);
                case PICKUP, SLOW_PICKUP -> pickup[0];
                case REGULAR_SENDERS -> regularPairs.measure(r);
                default -> throw new IllegalStateException("no recipient indicator " + indicator.key());
            };
            out.add(contribution(indicator, rule, m));
        });
        out.sort(ORDER);
        return out;
    }

    /**
     * The transfers among ts with no family tie: the typology's red flags are about paying, or being paid by, people
     * one is not related to; a remittance to a relative is not a session, and a facilitator's family money is not a
     * buyer's. (An entity's identities are judged on all its transfers.)
     */
    static int[] outsideFamily(Columns c, int[] ts) {
        int[] out = new int[ts.length];
        int k = 0;
        for (int t : ts) if (!c.family(t)) out[k++] = t;
        return k == ts.length ? ts : Arrays.copyOf(out, k);
    }

    private static Contribution contribution(Indicator indicator, RuleSet.Rule rule, Indicators.Measure m) {
        return new Contribution(indicator, m.value(), rule.pointsFor(m.value()), m.sentence(), m.evidence());
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
            if (surname == Columns.NO_KEY) return new Indicators.Measure(0, Sentence.of(Wording.NO_SURNAME), List.of());
            // Senders visited in a HashMap's order of their ids: the evidence order the results have always had.
            Map<String, Integer> senders = new HashMap<>();
            for (int t : in) if (!c.family(t)) senders.putIfAbsent(c.senderIds[c.sender[t]], c.sender[t]);
            int[] evidence = new int[8], relatives = new int[8];
            int k = 0;
            for (int s : senders.values()) {
                for (int i = c.senderStart[s]; i < c.senderStart[s + 1]; i++) {
                    int t = c.bySender[i];
                    if (c.recipient[t] == recipient || c.family(t) || c.recipientSurnameKey[t] != surname) continue;
                    if (k == evidence.length) {
                        evidence = Arrays.copyOf(evidence, k * 2);
                        relatives = Arrays.copyOf(relatives, k * 2);
                    }
                    relatives[k] = c.recipient[t];
                    evidence[k++] = t;
                }
            }
            int count = Indicators.distinct(relatives, k);
            return new Indicators.Measure(count, Sentence.of(Wording.FAMILY_OPERATION, Sentence.count(count),
                    new Sentence.AsWritten(c.surnameKeys[surname])), c.references(evidence, 0, k));
        }
    }
}
