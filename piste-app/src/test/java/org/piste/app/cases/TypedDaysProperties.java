package org.piste.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.piste.app.refusals.Refused;

/** A typed day: every ISO day reads back as itself, spaces around aside; anything else is refused, never guessed. */
class TypedDaysProperties {
    @Property
    void anIsoDayReadsBackAsItself(@ForAll @IntRange(min = 1900, max = 2100) int year,
            @ForAll @IntRange(min = 1, max = 366) int dayOfYear, @ForAll @IntRange(max = 3) int spaces) {
        LocalDate day = LocalDate.ofYearDay(year, Math.min(dayOfYear, LocalDate.of(year, 1, 1).lengthOfYear()));
        String pad = " ".repeat(spaces);
        assertThat(TypedDays.parse(pad + day + pad, "k")).isEqualTo(day);
        assertThat(TypedDays.optional(pad + day + pad, "k")).contains(day);
    }

    @Property
    void anythingElseIsRefusedWithTheFeaturesKeyAndAtMost40CharactersOfIt(@ForAll @StringLength(max = 80) String typed) {
        boolean iso;
        try {
            LocalDate.parse(typed.strip());
            iso = true;
        } catch (java.time.format.DateTimeParseException e) {
            iso = false;
        }
        if (iso) return;
        Refused r = catchThrowableOfType(Refused.class, () -> TypedDays.parse(typed, "request.badDate"));
        assertThat(r.key()).isEqualTo("request.badDate");
        assertThat(r.args()[0].toString().length()).isLessThanOrEqualTo(41);
    }

    @Property
    void blankIsNone(@ForAll @IntRange(max = 5) int spaces) {
        assertThat(TypedDays.optional(" ".repeat(spaces), "k")).isEmpty();
    }
}
