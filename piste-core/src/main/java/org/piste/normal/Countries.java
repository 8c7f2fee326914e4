package org.piste.normal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Country names and codes, as exports write them, to ISO 3166-1 alpha-2. */
public final class Countries {
    private static final Map<String, String> BY_KEY = build();

    private Countries() {}

    /** "Philippines", "PHL", "ph", "Philippines (les)", "FRANCE" -> the alpha-2 code. */
    public static Optional<String> toAlpha2(String raw) {
        String key = Text.foldKey(raw).replaceAll("[.()]", " ").replaceAll("\\s+", " ").trim();
        if (key.isEmpty()) return Optional.empty();
        String code = BY_KEY.get(key);
        if (code == null && key.endsWith(" LES")) code = BY_KEY.get(key.substring(0, key.length() - 4));
        return Optional.ofNullable(code);
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
                map.put(Text.foldKey(country.getDisplayCountry(language)), code);
            }
        }
        // Common spellings the JDK does not list.
        map.put("UK", "GB");
        map.put("GREAT BRITAIN", "GB");
        map.put("USA", "US");
        map.put("ETATS UNIS", "US");
        map.put("ETATS-UNIS D AMERIQUE", "US");
        map.put("PILIPINAS", "PH");
        map.put("REPUBLIC OF THE PHILIPPINES", "PH");
        return Map.copyOf(map);
    }
}
