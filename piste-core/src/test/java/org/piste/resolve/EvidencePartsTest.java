package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evidence split into stored parts: malformed lists and parts are refused with a reason, never stored wrong. */
class EvidencePartsTest {
    private static List<Evidence> missingEverywhere() {
        return EvidenceParts.join(0, new double[EvidenceParts.FIELDS + 1], blank(), blank());
    }

    private static String[] blank() {
        String[] v = new String[EvidenceParts.FIELDS];
        java.util.Arrays.fill(v, "");
        return v;
    }

    @Test
    void everyLevelOfEveryFieldSurvivesTheRoundTrip() {
        for (Comparison c : Comparison.ALL) {
            for (int level = 0; level < c.levelCount(); level++) {
                long packed = (long) level << (c.ordinal() * Comparison.BITS);
                List<Evidence> e = EvidenceParts.join(packed, new double[EvidenceParts.FIELDS + 1], blank(), blank());
                assertThat(e.get(1 + c.ordinal()).level()).isEqualTo(c.levels[level]);
                assertThat(EvidenceParts.levels(e)).isEqualTo(packed);
            }
        }
    }

    @Test
    void namesReadSwappedSurviveTheRoundTripAndOnlyBothNameFieldsCarryIt() {
        long packed = Comparison.SWAPPED | 1L << (Comparison.GIVEN.ordinal() * Comparison.BITS)
                | 3L << (Comparison.SURNAME.ordinal() * Comparison.BITS) | 1L << (Comparison.PHONE.ordinal() * Comparison.BITS);
        List<Evidence> e = EvidenceParts.join(packed, new double[EvidenceParts.FIELDS + 1], blank(), blank());
        assertThat(e.get(1 + Comparison.GIVEN.ordinal()).level()).isEqualTo("exact, names read swapped");
        assertThat(e.get(1 + Comparison.SURNAME.ordinal()).level()).isEqualTo("similar, names read swapped");
        assertThat(e.get(1 + Comparison.PHONE.ordinal()).level()).isEqualTo("exact");
        assertThat(EvidenceParts.levels(e)).isEqualTo(packed);

        List<Evidence> oneSided = new ArrayList<>(e);
        oneSided.set(2, new Evidence("surname", "", "", "similar", 0));
        assertThatThrownBy(() -> EvidenceParts.levels(oneSided)).hasMessageContaining("one name field only");
        List<Evidence> onPhone = new ArrayList<>(missingEverywhere());
        onPhone.set(1 + Comparison.PHONE.ordinal(), new Evidence("phone", "", "", "exact, names read swapped", 0));
        assertThatThrownBy(() -> EvidenceParts.levels(onPhone)).hasMessageContaining("no level 'exact, names read swapped'");
    }

    @Test
    void anIdentifierSharedWithOtherNamesSurvivesTheRoundTripOnIdentifierFieldsOnly() {
        long packed = Comparison.sharedFlag(Comparison.EMAIL) | 1L << (Comparison.EMAIL.ordinal() * Comparison.BITS)
                | 1L << (Comparison.PHONE.ordinal() * Comparison.BITS);
        List<Evidence> e = EvidenceParts.join(packed, new double[EvidenceParts.FIELDS + 1], blank(), blank());
        assertThat(e.get(1 + Comparison.EMAIL.ordinal()).level()).isEqualTo("exact, shared with other persons");
        assertThat(e.get(1 + Comparison.PHONE.ordinal()).level()).isEqualTo("exact");
        assertThat(EvidenceParts.levels(e)).isEqualTo(packed);
        List<Evidence> onCity = new ArrayList<>(missingEverywhere());
        onCity.set(1 + Comparison.CITY.ordinal(), new Evidence("city", "", "", "exact, shared with other persons", 0));
        assertThatThrownBy(() -> EvidenceParts.levels(onCity)).hasMessageContaining("no level 'exact, shared with other persons'");
    }

