package org.piste.screen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringCodesTest {
    @Test
    void codesAreDenseInOrderOfFirstSightAndEqualStringsShareOne() {
        StringCodes codes = new StringCodes();
        assertThat(codes.code("b")).isEqualTo(0);
        assertThat(codes.code("a")).isEqualTo(1);
        assertThat(codes.code(new String("b"))).isEqualTo(0); // equal, not the same instance
        assertThat(codes.find(new String("a"))).isEqualTo(1);
        assertThat(codes.find("c")).isEqualTo(-1);
        assertThat(codes.size()).isEqualTo(2);
        assertThat(codes.values()).containsExactly("b", "a");
    }

    /** "Aa" and "BB" have the same hash code: two strings all the same. */
    @Test
    void stringsWithTheSameHashAreTwo() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        StringCodes codes = new StringCodes();
        assertThat(codes.code("Aa")).isEqualTo(0);
        assertThat(codes.code("BB")).isEqualTo(1);
        assertThat(codes.find("BB")).isEqualTo(1);
        assertThat(codes.find("Aa")).isEqualTo(0);
    }

    /** Past the first table (1,024 slots, half full at most) the codes are kept, found and listed as before. */
    @Test
    void manyStringsKeepTheirCodes() {
        StringCodes codes = new StringCodes();
        int n = 5_000;
        for (int i = 0; i < n; i++) assertThat(codes.code("id-" + i)).isEqualTo(i);
        for (int i = 0; i < n; i++) assertThat(codes.code(new String("id-" + i))).isEqualTo(i);
        for (int i = 0; i < n; i++) assertThat(codes.find("id-" + i)).isEqualTo(i);
        assertThat(codes.find("id-" + n)).isEqualTo(-1);
        assertThat(codes.size()).isEqualTo(n);
        String[] values = codes.values();
        assertThat(values).hasSize(n);
        for (int i = 0; i < n; i++) assertThat(values[i]).isEqualTo("id-" + i);
    }
}
