package org.piste.screen;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A contribution's evidence as positions into the screening's reference column: each indicator of each entity
 * lists its transfers, often all of them, so copying references into a list per contribution was much of the
 * screening's allocation. Immutable: the column and the positions are never written after they are handed here.
 */
final class Evidence extends AbstractList<String> implements RandomAccess {
    private final String[] refs;
    private final int[] at;
    private final int from, size;

    /** The references {@code refs[at[from]] .. refs[at[to - 1]]}. */
    Evidence(String[] refs, int[] at, int from, int to) {
        this.refs = refs;
        this.at = at;
        this.from = from;
        this.size = to - from;
    }

    @Override
    public String get(int index) {
        return refs[at[from + Objects.checkIndex(index, size)]];
    }

    @Override
    public int size() {
        return size;
    }
}
