package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** The fast path must agree with java.time on every input: same value, or defer to it. */
class IsoOffsetDateTimeProperties {

    @Property
    void agreesWithJavaTimeOnWellFormedValues(@ForAll @LongRange(min = -2_000_000_000L, max = 4_000_000_000L) long epochSecond,
            @ForAll @IntRange(min = -12 * 4, max = 14 * 4) int quarterHours) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarterHours * 900);
        OffsetDateTime expected = Instant.ofEpochSecond(epochSecond).atOffset(offset);
        String text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(expected);
        OffsetDateTime fast = IsoOffsetDateTime.parseOrNull(text);
        if (text.length() == 20 || text.length() == 25) {
            assertThat(fast).isEqualTo(OffsetDateTime.parse(text));
        } else {
            assertThat(fast).isNull(); // other shapes (fractions, seconds omitted) go to java.time
        }
    }

    @Property
    void neverAcceptsWhatJavaTimeRejects(@ForAll @StringLength(min = 20, max = 25) String text) {
        OffsetDateTime fast = IsoOffsetDateTime.parseOrNull(text);
        if (fast == null) return;
        OffsetDateTime reference;
        try {
            reference = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new AssertionError("fast path accepted '" + text + "' which java.time rejects");
        }
        assertThat(fast).isEqualTo(reference);
    }

    @Property
    void impossibleDatesAreLeftToTheGeneralParser(@ForAll @IntRange(min = 30, max = 31) int day) {
        assertThat(IsoOffsetDateTime.parseOrNull("2023-02-" + day + "T10:00:00+01:00")).isNull();
    }
}
