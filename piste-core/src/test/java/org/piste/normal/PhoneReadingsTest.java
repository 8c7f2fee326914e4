package org.piste.normal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A number typed without its country, as a search gets it: every E.164 it may be, the right one among them. */
class PhoneReadingsTest {
    @Test
    void aPhilippineMobileTypedThreeWaysHasItsNumberAmongItsReadings() {
        assertThat(Phones.readings("+63 917 123 4567")).containsExactly("+639171234567");
        assertThat(Phones.readings("0917-123-4567")).contains("+639171234567");
        assertThat(Phones.readings("639171234567")).contains("+639171234567");
        assertThat(Phones.readings("0063 917 123 4567")).containsExactly("+639171234567");
    }

    @Test
    void aFrenchMobileTypedNationallyIsReadInFrance() {
        assertThat(Phones.readings("06 12 34 56 78")).contains("+33612345678").doesNotContain("+639171234567");
    }

    @Test
    void noDigitNoReading() {
        assertThat(Phones.readings("+ -")).isEmpty();
        assertThat(Phones.readings("")).isEmpty();
    }
}
