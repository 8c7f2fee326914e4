package org.piste.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RecordIdProperties {
    @Property
    void everyIdReadsBackFromItsText(@ForAll @LongRange(min = 0, max = RecordId.MAX_TRANSFER_ID) long transfer, @ForAll Side side) {
        RecordId id = new RecordId(transfer, side);
        assertThat(RecordId.parse(id.toString())).contains(id);
        assertThat(EntityId.parse(id.toString())).contains(new EntityId(id));
    }

    /** Analysts type ids with spaces around, a lower-case letter, leading zeros: the same record. */
    @Property
    void anIdTypedLooselyIsTheSameRecord(@ForAll @LongRange(min = 0, max = 999_999_999_999L) long transfer, @ForAll Side side,
            @ForAll @IntRange(max = 5) int zeros, @ForAll boolean lowerCase, @ForAll("blanks") String before,
            @ForAll("blanks") String after) {
        char letter = lowerCase ? Character.toLowerCase(side.letter()) : side.letter();
        String typed = before + "0".repeat(zeros) + transfer + ":" + letter + after;
        assertThat(RecordId.parse(typed)).contains(new RecordId(transfer, side));
    }

    @Property
    void malformedTextNamesNoRecord(@ForAll("malformed") String text) {
        assertThat(RecordId.parse(text)).isEmpty();
        assertThat(EntityId.parse(text)).isEmpty();
    }

    /** However loosely an id is typed, it is written back one way: digits without leading zeros, an upper-case side. */
    @Property
    void anIdIsWrittenOneWay(@ForAll @LongRange(min = 0, max = 999_999_999_999L) long transfer, @ForAll Side side,
            @ForAll @IntRange(max = 5) int zeros, @ForAll boolean lowerCase, @ForAll("blanks") String before) {
        char letter = lowerCase ? Character.toLowerCase(side.letter()) : side.letter();
        RecordId id = RecordId.parse(before + "0".repeat(zeros) + transfer + ":" + letter).orElseThrow();
        assertThat(id.toString()).isEqualTo(transfer + ":" + side.letter()).matches("(0|[1-9]\\d*):[SR]");
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.strings().withChars(' ', '\t', '\n').ofMaxLength(3);
    }

    /** Near misses: a sign, another letter, no colon or two, 19 digits, a space inside, non-ASCII digits, extra text. */
    @Provide
    Arbitrary<String> malformed() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(18);
        Arbitrary<Character> otherLetter = Arbitraries.chars().with("ABCDEFGHIJKLMNOPQTUVWXYZabcdxyz0:-_ ".toCharArray());
        Arbitrary<String> side = Arbitraries.of("S", "R", "s", "r");
        return Arbitraries.oneOf(
                digits.map(d -> "-" + d + ":S"),
                digits.map(d -> "+" + d + ":R"),
                Arbitraries.strings().numeric().ofLength(19).map(d -> "1" + d.substring(1) + ":S"),
                net.jqwik.api.Combinators.combine(digits, otherLetter).as((d, c) -> d + ":" + c),
                net.jqwik.api.Combinators.combine(digits, side).as((d, s) -> d + s),
                net.jqwik.api.Combinators.combine(digits, side).as((d, s) -> d + "::" + s),
                net.jqwik.api.Combinators.combine(digits, side).as((d, s) -> d + " :" + s),
                net.jqwik.api.Combinators.combine(digits, side).as((d, s) -> d + ":" + s + "x"),
                net.jqwik.api.Combinators.combine(digits, side).as((d, s) -> d + ":" + s + ":" + s),
                side.map(s -> ":" + s),
                digits.map(d -> d + ":"),
                digits.map(d -> d.replace('1', '\u0661').replace('0', '\u0660') + "\u0661:S"),
                Arbitraries.of("", " ", "S", "R", ":", "12", "12:SR", "1e3:S", "0x1F:S", "١٢:S"));
    }
}
