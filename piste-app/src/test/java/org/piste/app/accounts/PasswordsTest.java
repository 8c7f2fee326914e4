package org.piste.app.accounts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 16 (sign-in): the policy refuses passwords that are long enough but easy to guess, and says what to do. */
class PasswordsTest {

    private static void refused(String password, String why) {
        assertThatThrownBy(() -> Passwords.checkPolicy("jmartin", "Jeanne Martin", password)).as(password)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(why);
    }

    @Test
    void commonPasswordsWithDigitsAndCapitalsAreRefused() {
        refused("Password1234", "too easy to guess");
        refused("Azerty123456!", "too easy to guess");
        refused("Motdepasse123!", "too easy to guess");
        refused("Marseille2024!", "too easy to guess");
        refused("Gendarmerie75!", "too easy to guess");
    }

    @Test
    void theAccountsOwnNamesAndKeyboardRowsAreRefused() {
        refused("JeanneMartin1!", "too easy to guess");
        refused("qwertyuiop123", "too easy to guess");
    }

    @Test
    void theRefusalSaysWhatToDo() {
        refused("Password1234", "similar to a commonly used password");
        refused("Password1234", "use a passphrase of several unrelated words");
    }

    @Test
    void passphrasesAndRandomPasswordsAreAccepted() {
        assertThatCode(() -> Passwords.checkPolicy("jmartin", "Jeanne Martin", "trois chats gris dorment au grenier"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Passwords.checkPolicy("jmartin", "Jeanne Martin", "correct-horse-battery-staple"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Passwords.checkPolicy("jmartin", "Jeanne Martin", "xK7pQ2mNv9LwR4tH"))
                .doesNotThrowAnyException();
    }

    @Test
    void theEarlierRulesStay() {
        refused("short-one", "at least 12 characters");
        refused("my-jmartin-is-long-enough", "must not contain the username");
        refused("abababababababab", "6 different characters");
        refused("x".repeat(100) + "-Qz7!".repeat(40), "at most 256 characters");
    }
}
