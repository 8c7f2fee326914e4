package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;

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

    /** The shape the fast path reads; anything else must be left to java.time. */
    private static final Pattern FAST_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");

    /** A well-formed stamp in the fast shape, of any year 0000-9999, any valid offset (whole minutes). */
    @Provide
    Arbitrary<String> isoStamps() {
        Arbitrary<LocalDateTime> local = Arbitraries.longs()
                .between(LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC),
                        LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC))
                .map(s -> LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC));
        Arbitrary<ZoneOffset> offset = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(ZoneOffset.UTC)),
                Tuple.of(3, Arbitraries.integers().between(-18 * 60, 18 * 60).map(m -> ZoneOffset.ofTotalSeconds(m * 60))));
        return Combinators.combine(local, offset).as((l, o) -> FAST_SHAPE_FORMAT.format(l.atOffset(o)));
    }

    private static final DateTimeFormatter FAST_SHAPE_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    /** A well-formed stamp with one character replaced, removed or inserted: the near misses a fast path can let in. */
    @Provide
    Arbitrary<String> nearIsoStamps() {
        Arbitrary<Character> stray = Arbitraries.of('0', '1', '2', '5', '9', '-', '+', ':', 'T', 't', 'Z', 'z', ' ', 'x',
                '/', '.', '\u0660', '\u00A0');
        return Combinators.combine(isoStamps(), Arbitraries.integers().between(0, 24), stray, Arbitraries.of(Edit.values()))
                .as((stamp, at, c, edit) -> edit.apply(stamp, at % stamp.length(), c));
    }

    enum Edit {
        REPLACE, REMOVE, INSERT;

        String apply(String s, int at, char c) {
            return switch (this) {
                case REPLACE -> s.substring(0, at) + c + s.substring(at + 1);
                case REMOVE -> s.substring(0, at) + s.substring(at + 1);
                case INSERT -> s.substring(0, at) + c + s.substring(at);
            };
        }
    }

    private static OffsetDateTime javaTimeOrNull(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException rejected) {
            return null;
        }
    }

    /**
     * The whole contract: in the fast shape, the fast path gives exactly what the strict java.time parser gives
     * (null where java.time rejects: 2024-02-30, hour 24, offset +19:00); in any other shape, null.
     */
    @Property
    void nearMissesAreReadExactlyAsJavaTimeReadsThemOrLeftToIt(@ForAll("nearIsoStamps") String text) {
        OffsetDateTime expected = FAST_SHAPE.matcher(text).matches() ? javaTimeOrNull(text) : null;
        String kind = expected != null ? "read" : FAST_SHAPE.matcher(text).matches() ? "invalid value" : "other shape";
        Statistics.label("case").collect(kind);
        // Most near misses must be refused, but enough must still be read for the comparison to mean something.
        Statistics.label("case").coverage(checker -> {
            checker.check("other shape").percentage(p -> p > 30);
            checker.check("read").percentage(p -> p > 5);
        });
        assertThat(IsoOffsetDateTime.parseOrNull(text)).as(text).isEqualTo(expected);
    }

    @Property
    void wellFormedStampsOfAnyYearAreRead(@ForAll("isoStamps") String text) {
        assertThat(IsoOffsetDateTime.parseOrNull(text)).as(text).isEqualTo(OffsetDateTime.parse(text));
    }

    /** Each position where a stray character must make the fast path refuse, even where java.time refuses too. */
    @Example
    void oneStrayCharacterAnywhereIsRefused() {
        String utc = "2024-01-15T10:00:00Z";
        String paris = "2024-01-15T10:00:00+01:00";
        for (String stamp : new String[] {utc, paris}) {
            for (int at = 0; at < stamp.length(); at++) {
                String broken = Edit.REPLACE.apply(stamp, at, 'x');
                assertThat(IsoOffsetDateTime.parseOrNull(broken)).as(broken).isNull();
            }
        }
        assertThat(IsoOffsetDateTime.parseOrNull("2024-01-15T10:00:00*01:00")).as("no sign").isNull();
        assertThat(IsoOffsetDateTime.parseOrNull("2024-01-15T10:00:00-01:30"))
                .isEqualTo(OffsetDateTime.of(2024, 1, 15, 10, 0, 0, 0, ZoneOffset.ofHoursMinutes(-1, -30)));
        assertThat(IsoOffsetDateTime.parseOrNull("2024-01-15T10:00:00+19:00")).as("beyond +18:00").isNull();
        assertThat(IsoOffsetDateTime.parseOrNull("2024-01-15T10:00:00+00:00"))
                .isEqualTo(OffsetDateTime.of(2024, 1, 15, 10, 0, 0, 0, ZoneOffset.UTC));
    }

    @Property
    void impossibleDatesAreLeftToTheGeneralParser(@ForAll @IntRange(min = 30, max = 31) int day) {
        assertThat(IsoOffsetDateTime.parseOrNull("2023-02-" + day + "T10:00:00+01:00")).isNull();
    }
}
