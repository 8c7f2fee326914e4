package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the published SHA-256 test vectors (FIPS 180-2, appendix B, and the NIST examples). */
class HashingTest {
    @TempDir Path dir;

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void emptyFile() throws IOException {
        assertThat(Hashing.sha256(file("empty", new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void abc() throws IOException {
        assertThat(Hashing.sha256(file("abc", "abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    /** One million 'a': 15 full 64 KiB buffers and a partial one (1,000,000 = 15 x 65,536 + 16,960). */
    @Test
    void oneMillionLettersAReadInSeveralBuffers() throws IOException {
        byte[] million = "a".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);
        assertThat(Hashing.sha256(file("million", million)))
                .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    @Test
    void unreadableFileIsAnImportProblem() {
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> Hashing.sha256(missing))
                .isInstanceOf(ImportException.class).hasMessageContaining("missing.csv");
    }

    @Test
    void shortFormIsTheFirstTwelveDigits() {
        assertThat(Hashing.shortForm("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
                .isEqualTo("e3b0c44298fc");
        assertThat(Hashing.shortForm("e3b0c44298fc")).isEqualTo("e3b0c44298fc");
        assertThat(Hashing.shortForm("e3b0c4")).as("already short").isEqualTo("e3b0c4");
    }
}
