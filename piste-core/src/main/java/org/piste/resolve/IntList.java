package org.piste.resolve;

import java.util.Arrays;

/** A growable array of ints: millions of positions without an Integer each. */
final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int v) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
    }

    void set(int i, int v) {
        if (i >= size) throw new IndexOutOfBoundsException(i);
        values[i] = v;
    }

    int get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }

    /** The values, exactly as many as were added. */
    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
