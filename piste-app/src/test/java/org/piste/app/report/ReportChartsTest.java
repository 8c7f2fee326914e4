package org.piste.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A chart depends on its data and the report's language only, not on the JVM's default locale. */
class ReportChartsTest {
    @Test
    void theSameChartWhateverTheDefaultLocale() {
        List<ReportTotals> months = List.of(new ReportTotals("2025-01", "EUR", 2, new BigDecimal("1234.50")),
                new ReportTotals("2025-02", "EUR", 1, new BigDecimal("2500.00")));
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            String us = ReportCharts.byMonth(months, "Montants", "EUR", "t", Locale.FRENCH);
            String hoursUs = ReportCharts.byHour(new int[24], "Heures", "n", "transferts", "h", Locale.FRENCH);
            Locale.setDefault(Locale.GERMANY);
            assertThat(ReportCharts.byMonth(months, "Montants", "EUR", "t", Locale.FRENCH)).isEqualTo(us);
            assertThat(ReportCharts.byHour(new int[24], "Heures", "n", "transferts", "h", Locale.FRENCH))
                    .isEqualTo(hoursUs);
        } finally {
            Locale.setDefault(before);
        }
    }
}
