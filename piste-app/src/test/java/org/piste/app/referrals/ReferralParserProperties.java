package org.piste.app.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What a referrals file may say in its references, and that no input fails in any other way than a sentence. */
class ReferralParserProperties {

    private static String file(String ref, String name) {
        return "[{\"referral_ref\": " + json(ref) + ", \"agency\": \"NCA\", \"date\": \"2024-05-02\", "
                + "\"subjects\": [{\"role\": \"BUYER\", \"name\": " + json(name) + "}]}]";
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.chars().forEach(c -> out.append(c == '"' || c == '\\' || c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }

    @Property
    void aReferenceOfTheAllowedCharactersIsRead(@ForAll("goodRefs") String ref) {
        assertThat(ReferralParser.parse("r.json", file(ref, "Ariel Sampol"))).singleElement()
                .satisfies(r -> assertThat(r.ref()).isEqualTo(ref));
    }

    /** A reference with a character outside the set (a '/', a space, a NUL...) or too long is refused, never stored. */
    @Property
    void anyOtherReferenceIsRefusedInASentence(@ForAll("goodRefs") String good, @ForAll("otherChars") char other,
            @ForAll boolean atStart) {
        String ref = atStart ? other + good : good + other;
        assertThatThrownBy(() -> ReferralParser.parse("r.json", file(ref, "Ariel Sampol")))
                .isInstanceOf(ReferralFormatException.class).hasMessageStartingWith("r.json: referral 0");
        assertThatThrownBy(() -> ReferralParser.parse("r.json", file(good + "A".repeat(65 - good.length()), "Ariel Sampol")))
                .isInstanceOf(ReferralFormatException.class).hasMessageContaining("1 to 64");
    }

    /** Whatever the bytes, the parser reads referrals or refuses the file in one sentence naming it. */
    @Property
    void anyBytesAreReadOrRefusedInASentence(@ForAll byte[] bytes) {
        try {
            List<Referral> read = ReferralParser.parse("r.json", bytes);
            assertThat(read).isNotNull();
        } catch (ReferralFormatException e) {
            assertThat(e.getMessage()).startsWith("r.json: ").doesNotContain("\n");
        }
    }

    /** A name with a NUL anywhere is refused (the database stores no NUL), other characters are kept. */
    @Property
    void aNameWithANulIsRefused(@ForAll("names") String before, @ForAll("names") String after) {
        assertThatThrownBy(() -> ReferralParser.parse("r.json", (file("NCA-1", before + "\u0000" + after))
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(ReferralFormatException.class)
                .hasMessage("r.json: referral 0 (NCA-1), subject 0: 'name' contains a NUL character");
    }

    @Provide
    Arbitrary<String> goodRefs() {
        Arbitrary<Character> first = Arbitraries.chars().range('A', 'Z').range('a', 'z').range('0', '9');
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').withCharRange('0', '9')
                .withChars('-', '_', '.').ofMaxLength(63);
        return net.jqwik.api.Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    @Provide
    Arbitrary<Character> otherChars() {
        return Arbitraries.chars().all().filter(c -> !(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_' && c != '.'
                && !Character.isSurrogate(c) && !Character.isWhitespace(c));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().all().ofMaxLength(20).filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)))
                .map(s -> "N" + s.replace("\u0000", "") + "N");
    }
}
