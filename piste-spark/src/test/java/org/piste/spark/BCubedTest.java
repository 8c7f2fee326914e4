package org.piste.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BCubedTest {
    @Test
    void aHandComputedExample() {
        // Reference {a b c} {d e}; found {a b} {c d e}.
        // Precision: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 -> (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = 11/15.
        // Recall:    a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 -> (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = 11/15.
        Map<String, String> reference = Map.of("a", "1", "b", "1", "c", "1", "d", "2", "e", "2");
        Map<String, String> found = Map.of("a", "x", "b", "x", "c", "y", "d", "y", "e", "y");
        BCubed b = BCubed.of(found, reference);
        assertThat(b.precision()).isCloseTo(11 / 15.0, within(1e-12));
        assertThat(b.recall()).isCloseTo(11 / 15.0, within(1e-12));
        assertThat(b.f1()).isCloseTo(11 / 15.0, within(1e-12));
    }

    @Test
    void aMergeCostsPrecisionOnlyAndEqualPartitionsScoreOne() {
        Map<String, String> reference = Map.of("a", "1", "b", "1", "c", "2");
        // All in one: precision a 2/3, b 2/3, c 1/3 = 5/9; recall 1.
        BCubed merged = BCubed.of(Map.of("a", "z", "b", "z", "c", "z"), reference);
        assertThat(merged.precision()).isCloseTo(5 / 9.0, within(1e-12));
        assertThat(merged.recall()).isEqualTo(1.0);
        assertThat(BCubed.of(Map.of("a", "p", "b", "p", "c", "q"), reference).f1()).isEqualTo(1.0);
    }

    @Test
    void partitionsOfOtherElementsAreRefused() {
        assertThatThrownBy(() -> BCubed.of(Map.of("a", "1"), Map.of("b", "1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
