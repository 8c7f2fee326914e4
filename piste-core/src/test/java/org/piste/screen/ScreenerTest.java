package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.piste.screen.Facts.fact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.piste.model.Side;
import org.piste.model.TransferStatus;

/**
 * A small world: a facilitator paid at night by several unrelated buyers (collected within the hour), and families
 * paying relatives (collected a day or more later).
 */
class ScreenerTest {
    private static List<TransferFact> world() {
        List<TransferFact> ts = new ArrayList<>();
        Random random = new Random(11);
        String[] buyers = {"b1", "b2", "b3", "b4"};
        String[] buyerSurnames = {"MARTIN", "BERNARD", "DUBOIS", "PETIT"};
        for (int b = 0; b < buyers.length; b++) {
            LocalDate day = LocalDate.of(2024, 1, 3 + b);
            for (int i = 0; i < 12; i++) {
                day = day.plusDays(3 + random.nextInt(9));
                String recipient = i % 3 == 0 ? "f2" : "f1"; // a family operation: two relatives take turns
                ts.add(Facts.paidOutAfter(fact(buyers[b], recipient, day + "T23:" + (10 + random.nextInt(40)),
                        String.valueOf(20 + 5 * random.nextInt(8)), TransferStatus.PAID, buyerSurnames[b], "", "OCAMPO", ""), 20 + random.nextInt(40)));
            }
        }
        for (int f = 0; f < 6; f++) {
            LocalDate day = LocalDate.of(2024, 1, 25);
            for (int m = 0; m < 12; m++) {
                ts.add(Facts.paidOutAfter(fact("fam" + f, "parent" + f, day.plusMonths(m) + "T18:" + (10 + f), "350", TransferStatus.PAID,
                        "SANTOS", "REYES", "SANTOS", ""), 1440 + 60 * m));
            }
        }
        return ts;
    }

    @Test
    void buyersAndTheirFacilitatorsRankAboveFamilies() {
        ScreeningResult r = new Screener(RuleSet.builtIn()).screen(world(), Set.of());
        assertThat(r.senders().subList(0, 4)).extracting(EntityScore::entityId).containsExactlyInAnyOrder("b1", "b2", "b3", "b4");
        assertThat(r.recipients().subList(0, 2)).extracting(EntityScore::entityId).containsExactlyInAnyOrder("f1", "f2");
        EntityScore f1 = r.recipients().stream().filter(e -> e.entityId().equals("f1")).findFirst().orElseThrow();
        assertThat(f1.contributions()).anyMatch(k -> k.indicator().equals("family_operation") && k.points() > 0);
        assertThat(f1.contributions()).anyMatch(k -> k.indicator().equals("network") && k.points() > 0);
        assertThat(f1.contributions()).anyMatch(k -> k.indicator().equals("pickup") && k.points() > 0);
        assertThat(r.recipients()).filteredOn(e -> e.entityId().startsWith("parent")).allSatisfy(e ->
                assertThat(e.contributions()).noneMatch(k -> k.indicator().equals("pickup") && k.points() > 0));
    }

