package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names a search looks for when given one: exactly those the resolver calls compatible. */
class NicknameVariantsTest {
    @Test
    void aNicknameGivesItsFormalNameAndTheOtherWay() {
        assertThat(Nicknames.variants("bill")).contains("bill", "william");
        assertThat(Nicknames.variants("william")).contains("bill", "will");
    }

    @Test
    void everyVariantIsCompatibleAndAnUnknownNameIsItsOwnOnlyVariant() {
        for (String name : new String[] {"bill", "william", "bob", "jose"}) {
            assertThat(Nicknames.variants(name)).allSatisfy(v -> assertThat(Nicknames.compatible(name, v)).as(name + "/" + v).isTrue());
        }
        assertThat(Nicknames.variants("zzyzx")).containsExactly("zzyzx");
    }
}
