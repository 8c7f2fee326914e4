package org.piste.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same seed gives byte-identical files; another seed gives other files. */
class DeterminismTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Format.class)
    void sameSeedSameBytes(Format format) throws IOException {
        SimConfig cfg = Runs.small(1_500, 12).withBadRows(0.01, 0.005).withReferrals(6);
        Simulator.run(cfg, dir.resolve("a"), format, Simulator.Progress.NONE);
        Simulator.run(cfg, dir.resolve("b"), format, Simulator.Progress.NONE);
        List<Path> files = files(dir.resolve("a"));
        assertThat(files).hasSize(6);
        for (Path f : files) {
            Path other = dir.resolve("b").resolve(dir.resolve("a").relativize(f));
            assertThat(Files.mismatch(f, other)).as("%s differs", f.getFileName()).isEqualTo(-1L);
        }
    }

    @Test
    void otherSeedOtherData() throws IOException {
        Simulator.run(Runs.small(300, 3).withSeed(1), dir.resolve("a"), Format.CANONICAL, Simulator.Progress.NONE);
        Simulator.run(Runs.small(300, 3).withSeed(2), dir.resolve("b"), Format.CANONICAL, Simulator.Progress.NONE);
        assertThat(Files.mismatch(dir.resolve("a/transfers.csv"), dir.resolve("b/transfers.csv"))).isNotEqualTo(-1L);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
