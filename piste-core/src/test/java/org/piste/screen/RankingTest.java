package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.screen.Facts.sent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.DoubleStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The order of a screening's results: highest score first, equals in the fixed order of {@link TieOrder}, and each
 * entity's contributions in the order their points are summed. Rules made for counting: one point per unrelated
 * recipient (sender) or sender (recipient).
 */
class RankingTest {
    private static final RuleSet RULES = Facts.rules("""
            version: t-ranking
            sender:
              # Every rule set needs a sender low_value (it prices sessions); 1000 transfers keep it out of these tests.
              low_value: {points: 0, from: 0.5, to: 0.9, min_transfers: 1000, low: 10, high: 200}
              unrelated_beneficiaries: {points: 10, from: 0, to: 10, min_transfers: 1}
              network: {points: 0, from: 0, to: 1}
            recipient:
              unrelated_senders: {points: 10, from: 0, to: 10, min_transfers: 1}
              network: {points: 0, from: 0, to: 1}
            """);

    /** Scores run against id order on both sides: s3 pays ra, rb, rc; s2 pays rb, rc; s1 pays rc. */
    @Test
    void theHighestScoreComesFirstOnBothSidesWhateverTheIdOrder() {
        List<TransferFact> ts = List.of(sent("s1", "rc", "2024-01-01T10:00", "50"), sent("s2", "rb", "2024-01-02T10:00", "50"),
                sent("s2", "rc", "2024-01-03T10:00", "50"), sent("s3", "ra", "2024-01-04T10:00", "50"),
                sent("s3", "rb", "2024-01-05T10:00", "50"), sent("s3", "rc", "2024-01-06T10:00", "50"));
        ScreeningResult r = new Screener(RULES).screen(ts, Set.of());
        assertThat(r.senders()).extracting(EntityScore::entityId).containsExactly("s3", "s2", "s1");
        assertThat(r.senders()).extracting(EntityScore::score).containsExactly(3.0, 2.0, 1.0);
        assertThat(r.recipients()).extracting(EntityScore::entityId).containsExactly("rc", "rb", "ra");
        assertThat(r.recipients()).extracting(EntityScore::score).containsExactly(3.0, 2.0, 1.0);
        assertThat(r.ruleSetVersion()).isEqualTo("t-ranking");
    }

    @Test
    void equalScoresFollowTheTieOrderOfTheirIds() {
        List<TransferFact> ts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add("e" + i);
            ts.add(sent("e" + i, "r" + i, "2024-01-01T10:00", "50"));
        }
        ScreeningResult r = new Screener(RULES).screen(ts, Set.of());
        ids.sort(Comparator.comparingLong(TieOrder::of));
        assertThat(r.senders()).extracting(EntityScore::entityId).isEqualTo(ids);
        assertThat(r.senders()).allMatch(e -> e.score() == 1);
    }

    @Test
    void contributionsAreInDescendingPointsThenByName() {
        List<Contribution> cs = new ArrayList<>(List.of(new Contribution("b", 0, 1, "", List.of()), new Contribution("a", 0, 1, "", List.of()),
                new Contribution("c", 0, 2.5, "", List.of()), new Contribution("a0", 0, 0, "", List.of())));
        cs.sort(Screener.ORDER);
        assertThat(cs).extracting(Contribution::indicator).containsExactly("c", "a", "b", "a0");
    }

    @Test
    void aScreenerKeepsItsRules() {
        assertThat(new Screener(RULES).rules()).isSameAs(RULES);
    }

    /** The points are summed as DoubleStream.sum() sums them (compensated), the results' sums since the first version. */
    @Property
    void pointsAreSummedAsDoubleStreamSumsThem(@ForAll @Size(max = 12) List<@DoubleRange(min = -1e6, max = 1e6) Double> points) {
        List<Contribution> cs = points.stream().map(p -> new Contribution("x", 0, p, "", List.of())).toList();
        double expected = points.stream().mapToDouble(Double::doubleValue).sum();
        assertThat(Screener.points(cs)).isEqualTo(expected);
    }

    @Test
    void pointsAreCompensatedAndOverflowToInfinityAsDoubleStreamSum() {
        // 1 then eight 1e-16: a plain sum stays at 1 (each addend is under half an ulp of 1), the compensated one does not.
        double[] small = {1, 1e-16, 1e-16, 1e-16, 1e-16, 1e-16, 1e-16, 1e-16, 1e-16};
        assertThat(Screener.points(contributions(small))).isEqualTo(DoubleStream.of(small).sum()).isGreaterThan(1);
        assertThat(Screener.points(contributions(1e308, 1e308))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Screener.points(contributions(3, 0.5))).isEqualTo(3.5);
        assertThat(Screener.points(List.of())).isZero();
    }

    private static List<Contribution> contributions(double... points) {
        return DoubleStream.of(points).mapToObj(p -> new Contribution("x", 0, p, "", List.of())).toList();
    }
}
