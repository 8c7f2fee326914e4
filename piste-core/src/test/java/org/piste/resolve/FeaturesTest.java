package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A record's comparable forms; the growable int list behind the resolver's rows. */
class FeaturesTest {

    private static Features names(String given, String surname, String fullName) {
        return new Features(new PersonRecord("r", given, "", surname, fullName, Optional.empty(), "", "", "", "", "", "", ""));
    }

    @Test
    void aNameInOnePieceIsReadOnlyWhenNeitherPartIsGiven() {
        Features split = names("", "", "Juan dela Cruz");
        assertThat(split.givenKey).isEqualTo("juan");
        assertThat(split.surnameKey).isEqualTo("delacruz");
        assertThat(split.surnameCore).isEqualTo("cruz");
        assertThat(split.swappedGivenKey).isEqualTo("dela cruz");
        assertThat(split.swappedSurnameKey).isEqualTo("juan");
        Features given = names("Ana", "", "Juan dela Cruz");
        assertThat(given.givenKey).isEqualTo("ana");
        assertThat(given.surnameKey).isEmpty();
        Features surname = names("", "Reyes", "Juan dela Cruz");
        assertThat(surname.givenKey).isEmpty();
        assertThat(surname.surnameKey).isEqualTo("reyes");
        assertThat(surname.surnamePhonetic).isEqualTo("RS");
        assertThat(surname.swappedSurnamePhonetic).isEmpty();
    }

    @Test
    void theSparseSignatureNeedsBothNamesNoStrongIdentifierAndACounterpartGroup() {
        assertThat(names("Maria", "Cruz", "").sparseSignature(0)).isNotNull();
        assertThat(names("Maria", "Cruz", "").sparseSignature(-1)).isNull();
        assertThat(names("Maria", "", "").sparseSignature(0)).isNull();
        assertThat(names("", "Cruz", "").sparseSignature(0)).isNull();
        Features phone = new Features(new PersonRecord("r", "Maria", "", "Cruz", "", Optional.empty(), "", "+639170000001", "", "", "",
                "", ""));
        assertThat(phone.sparseSignature(0)).isNull();
        assertThat(phone.signature()).isNotNull();
        assertThat(names("Maria", "Cruz", "").signature()).isNull();
    }

    @Test
    void anIntListHoldsWhatWasAddedAndRefusesToSetBeyondIt() {
        IntList list = new IntList();
        for (int i = 0; i < 40; i++) list.add(i * 3);
        assertThat(list.size()).isEqualTo(40);
        list.set(39, 7);
        assertThat(list.get(39)).isEqualTo(7);
        assertThat(list.toArray()).hasSize(40).startsWith(0, 3, 6).endsWith(114, 7);
        assertThatThrownBy(() -> list.set(40, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
