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

    /** Hand-computed: a block of 10 (45 pairs in all, 24 when oversized with a window of 3 on each side). */
    @Test
    void anIncrementalRunMakesRoomOnlyForPairsWithANewRecord() {
        int[] block = {10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        boolean[] none = new boolean[10], one = new boolean[10], three = new boolean[10], all = new boolean[10];
        one[4] = true;
        three[0] = three[5] = three[9] = true;
        java.util.Arrays.fill(all, true);

        assertThat(Blocking.pairsWithNewAtMost(block, 100, none)).isZero();
        assertThat(Blocking.pairsWithNewAtMost(block, 100, one)).isEqualTo(9);
        assertThat(Blocking.pairsWithNewAtMost(block, 100, three)).isEqualTo(27);
        assertThat(Blocking.pairsWithNewAtMost(block, 100, all)).isEqualTo(45);
        assertThat(Blocking.pairsWithNewAtMost(block, 10, one)).as("a block of the cap's size is whole").isEqualTo(9);
        assertThat(Blocking.pairsWithNewAtMost(block, 9, one)).as("over the cap: 3 neighbours each side").isEqualTo(6);
        assertThat(Blocking.pairsWithNewAtMost(block, 9, three)).isEqualTo(18);
        assertThat(Blocking.pairsWithNewAtMost(block, 9, all)).isEqualTo((10 - 3) * 3 + 3);
        assertThat(Blocking.pairsWithNewAtMost(new int[] {1, 0}, 100, all)).as("one record: no pair").isZero();
    }

    /** The room counted is enough wherever the new records sit in an oversized block, ends included. */
    @Test
    void newRecordsAnywhereInAnOversizedBlockFitTheRoomCounted() {
        for (int at : new int[] {0, 1, 74, 148, 149}) {
            boolean[] isNew = new boolean[150];
            isNew[at] = true;
            isNew[149 - at] = true;
            Blocking.Result r = Blocking.candidates(sharingAPhone(150), 100, isNew);
            assertThat(r.pairs()).as("new at " + at).isNotEmpty();
            assertThat(java.util.Arrays.stream(r.pairs()).allMatch(p -> isNew[(int) (p >>> 32)] || isNew[(int) p])).isTrue();
        }
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
