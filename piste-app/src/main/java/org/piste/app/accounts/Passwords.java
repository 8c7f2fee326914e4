package org.piste.app.accounts;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing (Argon2id, tagged so the scheme can change later) and the one password policy: at least
 * {@value #MIN_LENGTH} characters, not the username, and hard to guess by zxcvbn's estimate: at least 10^{@value
 * #MIN_GUESSES_LOG10} guesses. That is zxcvbn's score 3 (10^8) with a margin: the passwords just above 10^8 are a
 * common word with a few digits ("Azerty01234!"). zxcvbn knows the common passwords, words, names, keyboard rows,
 * dates and sequences; we add French common passwords and the trade's own words, and the user's username and
 * display name.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    public static final int MIN_GUESSES_LOG10 = 9;
    /** zxcvbn's time grows fast with the length; a prefix this long is measured (never stronger than the whole). */
    static final int MEASURED = 64;

    private Passwords() {}

    public static PasswordEncoder encoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    /**
     * The policy's refusal, saying what to do: an English sentence (the message, for the console and the API) and a
     * message key with its arguments (i18n/messages), for pages in the reader's language.
     */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final transient List<Object> arguments;
        private final transient Optional<Feedback> feedback;

        private Refused(String message, String key, List<Object> arguments, Optional<Feedback> feedback) {
            super(message);
            this.key = key;
            this.arguments = arguments;
            this.feedback = feedback;
        }

        private Refused(String message, String key, Object... arguments) {
            this(message, key, List.of(arguments), Optional.empty());
        }

        public String key() {
            return key;
        }

        /** The message's arguments in this language: zxcvbn's warning and suggestion are in it when zxcvbn has it. */
        public Object[] arguments(Locale locale) {
            return feedback.map(f -> new Object[] {sentence(f.getWarning(locale)), sentence(
                    f.getSuggestions(locale).stream().findFirst().orElse(""))}).orElseGet(arguments::toArray);
        }

        /** "Text. " of a sentence with or without its period; "" of none. */
        private static String sentence(String s) {
            if (s == null || s.isBlank()) return "";
            String t = s.strip();
            return t.endsWith(".") ? t + " " : t + ". ";
        }
    }

    /** Throws {@link Refused} when the password is too weak for this account. */
    public static void checkPolicy(String username, String displayName, CharSequence password) {
        String p = password.toString();
        if (p.length() < MIN_LENGTH) {
            throw new Refused("the password must have at least " + MIN_LENGTH + " characters", "password.short",
                    MIN_LENGTH);
        }
        if (p.length() > MAX_LENGTH) {
            throw new Refused("the password must have at most " + MAX_LENGTH + " characters", "password.long",
                    MAX_LENGTH);
        }
        if (p.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new Refused("the password must not contain the username", "password.username");
        }
        if (p.chars().distinct().count() < 6) {
            throw new Refused("the password must use at least 6 different characters", "password.variety", 6);
        }
        Strength strength = Estimator.ZXCVBN.measure(p.substring(0, Math.min(p.length(), MEASURED)),
                userInputs(username, displayName));
        if (strength.getGuessesLog10() < MIN_GUESSES_LOG10) {
            throw new Refused(advice(strength), "password.guessable", List.of(), Optional.of(strength.getFeedback()));
        }
    }

    /** The words of this account an attacker would try first. */
    private static List<String> userInputs(String username, String displayName) {
        List<String> inputs = new ArrayList<>(List.of(username));
        String name = displayName.toLowerCase(Locale.ROOT);
        inputs.add(name.replaceAll("[^\\p{L}\\p{N}]", "")); // "Jeanne Martin" as "jeannemartin"
        for (String word : name.split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3) inputs.add(word);
        }
        return inputs;
    }

    /** One sentence: why (zxcvbn's warning, when it has one) and what to do (its first suggestion, then ours). */
    private static String advice(Strength strength) {
        String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
        List<String> suggestions = strength.getFeedback().getSuggestions(Locale.ENGLISH);
        StringBuilder s = new StringBuilder("the password is too easy to guess");
        if (warning != null && !warning.isBlank()) s.append(" (").append(strip(warning)).append(")");
        s.append(": ");
        if (!suggestions.isEmpty()) s.append(strip(suggestions.getFirst())).append("; ");
        return s.append("use a passphrase of several unrelated words, e.g. four words of a sentence only you would write")
                .toString();
    }

    private static String strip(String sentence) {
        String s = sentence.strip();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Built once: loading the dictionaries takes a moment; measuring is thread-safe. */
    private static final class Estimator {
        static final Zxcvbn ZXCVBN = build();

        private static Zxcvbn build() {
            try {
                return new ZxcvbnBuilder().dictionaries(StandardDictionaries.loadAllDictionaries())
                        .keyboards(StandardKeyboards.loadAllKeyboards())
                        .dictionary(new Dictionary("common_fr", commonFrench())).build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the password dictionaries", e);
            }
        }

        /** French common passwords and the trade's words, most common first (zxcvbn ranks by position). */
        private static List<String> commonFrench() throws IOException {
            try (InputStream in = Passwords.class.getResourceAsStream("common-passwords-fr.txt")) {
                if (in == null) throw new IOException("common-passwords-fr.txt is missing");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                        .filter(l -> !l.isEmpty()).toList();
            }
        }
    }
}
