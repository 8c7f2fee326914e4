package org.piste.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one calculation behind both progress displays, on hand-computed cases. */
class ImportRateTest {
    @Test
    void aQuarterReadInTenSecondsLeavesThirtySeconds() {
        ImportRate r = new ImportRate(250, 1_000, 500, 10);

        assertThat(r.percent()).isEqualTo(25);
        assertThat(r.rowsPerSecond()).isEqualTo(50);
        assertThat(r.etaSeconds()).hasValue(30L);
    }

    @Test
    void percentRoundsDownSoNinetyNineAndAHalfIsNotDone() {
        assertThat(new ImportRate(995, 1_000, 1, 1).percent()).isEqualTo(99);
        assertThat(new ImportRate(1_000, 1_000, 1, 1).percent()).isEqualTo(100);
    }

    /** Before the first update the size is unknown: no time left is promised (it used to say 0 s at 100 %). */
    @Test
    void anUnknownSizePromisesNoTimeLeft() {
        assertThat(new ImportRate(0, 0, 0, 0).etaSeconds()).isEmpty();
        assertThat(new ImportRate(4_096, 0, 12, 2).etaSeconds()).isEmpty();
    }

    @Test
    void nothingReadYetPromisesNoTimeLeft() {
        assertThat(new ImportRate(0, 1_000, 0, 3).etaSeconds()).isEmpty();
    }
}
