package org.piste.normal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

class IdentifiersProperties {
    @Property
    void idNumberIsOnlyUpperCaseAsciiLettersAndDigits(@ForAll String raw) {
        assertThat(Identifiers.idNumber(raw)).matches("[A-Z0-9]*");
    }

    @Property
    void idNumberIsIdempotent(@ForAll String raw) {
        String once = Identifiers.idNumber(raw);
        assertThat(Identifiers.idNumber(once)).isEqualTo(once);
    }

    @Property
    void asciiLettersAndDigitsAreKeptInOrderUpperCased(
            @ForAll @StringLength(max = 20) @CharRange(from = 'a', to = 'z') @CharRange(from = 'A', to = 'Z')
            @CharRange(from = '0', to = '9') @Chars({' ', '-', '.', '/'}) String raw) {
        String expected = raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        assertThat(Identifiers.idNumber(raw)).isEqualTo(expected);
    }

    @Example
    void examples() {
        assertThat(Identifiers.idNumber("p 12-345.678")).isEqualTo("P12345678");
        assertThat(Identifiers.idNumber("é12ñ")).isEqualTo("E12N");
        assertThat(Identifiers.idNumber("")).isEmpty();
        assertThat(Identifiers.email("  Maria.DelaCruz@Example.ORG ")).isEqualTo("maria.delacruz@example.org");
        assertThat(Identifiers.email("Not An@Address@Twice")).isEqualTo("NotAn@Address@Twice");
        // Nothing before or nothing after the '@': not an address either.
        assertThat(Identifiers.email("@Example.ORG")).isEqualTo("@Example.ORG");
        assertThat(Identifiers.email("Maria@")).isEqualTo("Maria@");
        assertThat(Identifiers.email("M@E")).as("one character each side is enough").isEqualTo("m@e");
    }
}
