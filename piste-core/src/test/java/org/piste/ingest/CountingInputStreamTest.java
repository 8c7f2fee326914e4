package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The byte count behind import progress: every byte read or skipped once, nothing at the end of the stream. */
class CountingInputStreamTest {
    @Test
    void countsEachWayOfReadingExactly() throws IOException {
        // Ten bytes, the first a zero: a zero byte is data, only -1 is the end.
        byte[] data = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        byte[] buf = new byte[10];
        try (CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(data))) {
            assertThat(in.count()).isZero();
            assertThat(in.read()).isZero();
            assertThat(in.count()).isEqualTo(1);
            assertThat(in.read(buf, 2, 4)).isEqualTo(4);
            assertThat(buf).startsWith(0, 0, 1, 2, 3, 4);
            assertThat(in.count()).isEqualTo(5);
            assertThat(in.skip(3)).isEqualTo(3);
            assertThat(in.count()).isEqualTo(8);
            assertThat(in.read()).isEqualTo(8);
            assertThat(in.count()).isEqualTo(9);
            assertThat(in.read(buf)).isEqualTo(1);
            assertThat(buf[0]).isEqualTo((byte) 9);
            assertThat(in.count()).isEqualTo(10);
            // At the end: -1 and 0 skipped, the count stays.
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(buf, 0, 10)).isEqualTo(-1);
            assertThat(in.skip(5)).isZero();
            assertThat(in.count()).isEqualTo(10);
        }
    }

    @Test
    void aByte255IsCountedAndReturnedUnsigned() throws IOException {
        try (CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(new byte[] {(byte) 0xFF}))) {
            assertThat(in.read()).isEqualTo(255);
            assertThat(in.count()).isEqualTo(1);
        }
    }
}
