package org.piste.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Minor units follow each currency's own decimals (ISO 4217), both ways, and refuse what a unit cannot hold. */
class MoneyMinorUnitsTest {
    @Test
    void eachCurrencyHasItsOwnNumberOfDecimals() {
        assertThat(Money.of("12.34", "EUR").minorUnits()).isEqualTo(1234);
        assertThat(Money.of("12.3", "EUR").minorUnits()).isEqualTo(1230);
        assertThat(Money.of("500", "JPY").minorUnits()).isEqualTo(500);
        assertThat(Money.of("1.234", "BHD").minorUnits()).isEqualTo(1234);
    }

    @Test
    void readingBackGivesTheSameAmountExactly() {
        assertThat(Money.ofMinorUnits(1234, Currency.getInstance("EUR")).amount()).isEqualByComparingTo("12.34");
        assertThat(Money.ofMinorUnits(1234, Currency.getInstance("EUR")).amount().scale()).isEqualTo(2);
        assertThat(Money.ofMinorUnits(500, Currency.getInstance("JPY")).amount()).isEqualTo(new BigDecimal("500"));
        assertThat(Money.ofMinorUnits(1234, Currency.getInstance("BHD")).amount()).isEqualTo(new BigDecimal("1.234"));
    }

    @Test
    void anAmountFinerThanTheSmallestUnitIsRefusedNotRounded() {
        assertThatThrownBy(() -> Money.of("1.005", "EUR").minorUnits()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of("0.5", "JPY").minorUnits()).isInstanceOf(ArithmeticException.class);
    }
}
