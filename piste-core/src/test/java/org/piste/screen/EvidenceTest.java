package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceTest {
    private static final String[] REFS = {"R0", "R1", "R2", "R3"};

    /** Positions from..to into the reference column read as the list of those references, in that order. */
    @Test
    void readsTheReferencesAtThePositionsGiven() {
        List<String> e = new Evidence(REFS, new int[] {9, 3, 0, 2, 9}, 1, 4);
        assertThat(e).containsExactly("R3", "R0", "R2");
        assertThat(e).isEqualTo(List.of("R3", "R0", "R2"));
        assertThat(e.hashCode()).isEqualTo(List.of("R3", "R0", "R2").hashCode());
        assertThatThrownBy(() -> e.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> e.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void cannotBeChanged() {
        List<String> e = new Evidence(REFS, new int[] {0, 1}, 0, 2);
        assertThatThrownBy(() -> e.add("R9")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> e.set(0, "R9")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> e.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    /** A contribution keeps evidence it knows to be immutable as it is, and copies any other list. */
    @Test
    void aContributionCopiesOnlyListsThatCouldChange() {
        List<String> e = new Evidence(REFS, new int[] {0, 1}, 0, 2);
        assertThat(new Contribution("night", 1, 1, "", e).evidence()).isSameAs(e);
        List<String> mutable = new java.util.ArrayList<>(List.of("R0"));
        Contribution c = new Contribution("night", 1, 1, "", mutable);
        mutable.add("R1");
        assertThat(c.evidence()).containsExactly("R0");
    }
}
