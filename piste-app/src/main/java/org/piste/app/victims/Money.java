package org.piste.app.victims;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.piste.app.refusals.Refused;

/** Sums of compensation as stored: integer minor units of an ISO 4217 currency, read back as exact BigDecimal. */
final class Money {
    private Money() {}

    static String currency(String typed) {
        String code = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new Refused("compensation.currency", code);
        }
    }

    private static int digits(String currency) {
        int d = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(d, 0);
    }

    /** The amount in minor units; refused when not positive or finer than the currency's smallest unit. */
    static long toMinor(BigDecimal amount, String currency) {
        if (amount.signum() <= 0) throw new Refused("compensation.amount", amount.toPlainString(), currency);
        try {
            return amount.movePointRight(digits(currency)).longValueExact();
        } catch (ArithmeticException e) {
            throw new Refused("compensation.amount", amount.toPlainString(), currency);
        }
    }

    static BigDecimal fromMinor(long minor, String currency) {
        return BigDecimal.valueOf(minor, digits(currency));
    }
}
