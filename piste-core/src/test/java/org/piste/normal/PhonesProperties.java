package org.piste.normal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.NumericChars;

class PhonesProperties {
    private static String spaced(String digits, int... groups) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int g : groups) {
            if (out.length() > 0) out.append(' ');
            out.append(digits, at, at + g);
            at += g;
        }
        return out.toString();
    }

    @Example
    void frenchAndPhilippineExamples() {
        assertThat(Phones.toE164("06 12 34 56 78", Optional.of("FR"))).contains("+33612345678");
        assertThat(Phones.toE164("0917 123 4567", Optional.of("PH"))).contains("+639171234567");
        assertThat(Phones.toE164("+63 917 123 4567", Optional.empty())).contains("+639171234567");
        assertThat(Phones.toE164("0063 917 123 4567", Optional.of("FR"))).contains("+639171234567");
        assertThat(Phones.toE164("", Optional.of("FR"))).isEmpty();
        assertThat(Phones.toE164("n/a", Optional.of("FR"))).isEmpty();
        assertThat(Phones.toE164("06 12", Optional.of("FR"))).as("too short").isEmpty();
    }

    @Property
    void frenchMobileWrittenNationallyIsReadInFrance(
            @ForAll @IntRange(min = 6, max = 7) int prefix, @ForAll @StringLength(8) @NumericChars String rest) {
        String national = "0" + prefix + rest;
        assertThat(Phones.toE164(spaced(national, 2, 2, 2, 2, 2), Optional.of("FR")))
                .contains("+33" + prefix + rest);
        assertThat(Phones.toE164(national, Optional.of("FR"))).contains("+33" + prefix + rest);
    }

    @Property
    void philippineMobileWrittenNationallyIsReadInThePhilippines(@ForAll @StringLength(9) @NumericChars String rest) {
        String national = "09" + rest;
        assertThat(Phones.toE164(spaced(national, 4, 3, 4), Optional.of("PH"))).contains("+639" + rest);
    }

    @Property
    void internationalNumberDoesNotDependOnTheRegion(@ForAll @StringLength(9) @NumericChars String rest,
            @ForAll("regions") Optional<String> region) {
        String international = "+63 9" + rest.substring(0, 2) + " " + rest.substring(2, 5) + " " + rest.substring(5);
        assertThat(Phones.toE164(international, region)).contains("+639" + rest);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Optional<String>> regions() {
        return net.jqwik.api.Arbitraries.of("FR", "PH", "US", "GB", "SN", "ZZ").optional();
    }
}
