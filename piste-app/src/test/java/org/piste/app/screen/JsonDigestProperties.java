package org.piste.app.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Explanation keys are the SHA-256 of the JSON's UTF-8 bytes as {@code String.getBytes} makes them: the digest that
 * keeps its buffers must give the same, text after text, or every stored explanation would get a new key.
 */
class JsonDigestProperties {

    @Property(tries = 1000)
    void textAfterTextTheDigestIsThatOfTheStringsBytes(@ForAll("texts") List<String> texts) throws Exception {
        JsonDigest digest = new JsonDigest();
        for (String text : texts) {
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            assertThat(digest.of(new StringBuilder(text))).as(text).isEqualTo(expected);
        }
    }

    /** Hand-checked: SHA-256 of "[]"; a lone surrogate is hashed as "?" (what String.getBytes writes for it). */
    @Example
    void emptyListAndALoneSurrogate() throws Exception {
        JsonDigest digest = new JsonDigest();
        assertThat(java.util.HexFormat.of().formatHex(digest.of(new StringBuilder("[]"))))
                .isEqualTo("4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945");
        assertThat(digest.of(new StringBuilder("a\ud83db"))).isEqualTo(MessageDigest.getInstance("SHA-256").digest("a?b".getBytes()));
        String longer = "é".repeat(10_000) + "\ud83d\ude00"; // past the first buffers: they grow
        assertThat(digest.of(longer)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(longer.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<Character> special = Arbitraries.of('"', '\\', '\n', '\u0000', 'é', '€', '\ud83d', '\ude00', '\uffff');
        Arbitrary<String> text = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.chars().alpha().numeric().with('-', ' ', ':')),
                Tuple.of(2, special), Tuple.of(1, Arbitraries.chars())).list().ofMaxSize(9000).map(cs -> {
                    StringBuilder s = new StringBuilder();
                    cs.forEach(s::append);
                    return s.toString();
                });
        return text.list().ofMinSize(1).ofMaxSize(4);
    }
}
