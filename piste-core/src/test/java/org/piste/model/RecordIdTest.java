package org.piste.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The edge cases of record ids as the application has always read them (its RecordIds, now this). */
class RecordIdTest {
    @Test
    void anIdIsTheTransferAndTheSideLetter() {
        assertThat(new RecordId(12, Side.SENDER)).hasToString("12:S");
        assertThat(new RecordId(12, Side.RECIPIENT)).hasToString("12:R");
        assertThat(new EntityId(new RecordId(40, Side.RECIPIENT))).hasToString("40:R");
    }

    @Test
    void zeroIsATransferIdANegativeNumberIsNot() {
        assertThat(RecordId.parse("0:S")).contains(new RecordId(0, Side.SENDER));
        assertThat(RecordId.parse("-1:S")).isEmpty();
        assertThat(RecordId.parse("-0:R")).isEmpty();
        assertThatThrownBy(() -> new RecordId(-1, Side.SENDER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lowerCaseLettersSpacesAroundAndLeadingZerosAreAccepted() {
        assertThat(RecordId.parse("12:s")).contains(new RecordId(12, Side.SENDER));
        assertThat(RecordId.parse(" 12:r\t")).contains(new RecordId(12, Side.RECIPIENT));
        assertThat(RecordId.parse("007:S")).map(RecordId::toString).contains("7:S");
    }

    @Test
    void eighteenDigitsAreTheMost() {
        assertThat(RecordId.parse("999999999999999999:R")).contains(new RecordId(RecordId.MAX_TRANSFER_ID, Side.RECIPIENT));
        assertThat(RecordId.parse("1000000000000000000:R")).isEmpty();
        assertThat(RecordId.parse("9223372036854775807:S")).as("Long.MAX_VALUE has 19 digits").isEmpty();
        assertThatThrownBy(() -> new RecordId(RecordId.MAX_TRANSFER_ID + 1, Side.SENDER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherTextIsNoRecord() {
        for (String text : new String[] {"", "12", "12:", ":S", "12:X", "12S", "12 :S", "12: S", "12:S:R", "t9:S", "12:SR"}) {
            assertThat(RecordId.parse(text)).as(text).isEmpty();
            assertThat(EntityId.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void anyTransferKeyIsWrittenTheSameWay() {
        assertThat(RecordId.written("t9", Side.SENDER)).isEqualTo("t9:S");
        assertThat(RecordId.written("12", Side.RECIPIENT)).isEqualTo(new RecordId(12, Side.RECIPIENT).toString());
    }

    @Test
    void aSideIsReadFromItsUpperCaseLetter() {
        assertThat(Side.ofLetter('S')).contains(Side.SENDER);
        assertThat(Side.ofLetter('R')).contains(Side.RECIPIENT);
        assertThat(Side.ofLetter('s')).isEmpty();
        assertThat(Side.SENDER.letter()).isEqualTo('S');
    }
}
