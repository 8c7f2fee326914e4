package org.piste.normal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Country names and codes, as exports write them, to ISO 3166-1 alpha-2. */
public final class Countries {
    private static final Map<String, String> BY_KEY = build();
    /** Exports repeat a handful of spellings millions of times; remember them (bounded). */
    private static final Memo<String, Optional<String>> MEMO = Memo.shared(10_000);

    private Countries() {}

    /** "Philippines", "PHL", "ph", "Philippines (les)", "Côte d'Ivoire", "FRANCE" -> the alpha-2 code. */
    public static Optional<String> toAlpha2(String raw) {
        return MEMO.get(raw, Countries::lookUp);
    }

    private static Optional<String> lookUp(String raw) {
        String key = key(raw);
        if (key.isEmpty()) return Optional.empty();
        String code = BY_KEY.get(key);
        if (code == null && key.endsWith(" LES")) code = BY_KEY.get(key.substring(0, key.length() - 4));
        return Optional.ofNullable(code);
    }

    /** One spelling key for names and look-ups: folded, punctuation and apostrophes as spaces. */
    private static String key(String raw) {
        return Text.foldKey(raw).replaceAll("[.()'’`]", " ").replaceAll("\\s+", " ").trim();
    }

    private static Map<String, String> build() {
        Map<String, String> map = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            map.put(code, code);
            try {
                map.put(country.getISO3Country(), code);
            } catch (java.util.MissingResourceException ignored) {
                // a few codes have no alpha-3 in the JDK's table; the alpha-2 and names still work
            }
            for (Locale language : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
                map.put(key(country.getDisplayCountry(language)), code);
            }
        }
        // Common spellings the JDK does not list.
        for (String[] alias : new String[][] {{"UK", "GB"}, {"GREAT BRITAIN", "GB"}, {"USA", "US"},
                {"ETATS UNIS", "US"}, {"ETATS-UNIS D AMERIQUE", "US"}, {"PILIPINAS", "PH"},
                {"REPUBLIC OF THE PHILIPPINES", "PH"}}) {
            map.put(key(alias[0]), alias[1]);
        }
        return Map.copyOf(map);
    }
}
