package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.piste.screen.Results.contribution;
import static org.piste.screen.Results.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A sender's own red flags count in proportion to the corroborating indicators' share of their maximum. Rules made for
 * the arithmetic: night (15 points at a share of 1) corroborated by round_amounts (30 points at a share of 1), so a
 * sender with 1 round amount in 3 gets 10 of 30 round points, a share of exactly 1/3.
 */
class CorroborationTest {
    private static final RuleSet RULES = Facts.rules("""
            version: t-corroboration
            sender:
              # Every rule set needs a sender low_value (it prices sessions); 1000 transfers keep it out of these tests.
              low_value: {points: 0, from: 0.5, to: 0.9, min_transfers: 1000, low: 10, high: 200}
              night: {points: 15, from: 0, to: 1, min_transfers: 1, night_start: 22, night_end: 6}
              round_amounts: {points: 30, from: 0, to: 1, min_transfers: 1}
              network: {points: 0, from: 0, to: 1}
            recipient:
              unrelated_senders: {points: 10, from: 0, to: 10, min_transfers: 1}
              network: {points: 0, from: 0, to: 1}
            corroboration:
              sender: [round_amounts]
            """);
    private static final String NIGHT = "3 of 3 transfers sent between 22:00 and 6:00 local time";

    /** Three transfers at night from sender to its own recipient, of these amounts (25 and 35 are not round: 61 PHP a EUR). */
    private static List<TransferFact> nights(String sender, String... eur) {
        List<TransferFact> out = new ArrayList<>();
        for (int i = 0; i < eur.length; i++) out.add(Facts.sent(sender, "to-" + sender, "2024-01-0" + (i + 1) + "T23:30", eur[i]));
        return out;
    }

    private static ScreeningResult screen(List<TransferFact> ts, Set<String> seeds) {
        return new Screener(RULES).screen(ts, seeds);
    }

    @Test
    void aPartialCorroborationCountsTheRedFlagsAtExactlyItsShare() {
        EntityScore s = entity(screen(nights("third", "25", "25", "30"), Set.of()), "third");
        // Round: 1 of 3, 30 x 1/3 = 10 points, a share of 10 / 30 = 1/3; night 15 x 1/3 = 5. Score 10 + 5 + 0.
        assertThat(contribution(s, "round_amounts").points()).isCloseTo(10, within(1e-12));
        Contribution night = contribution(s, "night");
        assertThat(night.value()).isEqualTo(1);
        assertThat(night.points()).isCloseTo(5, within(1e-12));
        assertThat(night.explanation()).isEqualTo(NIGHT + " (15.0 points counted at 33.3%, as far as round_amounts corroborates them)");
        assertThat(s.score()).isCloseTo(15, within(1e-12));
        // Summed in the order of the counted points: round (10) now before night (5).
        assertThat(s.contributions()).extracting(Contribution::indicator).containsExactly("round_amounts", "night", "network");
    }

    @Test
    void noCorroborationCountsNoneOfTheRedFlagsAndSaysSo() {
        EntityScore s = entity(screen(nights("none", "25", "35", "25"), Set.of()), "none");
        Contribution night = contribution(s, "night");
        assertThat(night.points()).isZero();
        assertThat(night.explanation()).isEqualTo(NIGHT + " (15.0 points not counted: nothing corroborates them, no points from round_amounts)");
        assertThat(s.score()).isZero();
    }

    @Test
    void fullCorroborationLeavesTheRedFlagsAsTheyAre() {
        EntityScore s = entity(screen(nights("full", "20", "30", "40"), Set.of()), "full");
        assertThat(contribution(s, "night").points()).isEqualTo(15);
        assertThat(contribution(s, "night").explanation()).isEqualTo(NIGHT);
        assertThat(s.score()).isEqualTo(45);
        assertThat(s.contributions()).extracting(Contribution::indicator).containsExactly("round_amounts", "night", "network");
    }

    @Test
    void aConfirmedSenderIsFullyCorroborated() {
        EntityScore s = entity(screen(nights("none", "25", "35", "25"), Set.of("none")), "none");
        assertThat(contribution(s, "night").points()).isEqualTo(15);
        assertThat(contribution(s, "night").explanation()).isEqualTo(NIGHT);
        assertThat(s.score()).isEqualTo(15);
    }

    @Test
    void withoutCorroboratingIndicatorsEveryRedFlagCountsOnItsOwn() {
        RuleSet uncorroborated = new RuleSet("t", RULES.sender(), RULES.recipient(), List.of(), RULES.damping());
        EntityScore s = entity(new Screener(uncorroborated).screen(nights("none", "25", "35", "25"), Set.of()), "none");
        assertThat(contribution(s, "night").points()).isEqualTo(15);
        assertThat(s.score()).isEqualTo(15);
    }

    @Test
    void tenthsRoundToOneDecimal() {
        assertThat(Screener.tenths(15)).isEqualTo("15.0");
        assertThat(Screener.tenths(100.0 / 3)).isEqualTo("33.3");
        assertThat(Screener.tenths(7.25)).isEqualTo("7.3");
        assertThat(Screener.tenths(0.04)).isEqualTo("0.0");
        assertThat(Screener.tenths(123.46)).isEqualTo("123.5");
    }
}
