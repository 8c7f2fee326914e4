package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.model.Side;

class RuleSetTest {
    @Test
    void aRampFromEqualsToIsAStep() {
        RuleSet.Rule step = new RuleSet.Rule(5, 2, 2, 1, Map.of());
        assertThat(step.pointsFor(2)).isEqualTo(5);
        assertThat(step.pointsFor(7)).isEqualTo(5);
        assertThat(step.pointsFor(1.99)).isZero();
    }

    @Test
    void aRampIsLinearBetweenItsEndsAndCapped() {
        RuleSet.Rule falling = new RuleSet.Rule(10, 30, 7, 1, Map.of()); // smaller is more suspicious
        assertThat(falling.pointsFor(30)).isZero();
        assertThat(falling.pointsFor(18.5)).isEqualTo(5);
        assertThat(falling.pointsFor(1)).isEqualTo(10);
        assertThat(falling.pointsFor(40)).isZero();
    }

    @Test
    void aRuleSetIsLoadedFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, """
                version: file-1
                sender:
                  night: {points: 7, from: 0, to: 1, night_start: 22, night_end: 6}
                  low_value: {points: 0, from: 0, to: 1, low: 10, high: 200}
                  network: {points: 0, from: 0, to: 1}
                recipient:
                  network: {points: 0, from: 0, to: 1}
                network:
                  damping: 0.5
                """);
        RuleSet r = RuleSet.load(file);
        assertThat(r.version()).isEqualTo("file-1");
        assertThat(r.sender().get(Indicator.NIGHT).points()).isEqualTo(7);
        assertThat(r.sender().get(Indicator.NIGHT).minTransfers()).isEqualTo(1);
        assertThat(r.damping()).isEqualTo(0.5);
        // No alert section: no minimum.
        assertThat(r.senderAlertMinimum()).isZero();
        assertThat(r.recipientAlertMinimum()).isZero();
        assertThatThrownBy(() -> RuleSet.load(dir.resolve("missing.yaml"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.yaml");
    }

    /** Screening reads the session price and the network on both sides: a file without them is refused, not run. */
    @Test
    void aRuleSetWithoutWhatScreeningReadsIsRefusedByName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, """
                version: file-2
                sender:
                  night: {points: 7, from: 0, to: 1, night_start: 22, night_end: 6}
                  network: {points: 0, from: 0, to: 1}
                recipient:
                  network: {points: 0, from: 0, to: 1}
                """);
        assertThatThrownBy(() -> RuleSet.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sender.low_value' is required");
    }

    @Test
    void theBuiltInRulesMeasureEveryIndicatorAndNeedFortyOrThirtyFivePointsForAnAlert() {
        RuleSet r = RuleSet.builtIn();
        assertThat(r.sender().keySet()).containsExactlyInAnyOrderElementsOf(Indicator.of(Side.SENDER));
        assertThat(r.recipient().keySet()).containsExactlyInAnyOrderElementsOf(Indicator.of(Side.RECIPIENT));
        assertThat(r.alertMinimum(Side.SENDER)).isEqualTo(40);
        assertThat(r.alertMinimum(Side.RECIPIENT)).isEqualTo(35);
        // A sender's own indicators are worth less than the network together (docs/screening.md, "Weights").
        double own = r.sender().entrySet().stream().filter(e -> e.getKey() != Indicator.NETWORK).mapToDouble(e -> e.getValue().points()).sum();
        assertThat(own).isEqualTo(45);
        assertThat(r.sender().get(Indicator.NETWORK).points()).isEqualTo(60);
    }

    /** Corroboration gated a sender's own points by the network (piste-typology-4): a file still asking for it is refused. */
    @Test
    void aRuleSetAskingForCorroborationIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, """
                version: old
                sender:
                  low_value: {points: 10, from: 0.5, to: 0.9, low: 10, high: 200}
                  network: {points: 60, from: 0.5, to: 0.75}
                recipient:
                  network: {points: 0, from: 0, to: 1}
                corroboration:
                  sender: [network]
                """);
        assertThatThrownBy(() -> RuleSet.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'corroboration' was removed").hasMessageContaining("own indicators always count");
    }

    @Test
    void alertMinimumsAreReadAndMustNotBeNegative(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        String body = """
                version: alerts
                sender:
                  low_value: {points: 10, from: 0.5, to: 0.9, low: 10, high: 200}
                  network: {points: 60, from: 0.5, to: 0.75}
                recipient:
                  network: {points: 0, from: 0, to: 1}
                alert:
                  sender_min_score: 12.5
                  recipient_min_score: %s
                """;
        Files.writeString(file, body.formatted("30"));
        RuleSet r = RuleSet.load(file);
        assertThat(r.senderAlertMinimum()).isEqualTo(12.5);
        assertThat(r.recipientAlertMinimum()).isEqualTo(30);
        Files.writeString(file, body.formatted("-1"));
        assertThatThrownBy(() -> RuleSet.load(file)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    }
}
