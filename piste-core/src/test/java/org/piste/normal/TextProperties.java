package org.piste.normal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TextProperties {
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Names with every kind of space and combining accents mixed in. */
    @Provide
    Arbitrary<String> messyText() {
        Arbitrary<Character> letters = Arbitraries.chars().with("aeiouAEIOUñÑçÇéÉ-'.DLCRZMTNjp0123456789".toCharArray());
        Arbitrary<Character> spaces = Arbitraries.chars().with(' ', '\t', '\n', '\r', '\u00A0', '\u2007', '\u202F',
                '\u3000', '\u2028', '\u000B', '\u001F', '\u2003');
        Arbitrary<Character> marks = Arbitraries.chars().with('\u0301', '\u0300', '\u0303', '\u0327', '\u0308');
        Arbitrary<Character> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, letters), net.jqwik.api.Tuple.of(3, spaces), net.jqwik.api.Tuple.of(1, marks));
        return Arbitraries.oneOf(any.list().ofMaxSize(30).map(TextProperties::join), Arbitraries.strings());
    }

    private static String join(java.util.List<Character> chars) {
        StringBuilder b = new StringBuilder();
        chars.forEach(b::append);
        return b.toString();
    }

    @Property
    void cleanIsIdempotent(@ForAll("messyText") String raw) {
        String once = Text.clean(raw);
        assertThat(Text.clean(once)).isEqualTo(once);
    }

    @Property
    void cleanLeavesNoLeadingTrailingOrDoubleSpacesAndOnlyPlainSpaces(@ForAll("messyText") String raw) {
        String clean = Text.clean(raw);
        if (clean.isEmpty()) return;
        assertThat(isSpace(clean.charAt(0))).as("leading space in '%s'", clean).isFalse();
        assertThat(isSpace(clean.charAt(clean.length() - 1))).as("trailing space in '%s'", clean).isFalse();
        assertThat(clean).doesNotContain("  ");
        for (char c : clean.toCharArray()) {
            if (isSpace(c)) assertThat(c).as("only U+0020 separates words").isEqualTo(' ');
        }
    }

    @Property
    void cleanKeepsEveryOtherCharacterInOrderInNfc(@ForAll("messyText") String raw) {
        String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder expected = new StringBuilder();
        for (char c : nfc.toCharArray()) if (!isSpace(c)) expected.append(c);
        assertThat(Text.clean(raw).replace(" ", "")).isEqualTo(expected.toString());
        assertThat(Normalizer.isNormalized(Text.clean(raw), Normalizer.Form.NFC)).isTrue();
    }

    /** Plain ASCII with control characters and every ASCII space: the fast path's territory, and its edges. */
    @Provide
    Arbitrary<String> asciiText() {
        return Arbitraries.strings().withChars("aZ09-'!~ \t\n\r\u000B\f\u001C\u001F\u0000\u0007\u007F".toCharArray())
                .ofMaxLength(12);
    }

    /** The words (runs of characters that are not spaces) joined by single spaces: what clean means for ASCII. */
    private static String words(String raw) {
        StringBuilder out = new StringBuilder();
        StringBuilder word = new StringBuilder();
        for (char c : (raw + ' ').toCharArray()) {
            if (!isSpace(c)) {
                word.append(c);
            } else if (word.length() > 0) {
                if (out.length() > 0) out.append(' ');
                out.append(word);
                word.setLength(0);
            }
        }
        return out.toString();
    }

    @Property
    void asciiTextIsCleanedAndFoldedLikeAnyOther(@ForAll("asciiText") String raw) {
        assertThat(Text.clean(raw)).isEqualTo(words(raw));
        assertThat(Text.foldKey(raw)).isEqualTo(words(raw).toUpperCase(java.util.Locale.ROOT));
    }

    /** Clean ASCII is returned as it is; the edges of "clean" are what a fast path gets wrong. */
    @Example
    void asciiEdges() {
        assertThat(Text.clean("a\tb")).isEqualTo("a b");
        assertThat(Text.clean("a\u001Fb")).as("U+001F is a separator to Java").isEqualTo("a b");
        assertThat(Text.clean("a\u0007b")).as("a bell is not a space: kept").isEqualTo("a\u0007b");
        assertThat(Text.clean(" a")).isEqualTo("a");
        assertThat(Text.clean("a ")).isEqualTo("a");
        assertThat(Text.clean("a  b")).isEqualTo("a b");
        assertThat(Text.clean("a b!~")).isEqualTo("a b!~");
        assertThat(Text.foldKey("  montant\tenvoye ")).isEqualTo("MONTANT ENVOYE");
        assertThat(Text.foldKey(null)).isEmpty();
        assertThat(Text.foldKey("")).isEmpty();
    }

    @Example
    void examples() {
        assertThat(Text.clean("  Maria\u00A0\u00A0Dela\tCruz \n")).isEqualTo("Maria Dela Cruz");
        assertThat(Text.clean("Jose\u0301")).isEqualTo("José");
        assertThat(Text.clean(null)).isEmpty();
        assertThat(Text.clean(" \t\u00A0 ")).isEmpty();
        assertThat(Text.foldKey("Côte d’Ivoire")).isEqualTo("COTE D’IVOIRE");
        assertThat(Text.foldKey("  Montant   envoyé ")).isEqualTo("MONTANT ENVOYE");
    }
}
