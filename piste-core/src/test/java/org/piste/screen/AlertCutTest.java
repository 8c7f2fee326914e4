package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.piste.model.Side;

class AlertCutTest {
    /** A ranking of these scores, highest first, as Screener gives it. */
    private static List<EntityScore> ranking(double... scores) {
        List<EntityScore> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            out.add(new EntityScore("e" + i, Side.SENDER, s,
                    s == 0 ? List.of() : List.of(new Contribution("x", 1, s, "test", List.of()))));
        }
        return out;
    }

    private static double[] scores(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    @Test
    void theCutIsTheTopOnePercentButAtLeastTenAndNeverBeyondTheRanking() {
        assertThat(AlertCut.position(0)).isEqualTo(1);
        assertThat(AlertCut.position(4)).isEqualTo(4);
        assertThat(AlertCut.position(10)).isEqualTo(10);
        assertThat(AlertCut.position(999)).isEqualTo(10);
        assertThat(AlertCut.position(1_001)).isEqualTo(11);
        assertThat(AlertCut.position(20_000)).isEqualTo(200);
        assertThat(AlertCut.position(10_000_000_000L)).isEqualTo(100_000_000);
    }

    @Test
    void everyEntityTiedWithTheOneAtTheCutIsAlertedWhateverTheirOrder() {
        double[] s = new double[2_000];
        for (int i = 0; i < 15; i++) s[i] = 9 - i * 0.1;
        for (int i = 15; i < 40; i++) s[i] = 3; // the cut (position 20) falls inside these 25 equal scores
        for (int i = 40; i < s.length; i++) s[i] = 1;
        List<EntityScore> ranked = ranking(s);
        AlertCut cut = AlertCut.of(ranked, 0);
        assertThat(cut).isEqualTo(new AlertCut(20, 3, 0));
        assertThat(cut.count(ranked)).isEqualTo(40);
        assertThat(cut.alerts(1)).isFalse();
    }

    @Test
    void aScoreOfZeroIsNeverAnAlertEvenWhenTheTopHasRoomForIt() {
        double[] s = scores(3_000, 0);
        s[0] = 4;
        s[1] = 0.5;
        List<EntityScore> ranked = ranking(s);
        AlertCut cut = AlertCut.of(ranked, 0);
        assertThat(cut.position()).isEqualTo(30);
        assertThat(cut.score()).isZero();
        assertThat(cut.count(ranked)).isEqualTo(2);
        assertThat(AlertCut.of(ranking(scores(50, 0)), 0).count(ranking(scores(50, 0)))).isZero();
    }

    @Test
    void nothingRankedAlertsNothing() {
        AlertCut cut = AlertCut.of(List.of(), 0);
        assertThat(cut.count(List.of())).isZero();
        assertThat(cut.alerts(1e9)).isFalse();
    }

    /** Distinct scores around the cut: the cut is the score at exactly its position, not a neighbour's. */
    @Test
    void theCutAtAScoreBoundaryAlertsExactlyThePositionsUpToIt() {
        double[] s = new double[30];
        for (int i = 0; i < s.length; i++) s[i] = 30 - i; // 30, 29, ... 1
        List<EntityScore> ranked = ranking(s);
        AlertCut cut = AlertCut.of(ranked, 0);
        // 30 ranked: max(10, ceil(0.3)) = 10; the 10th score is 30 - 9 = 21.
        assertThat(cut).isEqualTo(new AlertCut(10, 21, 0));
        assertThat(cut.count(ranked)).isEqualTo(10);
        assertThat(cut.alerts(21)).isTrue();
        assertThat(cut.alerts(20.5)).isFalse();
    }

    /** Above 1,000 ranked the top 1% passes 10: 1,500 -> 15, 1,501 -> ceil(15.01) = 16, each at its own score. */
    @Test
    void theCutIsAtExactlyTheTopOnePercentWhenThatPassesTen() {
        assertThat(AlertCut.position(1_100)).isEqualTo(11);
        assertThat(AlertCut.position(1_101)).isEqualTo(12);
        assertThat(AlertCut.position(1_500)).isEqualTo(15);
        for (int n : new int[] {1_500, 1_501}) {
            double[] s = new double[n];
            for (int i = 0; i < n; i++) s[i] = n - i; // n, n - 1, ... 1: the i-th (from 1) is n - i + 1
            List<EntityScore> ranked = ranking(s);
            int at = n == 1_500 ? 15 : 16;
            AlertCut cut = AlertCut.of(ranked, 0);
            assertThat(cut).isEqualTo(new AlertCut(at, n - at + 1, 0));
            assertThat(cut.count(ranked)).isEqualTo(at);
        }
    }

    /** Ties straddling the cut: positions 9 to 12 share a score, so 12 are alerts and no fewer, and the 13th is not. */
    @Test
    void tiesAtTheCutAreAllAlertsAndTheNextScoreIsNot() {
        double[] s = {20, 19, 18, 17, 16, 15, 14, 13, 5, 5, 5, 5, 4, 3, 2, 1};
        List<EntityScore> ranked = ranking(s);
        AlertCut cut = AlertCut.of(ranked, 0);
        assertThat(cut).isEqualTo(new AlertCut(10, 5, 0));
        assertThat(cut.count(ranked)).isEqualTo(12);
        assertThat(cut.alerts(4)).isFalse();
    }

    /** Fewer than 10 ranked: every one is within the cut, which is the last score; all with a point are alerts. */
    @Test
    void withFewerThanTenRankedTheCutIsTheLastOne() {
        List<EntityScore> ranked = ranking(7, 3, 0.25);
        AlertCut cut = AlertCut.of(ranked, 0);
        assertThat(cut).isEqualTo(new AlertCut(3, 0.25, 0));
        assertThat(cut.count(ranked)).isEqualTo(3);
        assertThat(AlertCut.position(1)).isEqualTo(1);
    }

    /** The rule set's minimum: above it, only scores up to the top 1% are alerts; below it, none even inside the top 1%. */
    @Test
    void anAlertNeedsTheMinimumScoreAsWellAsAPlaceInTheTop() {
        double[] s = {50, 45, 40, 39.5, 30, 20, 10, 9, 8, 7, 6, 5};
        List<EntityScore> ranked = ranking(s);
        AlertCut cut = AlertCut.of(ranked, 40);
        // 12 ranked: position 10, score 7; the minimum 40 is higher, so the bar is 40 and 3 are alerts.
        assertThat(cut).isEqualTo(new AlertCut(10, 7, 40));
        assertThat(cut.bar()).isEqualTo(40);
        assertThat(cut.count(ranked)).isEqualTo(3);
        assertThat(cut.alerts(40)).isTrue();
        assertThat(cut.alerts(39.5)).isFalse();
        // A minimum under the cut's score changes nothing: the top 1% decides.
        AlertCut low = AlertCut.of(ranked, 2);
        assertThat(low.bar()).isEqualTo(7);
        assertThat(low.count(ranked)).isEqualTo(10);
    }
}
