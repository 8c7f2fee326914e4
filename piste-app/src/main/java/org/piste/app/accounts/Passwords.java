package org.piste.app.accounts;

import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing (Argon2id, tagged so the scheme can change later) and the password policy. */
public final class Passwords {
    public static final int MIN_LENGTH = 12;

    private Passwords() {}

    public static PasswordEncoder encoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    /** Throws with a reason a user can act on when the password is too weak. */
    public static void checkPolicy(String username, CharSequence password) {
        String p = password.toString();
        if (p.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the password must have at least " + MIN_LENGTH + " characters");
        }
        if (p.toLowerCase(java.util.Locale.ROOT).contains(username.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("the password must not contain the username");
        }
        if (p.chars().distinct().count() < 6) {
            throw new IllegalArgumentException("the password must use at least 6 different characters");
        }
    }
}
