package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContributionTest {
    /**
     * A negative weight times nothing measured is -0 in Java but 0 once stored (PostgreSQL's numbers have no sign of
     * zero): points are 0, so equal points order by indicator whether computed or read.
     */
    @Test
    void pointsAreNeverMinusZeroSoZerosOrderByIndicatorAlone() {
        Contribution slow = new Contribution("slow_pickup", 160.5, -0.0, "slow", List.of());
        assertThat(Double.doubleToRawLongBits(slow.points())).isEqualTo(Double.doubleToRawLongBits(0.0));
        List<Contribution> zeros = new ArrayList<>(List.of(slow, new Contribution("family_operation", 0, 0.0, "family", List.of())));
        zeros.sort(Screener.ORDER);
        assertThat(zeros).extracting(Contribution::indicator).containsExactly("family_operation", "slow_pickup");
        assertThat(new Contribution("x", 1, -2.5, "x", List.of()).points()).isEqualTo(-2.5);
    }
}
