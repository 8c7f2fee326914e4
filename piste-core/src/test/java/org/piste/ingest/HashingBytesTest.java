package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SHA-256 of bytes in memory is the standard one, written as a file's is (a report's PDF is checked both ways). */
class HashingBytesTest {
    @Test
    void theStandardTestVectorAndTheSameHashAsTheFileHoldingTheBytes(@TempDir Path dir) throws Exception {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        // FIPS 180-2, appendix B.1.
        assertThat(Hashing.sha256(abc)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Path file = Files.write(dir.resolve("abc.bin"), abc);
        assertThat(Hashing.sha256(abc)).isEqualTo(Hashing.sha256(file));
    }
}
