package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.resolve.People.person;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Records sharing only a phone: one block, paired in full up to the cap and by neighbours beyond it. */
class BlockingTest {
    private static Features[] sharingAPhone(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Features(person("p" + i, "", "", "", "+33611223344")))
                .toArray(Features[]::new);
    }

    @Test
    void aBlockWithinTheCapGivesEveryPairOnce() {
        Blocking.Result r = Blocking.candidates(sharingAPhone(50), 100, null);
        assertThat(r.pairs()).hasSize(50 * 49 / 2).isSorted().doesNotHaveDuplicates();
        assertThat(r.report().oversizedBlocksByKind()).isEmpty();
    }

    @Test
    void anOversizedBlockPairsEachRecordWithItsNextNeighbours() {
        Blocking.Result r = Blocking.candidates(sharingAPhone(150), 100, null);
        assertThat(r.pairs()).hasSize((150 - Blocking.WINDOW) * Blocking.WINDOW + 3).isSorted().doesNotHaveDuplicates();
        assertThat(r.report().oversizedBlocksByKind()).isEqualTo(Map.of("phone", 1L));
    }

    @Test
    void incrementalRunsPairOnlyNewRecords() {
        boolean[] isNew = new boolean[10];
        isNew[9] = true;
        Blocking.Result r = Blocking.candidates(sharingAPhone(10), 100, isNew);
        assertThat(r.pairs()).hasSize(9);
        assertThat(java.util.Arrays.stream(r.pairs()).allMatch(p -> (int) p == 9)).isTrue();
    }
}
