package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.piste.screen.Facts.fact;
import static org.piste.screen.Results.contribution;
import static org.piste.screen.Results.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.piste.model.TransferStatus;

/**
 * Every sender is graded: its own indicators count whatever the network says, and they are measured on its transfers
 * outside the family (a remittance to a relative is not a session). Rules made for the arithmetic: night 15 points at a
 * share of 1, round amounts 30 points at a share of 1, no network point.
 */
class OwnIndicatorsTest {
    private static final RuleSet RULES = Facts.rules("""
            version: t-own
            sender:
              # Every rule set needs a sender low_value (it prices sessions); 1000 transfers keep it out of these tests.
              low_value: {points: 0, from: 0.5, to: 0.9, min_transfers: 1000, low: 10, high: 200}
              night: {points: 15, from: 0, to: 1, min_transfers: 1, night_start: 22, night_end: 6}
              round_amounts: {points: 30, from: 0, to: 1, min_transfers: 1}
              identities: {points: 10, from: 0, to: 1, min_transfers: 1}
              network: {points: 0, from: 0, to: 1}
            recipient:
              unrelated_senders: {points: 10, from: 0, to: 10, min_transfers: 1}
              network: {points: 0, from: 0, to: 1}
            """);

    /** Transfers at night from sender to recipient (of another surname than the sender's MARTIN), of these amounts. */
    private static List<TransferFact> nights(String sender, String recipient, String recipientSurname, String... eur) {
        List<TransferFact> out = new ArrayList<>();
        for (int i = 0; i < eur.length; i++) {
            out.add(fact(sender, recipient, "2024-01-0" + (i + 1) + "T23:30", eur[i], TransferStatus.PAID, "MARTIN", "", recipientSurname, ""));
        }
        return out;
    }

    @Test
    void ownRedFlagsCountWithoutAnyNetworkPoint() {
        EntityScore s = entity(new Screener(RULES).screen(nights("alone", "her", "REYES", "25", "25", "30"), Set.of()), "alone");
        // Night: 3 of 3, 15 points; round: 1 of 3 (25 is not a multiple of 10, 25 x 61 PHP not of 500), 30 / 3 = 10.
        assertThat(contribution(s, "night").points()).isEqualTo(15);
        assertThat(contribution(s, "night").explanation()).isEqualTo("3 of 3 transfers sent between 22:00 and 6:00 local time");
        assertThat(contribution(s, "round_amounts").points()).isCloseTo(10, within(1e-12));
        assertThat(contribution(s, "network").points()).isZero();
        assertThat(s.score()).isCloseTo(25, within(1e-12));
    }

    @Test
    void remittancesToRelativesAreNotRedFlags() {
        // Three night transfers to a relative (MARTIN, as the sender) and one in the day, 30 EUR, to an unrelated recipient.
        List<TransferFact> ts = new ArrayList<>(nights("mixed", "mother", "MARTIN", "20", "30", "40"));
        ts.add(fact("mixed", "shop", "2024-01-09T14:00", "35", TransferStatus.PAID, "MARTIN", "", "REYES", ""));
        EntityScore s = entity(new Screener(RULES).screen(ts, Set.of()), "mixed");
        // Outside the family: 1 transfer, in the day, not round: no night point, no round point.
        assertThat(contribution(s, "night").value()).isZero();
        assertThat(contribution(s, "night").explanation()).isEqualTo("0 of 1 transfers sent between 22:00 and 6:00 local time");
        assertThat(contribution(s, "round_amounts").points()).isZero();
        assertThat(s.score()).isZero();
    }

    @Test
    void identitiesAreJudgedOnAllTheSendersTransfers() {
        // Two ID documents, one used only towards the relative: 1 beyond one, 10 points (0 to 1); on the other transfer alone, 0.
        List<TransferFact> ts = new ArrayList<>();
        ts.add(Facts.withIdentity(fact("ids", "mother", "2024-01-02T14:00", "35", TransferStatus.PAID, "MARTIN", "", "MARTIN", ""),
                "ID-1", "", "", org.piste.model.Channel.ONLINE));
        ts.add(Facts.withIdentity(fact("ids", "shop", "2024-01-03T14:00", "35", TransferStatus.PAID, "MARTIN", "", "REYES", ""),
                "ID-2", "", "", org.piste.model.Channel.ONLINE));
        EntityScore s = entity(new Screener(RULES).screen(ts, Set.of()), "ids");
        assertThat(contribution(s, "identities").points()).isEqualTo(10);
    }

    @Test
    void aRecipientsFamilyMoneyDoesNotDiluteItsIndicators() {
        // A recipient paid at night by two unrelated senders and in the day by a relative: low_value and night are judged on
        // the two unrelated transfers only.
        RuleSet rules = Facts.rules("""
                version: t-own-recipient
                sender:
                  low_value: {points: 0, from: 0.5, to: 0.9, min_transfers: 1000, low: 10, high: 200}
                  network: {points: 0, from: 0, to: 1}
                recipient:
                  night: {points: 10, from: 0, to: 1, min_transfers: 1, night_start: 22, night_end: 6}
                  network: {points: 0, from: 0, to: 1}
                """);
        List<TransferFact> ts = new ArrayList<>();
        ts.add(fact("a", "hub", "2024-01-02T23:00", "35", TransferStatus.PAID, "MARTIN", "", "REYES", ""));
        ts.add(fact("b", "hub", "2024-01-03T23:00", "35", TransferStatus.PAID, "PETIT", "", "REYES", ""));
        ts.add(fact("kin", "hub", "2024-01-04T14:00", "300", TransferStatus.PAID, "REYES", "", "REYES", ""));
        EntityScore hub = entity(new Screener(rules).screen(ts, Set.of()), "hub");
        assertThat(contribution(hub, "night").value()).isEqualTo(1);
        assertThat(contribution(hub, "night").points()).isEqualTo(10);
    }

    @Test
    void tenthsRoundToOneDecimal() {
        assertThat(tenths(15)).isEqualTo("15.0");
        assertThat(tenths(100.0 / 3)).isEqualTo("33.3");
        assertThat(tenths(7.25)).isEqualTo("7.3");
        assertThat(tenths(0.04)).isEqualTo("0.0");
        assertThat(tenths(123.46)).isEqualTo("123.5");
    }

    /** The points as a reason shows them in English ("x (+7.3)"). */
    private static String tenths(double v) {
        String said = Sentence.of(Wording.REASON_FIRST, Sentence.part(Sentence.verbatim("x")), Screener.tenths(v)).english();
        return said.substring("x (+".length(), said.length() - 1);
    }
}
