package org.piste.normal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The memos are built here switched on or off explicitly, whatever -Dpiste.memo says for the rest of the JVM. */
class MemoTest {
    /** A pure function that records every key it is asked to compute. */
    private static final class Length implements Function<String, Integer> {
        final List<String> computed = new ArrayList<>();

        @Override
        public Integer apply(String key) {
            computed.add(key);
            return key.length();
        }
    }

    @Test
    void sharedMemoComputesEachKeyOnce() {
        Memo<String, Integer> memo = Memo.shared(10, true);
        Length length = new Length();

        assertThat(memo.get("abc", length)).isEqualTo(3);
        assertThat(memo.get("abc", length)).isEqualTo(3);
        assertThat(memo.get("de", length)).isEqualTo(2);

        assertThat(length.computed).containsExactly("abc", "de");
    }

    @Test
    void fullSharedMemoKeepsWhatItHasAndComputesTheRest() {
        Memo<String, Integer> memo = Memo.shared(2, true);
        Length length = new Length();

        for (String key : new String[] {"a", "bb", "ccc", "a", "bb", "ccc"}) memo.get(key, length);

        // "a" and "bb" fill it; "ccc" is computed every time it comes.
        assertThat(length.computed).containsExactly("a", "bb", "ccc", "ccc");
    }

    @Test
    void perThreadMemoEvictsTheLeastRecentlyUsed() {
        Memo<String, Integer> memo = Memo.perThread(2, true);
        Length length = new Length();

        for (String key : new String[] {"a", "b", "a", "c", "a", "b"}) memo.get(key, length);

        // a, b computed; a remembered (now used after b); c computed, evicts b; a remembered; b computed again.
        assertThat(length.computed).containsExactly("a", "b", "c", "b");
    }

    @Test
    void perThreadMemoHoldsExactlyItsLimit() {
        Memo<String, Integer> memo = Memo.perThread(2, true);
        Length length = new Length();

        for (String key : new String[] {"a", "b", "a", "b"}) memo.get(key, length);

        assertThat(length.computed).as("two keys fit in a memo of two").containsExactly("a", "b");
    }

    @Test
    void eachThreadHasItsOwnPerThreadMemo() throws InterruptedException {
        Memo<String, Integer> memo = Memo.perThread(10, true);
        Length length = new Length();
        memo.get("a", length);

        Thread other = new Thread(() -> memo.get("a", length));
        other.start();
        other.join();
        memo.get("a", length);

        assertThat(length.computed).containsExactly("a", "a");
    }

    /** What the normalisers use: on or off as -Dpiste.memo says, the answer is the function's. */
    @Test
    void factoriesOfTheNormalisersGiveTheFunctionsAnswers() {
        assertThat(Memo.<String, Integer>shared(10).get("abc", String::length)).isEqualTo(3);
        assertThat(Memo.<String, Integer>perThread(10).get("abcd", String::length)).isEqualTo(4);
    }

    @Test
    void switchedOffMemosComputeEveryTime() {
        for (Memo<String, Integer> memo : List.of(Memo.<String, Integer>shared(10, false),
                Memo.<String, Integer>perThread(10, false))) {
            Length length = new Length();

            assertThat(memo.get("abc", length)).isEqualTo(3);
            assertThat(memo.get("abc", length)).isEqualTo(3);

            assertThat(length.computed).containsExactly("abc", "abc");
        }
    }
}