    @Test
    void everyScoreIsTheSumOfItsContributionsAndEveryPointHasEvidence() {
        ScreeningResult r = new Screener(RuleSet.builtIn()).screen(world(), Set.of());
        List<EntityScore> all = new ArrayList<>(r.senders());
        all.addAll(r.recipients());
        for (EntityScore e : all) {
            assertThat(e.contributions().stream().mapToDouble(Contribution::points).sum()).isCloseTo(e.score(), within(1e-9));
            e.contributions().stream().filter(k -> k.points() > 0)
                    .forEach(k -> assertThat(k.evidence()).as(e.entityId() + " " + k.indicator()).isNotEmpty());
        }
        assertThat(r.ruleSetVersion()).isEqualTo(RuleSet.builtIn().version());
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfTheTransfers() {
        List<TransferFact> ts = world();
        ScreeningResult a = new Screener(RuleSet.builtIn()).screen(ts, Set.of());
        Collections.shuffle(ts, new Random(5));
        ScreeningResult b = new Screener(RuleSet.builtIn()).screen(ts, Set.of());
        assertThat(b).isEqualTo(a);
    }

    @Test
    void aConfirmedFacilitatorRaisesTheSendersWhoPayIt() {
        List<TransferFact> ts = new ArrayList<>(world());
        // A recipient nothing marks out, until a referral confirms it as a facilitator.
        ts.add(fact("newcomer", "quiet", "2024-06-01T14:00", "60", TransferStatus.PAID, "LEROY", "", "AQUINO", ""));
        ts.add(fact("newcomer", "quiet", "2024-07-01T14:00", "60", TransferStatus.PAID, "LEROY", "", "AQUINO", ""));
        double before = score(new Screener(RuleSet.builtIn()).screen(ts, Set.of()), "newcomer");
        double after = score(new Screener(RuleSet.builtIn()).screen(ts, Set.of("quiet")), "newcomer");
        assertThat(after).isGreaterThan(before);
    }

    /** A facilitator's in-law abroad sends family money (300 EUR a month, no shared name): not paying for sessions. */
    @Test
    void familyMoneyToAFacilitatorIsNotASessionPayment() {
        List<TransferFact> ts = new ArrayList<>(world());
        for (int m = 1; m <= 6; m++) {
            ts.add(fact("inlaw", "f1", "2024-0" + m + "-25T19:00", "300", TransferStatus.PAID, "ROXAS", "", "OCAMPO", ""));
        }
        ScreeningResult r = new Screener(RuleSet.builtIn()).screen(ts, Set.of());
        Contribution network = entity(r, "inlaw").contributions().stream().filter(k -> k.indicator().equals("network")).findFirst().orElseThrow();
        assertThat(network.points()).isZero();
        assertThat(network.explanation()).endsWith("; this sender pays it a fixed sum about monthly, as relatives and sponsors do, "
                + "not as buyers pay for sessions: not counted");
        // The buyers who pay f1 for sessions keep their network points.
        assertThat(entity(r, "b1").contributions()).anyMatch(k -> k.indicator().equals("network") && k.points() > 0);
    }

    /** A buyer-like rhythm (small sums late at night, every few days) from one sender to one recipient. */
    private static List<TransferFact> nightlySmallSums(String sender, String recipient, String recipientSurname) {
        List<TransferFact> ts = new ArrayList<>();
        LocalDate day = LocalDate.of(2024, 2, 1);
        for (int i = 0; i < 15; i++, day = day.plusDays(4)) {
            ts.add(fact(sender, recipient, day + "T23:30", "30", TransferStatus.PAID, "GIRARD", "", recipientSurname, ""));
        }
        return ts;
    }

    @Test
    void ownRedFlagsGradeEverySenderAndTheNetworkReinforcesThem() {
        List<TransferFact> ts = new ArrayList<>(world());
        ts.addAll(nightlySmallSums("partner", "her", "DELA CRUZ"));   // her only sender
        ts.addAll(nightlySmallSums("client", "f1", "OCAMPO"));        // f1 is paid by four night-time buyers
        RuleSet rules = RuleSet.builtIn();
        ScreeningResult r = new Screener(rules).screen(ts, Set.of());

        EntityScore partner = entity(r, "partner"), client = entity(r, "client");
        // The same own red flags count for both, in full: 15 transfers, all at night.
        assertThat(points(partner, "night")).isEqualTo(rules.sender().get(Indicator.NIGHT).points());
        assertThat(points(client, "night")).isEqualTo(rules.sender().get(Indicator.NIGHT).points());
        assertThat(partner.score()).isPositive();
        // Her recipient has no other sender: no network point. The client's recipient is a facilitator.
        assertThat(points(partner, "network")).isZero();
        assertThat(points(client, "network")).isPositive();
        assertThat(client.score()).isCloseTo(partner.score() + points(client, "network"), within(1e-9));
        // The partner is graded, but not alerted: her own red flags stay under the rule set's minimum.
        assertThat(partner.score()).isLessThan(rules.senderAlertMinimum());
        assertThat(r.cut(Side.SENDER).alerts(client.score())).isTrue();
    }

    @Test
    void equalScoresAreNotOrderedByIdWhichFavoursSendersWithManyTransfers() {
        List<TransferFact> ts = new ArrayList<>();
        for (int f = 0; f < 200; f++) {
            ts.add(fact(String.format("fam%03d", f), "parent" + f, "2024-03-25T12:00", "350", TransferStatus.PAID, "SANTOS", "",
                    "SANTOS", ""));
        }
        List<EntityScore> ranked = new Screener(RuleSet.builtIn()).screen(ts, Set.of()).senders();
        assertThat(ranked).allMatch(e -> e.score() == 0);
        // Rank against id order: about 0 for an order that favours no id, 1 for the id order itself.
        double n = ranked.size(), sumSquares = 0;
        for (int rank = 0; rank < ranked.size(); rank++) {
            double d = rank - Integer.parseInt(ranked.get(rank).entityId().substring(3));
            sumSquares += d * d;
        }
        double spearman = 1 - 6 * sumSquares / (n * (n * n - 1));
        assertThat(Math.abs(spearman)).isLessThan(0.2);
        assertThat(new Screener(RuleSet.builtIn()).screen(ts, Set.of()).senders()).isEqualTo(ranked);
    }

    private static EntityScore entity(ScreeningResult r, String id) {
        return java.util.stream.Stream.concat(r.senders().stream(), r.recipients().stream()).filter(e -> e.entityId().equals(id))
                .findFirst().orElseThrow();
    }

    private static double points(EntityScore e, String indicator) {
        return e.contributions().stream().filter(k -> k.indicator().equals(indicator)).mapToDouble(Contribution::points).sum();
    }

    private static double score(ScreeningResult r, String sender) {
        return r.senders().stream().filter(e -> e.entityId().equals(sender)).findFirst().orElseThrow().score();
    }
}
