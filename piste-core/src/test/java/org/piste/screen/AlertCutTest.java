package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertCutTest {
    /** A ranking of these scores, highest first, as Screener gives it. */
    private static List<EntityScore> ranking(double... scores) {
        List<EntityScore> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            out.add(new EntityScore("e" + i, EntityScore.Side.SENDER, s,
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
        AlertCut cut = AlertCut.of(ranked);
        assertThat(cut).isEqualTo(new AlertCut(20, 3));
        assertThat(cut.count(ranked)).isEqualTo(40);
        assertThat(cut.alerts(1)).isFalse();
    }

    @Test
    void aScoreOfZeroIsNeverAnAlertEvenWhenTheTopHasRoomForIt() {
        double[] s = scores(3_000, 0);
        s[0] = 4;
        s[1] = 0.5;
        List<EntityScore> ranked = ranking(s);
        AlertCut cut = AlertCut.of(ranked);
        assertThat(cut.position()).isEqualTo(30);
        assertThat(cut.score()).isZero();
        assertThat(cut.count(ranked)).isEqualTo(2);
        assertThat(AlertCut.of(ranking(scores(50, 0))).count(ranking(scores(50, 0)))).isZero();
    }

    @Test
    void nothingRankedAlertsNothing() {
        AlertCut cut = AlertCut.of(List.of());
        assertThat(cut.count(List.of())).isZero();
        assertThat(cut.alerts(1e9)).isFalse();
    }
}
