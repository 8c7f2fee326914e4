package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.piste.app.accounts.Passwords;

/** The demo's random passwords always pass the password policy (issue 16, sign-in: the policy got stricter). */
class DemoPasswordsProperties {

    @Property(tries = 300)
    void demoPasswordsPassThePolicy(@ForAll long seed) {
        String password = DemoAccounts.newPassword(new Random(seed));
        assertThatCode(() -> Passwords.checkPolicy("enqueteur2", "Enquêteur 2 (démo)", password)).as(password)
                .doesNotThrowAnyException();
        assertThatCode(() -> Passwords.checkPolicy("admin", "Administrateur (démo)", password)).as(password)
                .doesNotThrowAnyException();
    }
}
