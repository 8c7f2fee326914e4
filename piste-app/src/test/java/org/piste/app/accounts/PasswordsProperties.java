package org.piste.app.accounts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/** The password policy over many passwords (issue 16, sign-in). */
class PasswordsProperties {

    /** A common password, capitalised, with up to 4 digits (then 1, 2, 3... to the length) and a symbol: still refused. */
    @Property(tries = 200)
    void aCommonPasswordDressedUpIsRefused(@ForAll("common") String word, @ForAll @NumericChars @StringLength(min = 1, max = 4) String digits,
            @ForAll("symbols") String symbol) {
        String stem = Character.toUpperCase(word.charAt(0)) + word.substring(1) + digits;
        int missing = Math.max(0, Passwords.MIN_LENGTH - stem.length() - symbol.length());
        String padded = stem + "1234567890".substring(0, missing) + symbol;
        assertThatThrownBy(() -> Passwords.checkPolicy("jmartin", "Jeanne Martin", padded)).as(padded)
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<String> common() {
        return Arbitraries.of("password", "azerty", "motdepasse", "soleil", "marseille", "loulou", "doudou", "bonjour",
                "chocolat", "qwerty", "football", "princesse", "azertyuiop", "iloveyou", "sunshine");
    }

    @Provide
    Arbitrary<String> symbols() {
        return Arbitraries.of("", "!", "?", "*", ".", "$");
    }

    /** Whatever surrounds it, a password containing the username (in any case) is refused. */
    @Property(tries = 200)
    void anyPasswordContainingTheUsernameIsRefused(@ForAll @AlphaChars @StringLength(min = 3, max = 12) String name,
            @ForAll @StringLength(max = 20) String before, @ForAll @StringLength(min = 12, max = 20) String after,
            @ForAll boolean upper) {
        String username = name.toLowerCase(java.util.Locale.ROOT);
        String password = before + (upper ? username.toUpperCase(java.util.Locale.ROOT) : username) + after;
        assertThatThrownBy(() -> Passwords.checkPolicy(username, "Someone", password)).as(password)
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the password must not contain the username");
    }
}
