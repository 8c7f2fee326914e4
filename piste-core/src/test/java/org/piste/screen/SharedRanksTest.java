package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.piste.model.Side;

class SharedRanksTest {
    private static EntityScore scored(String id, double score) {
        return new EntityScore(id, Side.SENDER, score, List.of());
    }

    @Test
    void equalScoresShareTheRankOfTheFirstOfThem() {
        List<EntityScore> ranked = List.of(scored("a", 9), scored("b", 5), scored("c", 5), scored("d", 2), scored("e", 0),
                scored("f", 0), scored("g", 0));
        assertThat(SharedRanks.of(ranked)).containsExactly(1, 2, 2, 4, 5, 5, 5);
    }

    @Test
    void aListThatIsNotRankedIsRefused() {
        assertThatThrownBy(() -> SharedRanks.of(List.of(scored("a", 1), scored("b", 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b");
    }

    /** A rank is 1 + the number of strictly higher scores, whatever the order of equal scores. */
    @Property
    void aRankCountsOnlyHigherScores(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 6) Integer> points, @ForAll long seed) {
        List<EntityScore> ranked = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) ranked.add(scored("e" + i, points.get(i) / 2.0));
        Collections.shuffle(ranked, new Random(seed));
        ranked.sort((x, y) -> Double.compare(y.score(), x.score()));
        int[] rank = SharedRanks.of(ranked);
        for (int i = 0; i < rank.length; i++) {
            double s = ranked.get(i).score();
            assertThat(rank[i]).isEqualTo(1 + (int) ranked.stream().filter(x -> x.score() > s).count());
        }
    }
}