    @Test
    void aListWithoutTheResolversFieldsIsRefused() {
        List<Evidence> shortList = new ArrayList<>(missingEverywhere());
        shortList.remove(shortList.size() - 1);
        assertThatThrownBy(() -> EvidenceParts.levels(shortList)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got " + EvidenceParts.FIELDS + " entries");
        List<Evidence> renamed = new ArrayList<>(missingEverywhere());
        renamed.set(3, new Evidence("nickname", "", "", "missing", 0));
        assertThatThrownBy(() -> EvidenceParts.weights(renamed)).hasMessageContaining("'nickname'");
    }

    @Test
    void anUnknownLevelIsRefusedRatherThanStoredAsAnother() {
        List<Evidence> e = new ArrayList<>(missingEverywhere());
        e.set(1, new Evidence("given names", "a", "b", "almost", 1.0));
        assertThatThrownBy(() -> EvidenceParts.levels(e)).hasMessageContaining("no level 'almost'");
        long beyond = 7; // given names have fewer levels than 3 bits can hold
        assertThatThrownBy(() -> EvidenceParts.join(beyond, new double[EvidenceParts.FIELDS + 1], blank(), blank()))
                .hasMessageContaining("no level 7");
    }

    /** FNV-1a over each value's characters then its length plus 2^16 (reference values from an independent FNV-1a). */
    @Test
    void theHashOfARecordsValuesIsFnv1aOverTheValuesAndTheirLengths() {
        assertThat(EvidenceParts.hash(new String[0])).isEqualTo(0xcbf29ce484222325L); // the offset basis, nothing hashed
        assertThat(EvidenceParts.hash(new String[] {"a"})).isEqualTo(548281401872610199L);
        assertThat(EvidenceParts.hash(new String[] {"a", "b"})).isEqualTo(4208953163118104458L);
        assertThat(EvidenceParts.hash(new String[] {"ab", ""})).as("lengths tell values apart").isEqualTo(-7468492650528399192L);
        assertThat(EvidenceParts.hash(new String[] {"b", "a"})).isEqualTo(591929450884130594L);
    }

    @Test
    void partsOfTheWrongSizeAndLevelsBeyondAFieldsAreRefused() {
        assertThatThrownBy(() -> EvidenceParts.join(0, new double[EvidenceParts.FIELDS], blank(), blank()))
                .hasMessage("evidence parts for 12 fields expected, got 11 weights and 12 / 12 values");
        assertThatThrownBy(() -> EvidenceParts.join(0, new double[EvidenceParts.FIELDS + 1], new String[3], blank()))
                .hasMessage("evidence parts for 12 fields expected, got 12 weights and 3 / 12 values");
        assertThatThrownBy(() -> EvidenceParts.join(0, new double[EvidenceParts.FIELDS + 1], blank(), new String[13]))
                .hasMessage("evidence parts for 12 fields expected, got 12 weights and 12 / 13 values");
        long sixth = 6; // given names' levels are 0 to 5
        assertThatThrownBy(() -> EvidenceParts.join(sixth, new double[EvidenceParts.FIELDS + 1], blank(), blank()))
                .hasMessage("field 'given names' has no level 6");
        assertThatThrownBy(() -> EvidenceParts.levels(List.of())).hasMessage("evidence is the prior then 12 fields; got 0 entries starting with ''");
        List<Evidence> renamed = new ArrayList<>(missingEverywhere());
        renamed.set(3, new Evidence("nickname", "", "", "missing", 0));
        assertThatThrownBy(() -> EvidenceParts.values(renamed, true)).hasMessage("evidence entry 3 is 'nickname', not 'middle name'");
    }

    @Test
    void onlyTheSurnameReadSwappedIsRefusedToo() {
        List<Evidence> e = new ArrayList<>(missingEverywhere());
        e.set(1, new Evidence("given names", "", "", "exact", 0));
        e.set(2, new Evidence("surname", "", "", "exact, names read swapped", 0));
        assertThatThrownBy(() -> EvidenceParts.levels(e)).hasMessageContaining("one name field only");
    }
}
