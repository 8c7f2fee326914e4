package org.piste.app.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.piste.app.entities.EntityCharts.Month;
import org.piste.app.entities.EntityTransfers.Direction;

/** The month chart's axis runs without a gap, so a pause in the payments shows as empty months (issue 17, item 6). */
class EntityChartsMonthsTest {
    private static Month sent(String month, String amount, long count) {
        return new Month(month, Direction.SENT, "EUR", new BigDecimal(amount), count);
    }

    @Test
    void emptyMonthsBetweenTheFirstAndTheLastAreThereAtZero() {
        List<Month> months = EntityCharts.continuous(List.of(sent("2024-01", "50", 1), sent("2024-04", "120.50", 2)));

        assertThat(months).extracting(Month::month).containsExactly("2024-01", "2024-02", "2024-03", "2024-04");
        assertThat(months).extracting(Month::count).containsExactly(1L, 0L, 0L, 2L);
        assertThat(months).extracting(m -> m.amount().toPlainString()).containsExactly("50", "0", "0", "120.50");
    }

    @Test
    void theAxisCrossesTheYearAndEverySeriesHasEveryMonth() {
        List<Month> months = EntityCharts.continuous(List.of(sent("2023-11", "10", 1),
                new Month("2024-02", Direction.RECEIVED, "PHP", new BigDecimal("3000"), 1), sent("2024-02", "20", 1)));

        // Nov, Dec, Jan, Feb; in each month the sent EUR series first, then the received PHP one.
        assertThat(months).extracting(m -> m.month() + " " + m.direction() + " " + m.currency() + " " + m.count())
                .containsExactly("2023-11 SENT EUR 1", "2023-11 RECEIVED PHP 0", "2023-12 SENT EUR 0",
                        "2023-12 RECEIVED PHP 0", "2024-01 SENT EUR 0", "2024-01 RECEIVED PHP 0", "2024-02 SENT EUR 1",
                        "2024-02 RECEIVED PHP 1");
    }

    @Test
    void aSingleMonthStaysOneMonthAndNothingStaysNothing() {
        assertThat(EntityCharts.continuous(List.of(sent("2024-12", "5", 1)))).extracting(Month::month).containsExactly("2024-12");
        assertThat(EntityCharts.continuous(List.of())).isEmpty();
    }
}
