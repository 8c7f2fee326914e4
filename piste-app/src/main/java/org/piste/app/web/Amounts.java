package org.piste.app.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages write an amount of money: in the page's language, so a French page writes "1 234,50 EUR" (decimal
 * comma, narrow no-break space between thousands) and an English one "1,234.50 EUR", with the currency's own
 * number of decimals (templates: {@code ${@amounts.money(amount, 'EUR')}}). Exact: no rounding beyond them.
 */
@Component("amounts")
public class Amounts {

    public String money(BigDecimal amount, String currency) {
        int digits = fractionDigits(currency);
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(Math.max(digits, amount.stripTrailingZeros().scale()));
        format.setMaximumFractionDigits(Math.max(digits, amount.stripTrailingZeros().scale()));
        return format.format(amount) + " " + currency;
    }

    private static int fractionDigits(String currency) {
        try {
            int d = Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
            return d < 0 ? 2 : d;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
