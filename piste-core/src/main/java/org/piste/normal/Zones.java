package org.piste.normal;

import com.ibm.icu.util.TimeZone;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** The time zone of a country, where the country has only one. */
public final class Zones {
    /** Where the procedure runs: Piste's own moments (imports, decisions) and days (due dates) are in Paris time. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Keyed by alpha-2 codes, of which there are about 250: the bound is never reached. */
    private static final Memo<String, Optional<ZoneId>> CACHE = Memo.shared(1_000);

    private Zones() {}

    /** Asia/Manila for PH, Europe/Paris for FR; empty for countries with several zones (US, AU...). */
    public static Optional<ZoneId> ofCountry(String alpha2) {
        return CACHE.get(alpha2, code -> {
            Set<String> ids = TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, code, null);
            if (ids.size() != 1) return Optional.empty();
            return Optional.of(ZoneId.of(ids.iterator().next()));
        });
    }
}
