package org.piste.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        assertSameFiles(dir.resolve("a"), dir.resolve("b"));
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        List<Path> files = files(a);
        assertThat(files).hasSize(6);
        for (Path f : files) {
            assertThat(Files.mismatch(f, b.resolve(a.relativize(f)))).as("%s differs", f.getFileName()).isEqualTo(-1L);
        }
    }

    /**
     * With every pattern off, the files are those written before the patterns existed. The digests were computed
     * with the jar of commit ec16469 (not with this code), for this configuration. Math.log/exp/cos may differ by
     * an ulp on another CPU or JVM: if only this test fails on a new platform, recompute them there from that
     * commit before suspecting the code.
     */
    @ParameterizedTest
    @EnumSource(Format.class)
    void defaultsWriteTheFilesOfBeforeThePatterns(Format format) throws Exception {
        Simulator.run(Runs.small(500, 6).withBadRows(0.01, 0.005).withReferrals(6), dir, format, Simulator.Progress.NONE);
        Map<String, String> expected = new TreeMap<>(Map.of(
                "referrals.json", "5d53918716b598d5e59fa134408f90e38d4888a29949cb674487bf13ccd21b6b",
                "truth/bad_rows.csv", "7b78e82b786b3a6cb19f8973589d0b55458e967c7a5bfdbea66f46a9b4895fb4",
                "truth/persons.csv", "3d39f4c1bb3c96e50f4883f3f83b677f66936082168a0e93984c5c8155677fb1",
                "truth/referrals.csv", "2d45f7bfa72eb451fb9a131447b8c7a4aede1bfcc1ef618c266c55f68e9ea64e",
                "truth/transfers.csv", "f5e2acf0886fbcb2005f61da39c7fecc74a5c8cebd6eb1e43af14e8777ef5480"));
        expected.put(format.fileName(), format == Format.CANONICAL
                ? "640f5a6022e9bd8f45c88c1b9f2d8f5779e42b6200314e6f43a0c9b3b8c84856"
                : "30cc2d2e164423fc95e22bd7f1e250c468e85341c757f81d6a3700f863d119d0");
        Map<String, String> actual = new TreeMap<>();
        for (Path f : files(dir)) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
            actual.put(dir.relativize(f).toString().replace('\\', '/'), HexFormat.of().formatHex(digest));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void theHardPresetToo(Format format) throws IOException {
        SimConfig cfg = SimConfig.preset(SimConfig.Preset.HARD).withSenders(500).withMonths(6).withBadRows(0.01, 0.005);
        Simulator.run(cfg, dir.resolve("a"), format, Simulator.Progress.NONE);
        Simulator.run(cfg, dir.resolve("b"), format, Simulator.Progress.NONE);
        assertSameFiles(dir.resolve("a"), dir.resolve("b"));
    }

    /**
     * A switch that is off draws nothing: the parameters that only matter when a pattern is on (the shared
     * phone, the "Jr." rate, the office size) change no byte while their patterns are off.
     */
    @ParameterizedTest
    @EnumSource(Format.class)
    void offPatternsDrawNothing(Format format) throws IOException {
        SimConfig cfg = Runs.small(400, 6).withBadRows(0.01, 0.005);
        SimConfig.Patterns p = cfg.patterns();
        SimConfig.Patterns otherwise = p.withFamilies(p.familySizes(), 0, 0, 0, 1, 0, 1).withSharedOffice(0, 2);
        assertThat(otherwise).isNotEqualTo(p);
        Simulator.run(cfg, dir.resolve("a"), format, Simulator.Progress.NONE);
        Simulator.run(cfg.withPatterns(otherwise), dir.resolve("b"), format, Simulator.Progress.NONE);
        assertSameFiles(dir.resolve("a"), dir.resolve("b"));
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
