package org.piste.app.refusals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RefusedTest {
    @Test
    void englishIsTheMessageAndFrenchIsThePagesSentence() {
        Refused r = new Refused("referral.noSubject", "HSI-2024-0031", 1234);
        assertThat(r.getMessage()).isEqualTo("Referral HSI-2024-0031 has no subject 1234.");
        assertThat(r.in(Locale.FRENCH)).isEqualTo("Le signalement HSI-2024-0031 n'a pas de personne signalée n° 1234.");
        assertThat(r.in(Locale.ENGLISH)).isEqualTo(r.getMessage());
    }

    @Test
    void aSentenceWithoutArgumentsKeepsItsApostrophe() {
        assertThat(new Refused("account.displayName").in(Locale.FRENCH)).isEqualTo("Un compte a besoin d'un nom affiché.");
        assertThat(new Refused("referral.ruling", "maybe").getMessage())
                .isEqualTo("The decision must be 'accept' or 'reject', not 'maybe'.");
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(keys(Locale.FRENCH)).isEqualTo(keys(Locale.ENGLISH)).isNotEmpty();
    }

    /**
     * A key misspelt at a throw would fail only when that refusal happens: every key given to a refusal (a
     * {@code new X("case.closed")}, a {@code super(...)} or a checked line's key) is worded.
     */
    @Test
    void everyKeyTheCodeNamesIsWorded() throws IOException {
        Pattern use = Pattern.compile("(?:new \\w+\\(|super\\(|line\\([^,()]+, )\"([a-z]+(?:\\.[a-zA-Z]+)+)\"");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/piste/app"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                if (!text.contains("Refused") && !text.contains("BadParameterException")) continue;
                Matcher m = use.matcher(text);
                while (m.find()) named.add(m.group(1));
            }
        }
        assertThat(named).hasSizeGreaterThan(10);
        assertThat(keys(Locale.FRENCH)).containsAll(named);
    }

    /** The keys written in that language's own file (a bundle's keySet would include its French parent's). */
    private static Set<String> keys(Locale locale) {
        String file = "/" + Refused.BUNDLE + (locale.equals(Locale.FRENCH) ? "" : "_" + locale.getLanguage()) + ".properties";
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(RefusedTest.class.getResourceAsStream(file), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keys = new TreeSet<>();
        for (String k : p.stringPropertyNames()) keys.add(k.substring("refused.".length()));
        return keys;
    }
}
