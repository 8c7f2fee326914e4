package org.piste.normal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ZonesTest {
    @Test
    void countriesWithOneZoneHaveIt() {
        assertThat(Zones.ofCountry("PH")).contains(ZoneId.of("Asia/Manila"));
        assertThat(Zones.ofCountry("FR")).contains(ZoneId.of("Europe/Paris"));
        assertThat(Zones.ofCountry("SN")).contains(ZoneId.of("Africa/Dakar"));
    }

    /** Which of its zones a time in the US or Australia was written in cannot be told from the country. */
    @Test
    void countriesWithSeveralZonesOrNoneHaveNone() {
        assertThat(Zones.ofCountry("US")).isEmpty();
        assertThat(Zones.ofCountry("AU")).isEmpty();
        assertThat(Zones.ofCountry("ZZ")).as("not a country").isEmpty();
    }
}
