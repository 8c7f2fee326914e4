package org.piste.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdTableTest {
    @Test
    void idsAreNumberedInOrderAndFoundAgainAfterGrowing() {
        IdTable ids = new IdTable();
        for (int i = 0; i < 10_000; i++) assertThat(ids.add(i + ":S")).isEqualTo(i);
        ids.trim();
        assertThat(ids.size()).isEqualTo(10_000);
        assertThat(ids.indexOf("9999:S")).isEqualTo(9_999);
        assertThat(ids.get(1234)).isEqualTo("1234:S");
        assertThat(ids.indexOf("1234:R")).isEqualTo(-1);
    }

    @Test
    void anIdAddedTwiceGivesItsFirstPosition() {
        IdTable ids = new IdTable();
        ids.add("a");
        ids.add("b");
        assertThat(ids.add("b")).isEqualTo(-1 - 1);
        assertThat(ids.size()).isEqualTo(2);
    }

    @Test
    void idsKeepEveryCharacterAndTheEmptyId() {
        IdTable ids = new IdTable();
        ids.add("Zoë-1");
        ids.add("");
        ids.add("Zoe-1");
        assertThat(ids.get(0)).isEqualTo("Zoë-1");
        assertThat(ids.indexOf("")).isEqualTo(1);
        assertThat(ids.indexOf("Zoe-1")).isEqualTo(2);
    }

    @Test
    void anIdLongerThanTwiceTheRoomIsKeptWhole() {
        IdTable ids = new IdTable();
        String longId = "x".repeat(3000);
        ids.add("a");
        ids.add(longId);
        assertThat(ids.get(1)).isEqualTo(longId);
        assertThat(ids.indexOf(longId)).isEqualTo(1);
    }
}
