package org.piste.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Stored explanations are keyed by the SHA-256 of the JSON Piste writes: a string must be written exactly as it always
 * was, or every explanation is stored again under a new key.
 */
class JsonProperties {

    @Example
    void quotesBackslashesAndControlCharactersAreEscapedTheRestCopied() {
        assertThat(Json.string(new StringBuilder(), "réf \"MTO-1\"\\\n\r\t\u0001é\u0000").toString())
                .isEqualTo("\"réf \\\"MTO-1\\\"\\\\\\n\\r\\t\\u0001é\\u0000\"");
        assertThat(Json.string(new StringBuilder("x"), "").toString()).isEqualTo("x\"\"");
    }

    @Property(tries = 2000)
    void anyStringIsWrittenAsOneCharacterAtATimeWroteIt(@ForAll("texts") String value) {
        StringBuilder before = new StringBuilder("[1,");
        assertThat(Json.string(before, value).toString()).isEqualTo("[1," + oneAtATime(value));
    }

    @Provide
    Arbitrary<String> texts() {
        // Mostly what needs no escape, with the characters that do, and any other character now and then.
        Arbitrary<Character> special = Arbitraries.of('"', '\\', '\n', '\r', '\t', '\u0000', '\u001f', '\u0020', '\u007f',
                'é', '\ud83d', '\ude00');
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.chars().alpha().numeric().with('-', ' ', ':')),
                net.jqwik.api.Tuple.of(2, special), net.jqwik.api.Tuple.of(1, Arbitraries.chars()))
                .list().ofMaxSize(60).map(cs -> {
                    StringBuilder s = new StringBuilder();
                    cs.forEach(s::append);
                    return s.toString();
                });
    }

    /** The writer as it was before runs were copied whole: the oracle. */
    private static String oneAtATime(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) s.append(String.format("\\u%04x", (int) c)); else s.append(c);
                }
            }
        }
        return s.append('"').toString();
    }
}
