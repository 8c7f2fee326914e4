package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.piste.model.Side;

class IndicatorTest {
    /** The names are stored with every result and shown to analysts: this list changes only by adding to it. */
    @Test
    void theStableNamesAreTheStoredOnes() {
        assertThat(Arrays.stream(Indicator.values()).map(Indicator::key)).containsExactly("low_value", "frequency", "bursts",
                "escalation", "night", "unrelated_beneficiaries", "round_amounts", "cover_purpose", "identities",
                "unrelated_senders", "family_operation", "pickup", "slow_pickup", "regular_senders", "network", "confirmed");
    }

    @Test
    void aNameIsReadExactly() {
        for (Indicator i : Indicator.values()) assertThat(Indicator.ofKey(i.key())).contains(i);
        assertThat(Indicator.ofKey("Night")).isEmpty();
        assertThat(Indicator.ofKey("LOW_VALUE")).isEmpty();
        assertThat(Indicator.ofKey("")).isEmpty();
    }

    @Test
    void eachSideHasItsIndicatorsAndTheSeedMarkerIsOnNone() {
        assertThat(Indicator.of(Side.SENDER)).contains(Indicator.FREQUENCY, Indicator.LOW_VALUE, Indicator.NETWORK)
                .doesNotContain(Indicator.PICKUP, Indicator.CONFIRMED);
        assertThat(Indicator.of(Side.RECIPIENT)).contains(Indicator.PICKUP, Indicator.LOW_VALUE, Indicator.NETWORK)
                .doesNotContain(Indicator.FREQUENCY, Indicator.CONFIRMED);
    }

    @Test
    void aContributionIsOfTheIndicatorItNames() {
        Contribution c = new Contribution(Indicator.NIGHT, 0.5, 2, "half at night", List.of());
        assertThat(c.indicator()).isEqualTo("night");
        assertThat(c.is(Indicator.NIGHT)).isTrue();
        assertThat(c.is(Indicator.LOW_VALUE)).isFalse();
    }

    /** The names are checked before anything else: a rule file with only the wrong one is enough to show it. */
    @Test
    void aRuleFileNamingNoIndicatorOfItsSideIsRefusedWithTheKnownNames() {
        for (String wrong : new String[] {"nights", "pickup", "confirmed"}) {
            String yaml = "version: names\nsender:\n  " + wrong + ": {points: 1, from: 0, to: 1}\nrecipient: {}\n";
            assertThatThrownBy(() -> RuleSet.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown sender indicator '" + wrong + "'")
                    .hasMessageContaining("known: low_value, frequency, bursts, escalation, night, unrelated_beneficiaries, "
                            + "round_amounts, cover_purpose, identities, network");
        }
    }

    @Test
    void aRuleSetMadeInCodeTakesEachSidesIndicatorsOnly() {
        RuleSet.Rule rule = new RuleSet.Rule(1, 0, 1, 1, Map.of());
        assertThatThrownBy(() -> new RuleSet("v", Map.of(Indicator.PICKUP, rule), Map.of(), 0.85, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pickup is no sender indicator");
    }
}
