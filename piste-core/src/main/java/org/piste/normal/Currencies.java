package org.piste.normal;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Currency codes and the symbols exports use, to ISO 4217. */
public final class Currencies {
    private static final Map<String, String> SYMBOLS = Map.of(
            "€", "EUR", "$", "USD", "US$", "USD", "£", "GBP", "₱", "PHP", "PESO", "PHP", "PESOS", "PHP", "EURO", "EUR",
            "EUROS", "EUR");

    private Currencies() {}

    public static Optional<Currency> parse(String raw) {
        String key = Text.clean(raw).toUpperCase(Locale.ROOT);
        if (key.isEmpty()) return Optional.empty();
        key = SYMBOLS.getOrDefault(key, key);
        if (key.length() != 3) return Optional.empty();
        try {
            return Optional.of(Currency.getInstance(key));
        } catch (IllegalArgumentException notIso) {
            return Optional.empty();
        }
    }
}
