package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Columns kept between refreshes are screened again and again, each time with a rule set parsed anew: each screening
 * must give what fresh columns give, and what earlier screenings derived from their rules must not pile up.
 */
class ColumnsRescreenTest {

    @Test
    void columnsScreenedAgainGiveWhatFreshColumnsGiveAndKeepNoEarlierRules() {
        List<TransferFact> facts = Facts.nineDaysOfThreePairs();
        Columns kept = Columns.of(facts);
        ScreeningResult first = new Screener(RuleSet.builtIn()).screen(kept, Set.of("r1"));
        int derived = kept.derivedValues();
        assertThat(derived).as("the indicators derived something from their rules").isPositive();
        for (int k = 0; k < 3; k++) {
            ScreeningResult again = new Screener(RuleSet.builtIn()).screen(kept, k % 2 == 0 ? Set.of() : Set.of("r1"));
            ScreeningResult fresh = new Screener(RuleSet.builtIn()).screen(Columns.of(facts), k % 2 == 0 ? Set.of() : Set.of("r1"));
            assertThat(again.senders()).isEqualTo(fresh.senders());
            assertThat(again.recipients()).isEqualTo(fresh.recipients());
            assertThat(kept.derivedValues()).as("screening " + (k + 2)).isEqualTo(derived);
        }
        assertThat(new Screener(RuleSet.builtIn()).screen(kept, Set.of("r1")).senders()).isEqualTo(first.senders());
    }
}
