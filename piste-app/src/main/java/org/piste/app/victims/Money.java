package org.piste.app.victims;

import java.math.BigDecimal;
import java.util.Currency;
import org.piste.app.refusals.Refused;
import org.piste.normal.Currencies;

/**
 * Sums of compensation as stored: integer minor units of an ISO 4217 currency (the core's {@link
 * org.piste.model.Money}), with the refusals a user's typing gets.
 */
final class Money {
    private Money() {}

    static String currency(String typed) {
        return Currencies.parse(typed == null ? "" : typed).map(Currency::getCurrencyCode)
                .orElseThrow(() -> new Refused("compensation.currency", typed == null ? "" : typed.strip()));
    }

    /** The amount in minor units; refused when not positive or finer than the currency's smallest unit. */
    static long toMinor(BigDecimal amount, String currency) {
        if (amount.signum() <= 0) throw new Refused("compensation.amount", amount.toPlainString(), currency);
        try {
            return new org.piste.model.Money(amount, Currency.getInstance(currency)).minorUnits();
        } catch (ArithmeticException e) {
            throw new Refused("compensation.amount", amount.toPlainString(), currency);
        }
    }

    static BigDecimal fromMinor(long minor, String currency) {
        return org.piste.model.Money.ofMinorUnits(minor, Currency.getInstance(currency)).amount();
    }
}
