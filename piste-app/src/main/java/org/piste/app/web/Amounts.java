package org.piste.app.web;

import java.math.BigDecimal;
import org.piste.model.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages write an amount of money: in the page's language, so a French page writes "1 234,50 EUR" (decimal
 * comma, narrow no-break space between thousands) and an English one "1,234.50 EUR", with the currency's own
 * number of decimals (templates: {@code ${@amounts.money(amount, 'EUR')}}). Exact: no rounding beyond them. The rule
 * itself is {@link Money#written}, shared with the case report's PDF.
 */
@Component("amounts")
public class Amounts {

    public String money(BigDecimal amount, String currency) {
        return Money.written(amount, currency, LocaleContextHolder.getLocale());
    }
}
