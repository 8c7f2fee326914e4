package org.piste.model;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/** An amount in an ISO 4217 currency. Exact decimal: money is never a double. */
public record Money(BigDecimal amount, Currency currency) {
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    /**
     * An amount written for a reader of {@code locale}: French "1 234,50 EUR" (decimal comma, narrow no-break space
     * between thousands), English "1,234.50 EUR", with the currency's own number of decimals and never fewer than the
     * amount has (exact: no rounding). The one rule for pages and the case report alike; an unknown code gets 2.
     */
    public static String written(BigDecimal amount, String currency, Locale locale) {
        int digits = Math.max(fractionDigits(currency), amount.stripTrailingZeros().scale());
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount) + " " + currency;
    }

    /** The amount in the currency's minor units (cents); refused when finer than the smallest unit. */
    public long minorUnits() {
        return amount.movePointRight(Math.max(currency.getDefaultFractionDigits(), 0)).longValueExact();
    }

    /** An amount stored as minor units, read back exactly. */
    public static Money ofMinorUnits(long minor, Currency currency) {
        return new Money(BigDecimal.valueOf(minor, Math.max(currency.getDefaultFractionDigits(), 0)), currency);
    }

    private static int fractionDigits(String currency) {
        try {
            int d = Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
            return d < 0 ? 2 : d;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
