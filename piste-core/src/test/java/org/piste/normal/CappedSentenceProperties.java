package org.piste.normal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Issue 16, 5: an error sentence quoting a huge value is cut to a few hundred characters, saying how long it was. */
class CappedSentenceProperties {

    @Property
    void aShortSentenceIsKeptWhole(@ForAll @StringLength(max = Text.SENTENCE_MAX) String sentence) {
        assertThat(Text.capped(sentence)).isEqualTo(sentence);
    }

    @Property
    void aLongSentenceIsItsBeginningAndItsLength(@ForAll @StringLength(min = Text.SENTENCE_MAX + 1, max = 5000) String sentence) {
        String capped = Text.capped(sentence);
        assertThat(capped).hasSizeLessThanOrEqualTo(Text.SENTENCE_MAX + 40)
                .endsWith("… (" + sentence.length() + " characters in all)");
        String kept = capped.substring(0, capped.lastIndexOf("… ("));
        assertThat(sentence).startsWith(kept);
        assertThat(kept.length()).isBetween(Text.SENTENCE_MAX - 1, Text.SENTENCE_MAX);
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).as("a surrogate pair is never cut").isFalse();
    }

    @Property
    void aPairAtTheCutIsKeptOrDroppedWhole(@ForAll @IntRange(min = 0, max = 3) int shift) {
        String sentence = "a".repeat(Text.SENTENCE_MAX - 2 + shift) + "😀".repeat(200);
        String kept = Text.capped(sentence).substring(0, Text.capped(sentence).lastIndexOf("… ("));
        assertThat(kept.codePoints().allMatch(c -> c == 'a' || c == 0x1F600)).isTrue();
    }
}
