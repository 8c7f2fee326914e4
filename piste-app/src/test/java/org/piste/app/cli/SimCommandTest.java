package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.Simulator;

/** {@code piste sim --preset}: the named preset, with the size and seed given on the command line. */
class SimCommandTest {
    @TempDir
    Path home;
    @TempDir
    Path files;

    @Test
    void aPresetWritesThePresetsData() throws Exception {
        Path viaCli = files.resolve("cli"), direct = files.resolve("direct");
        CliEndToEndTest.Run run = CliEndToEndTest.piste(home, "sim", "--senders", "80", "--months", "2", "--seed", "5",
                "--format", "operator", "--preset", "names-only", "--out", viaCli.toString());
        assertThat(run.exit()).isZero();
        Simulator.run(SimConfig.preset(SimConfig.Preset.NAMES_ONLY).withSenders(80).withMonths(2).withSeed(5), direct,
                Format.OPERATOR, Simulator.Progress.NONE);
        String file = Format.OPERATOR.fileName();
        assertThat(Files.mismatch(viaCli.resolve(file), direct.resolve(file))).isEqualTo(-1L);
        // Not the default data: there, paid beneficiaries carry an identity document.
        Simulator.run(SimConfig.defaults().withSenders(80).withMonths(2).withSeed(5), files.resolve("default"),
                Format.OPERATOR, Simulator.Progress.NONE);
        assertThat(Files.mismatch(viaCli.resolve(file), files.resolve("default").resolve(file))).isNotEqualTo(-1L);
    }

    @Test
    void anUnknownPresetIsAnError() {
        CliEndToEndTest.Run run = CliEndToEndTest.piste(home, "sim", "--senders", "10", "--months", "1", "--preset",
                "harder", "--out", files.resolve("x").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errorLines()).singleElement().asString().contains("--preset must be default, names-only, family-heavy or hard");
    }

    @Test
    void everyPresetHasItsName() {
        String[] names = {"default", "names-only", "family-heavy", "hard"};
        for (int i = 0; i < names.length; i++) {
            SimCommand cmd = new SimCommand();
            cmd.preset = i % 2 == 0 ? names[i] : names[i].toUpperCase(java.util.Locale.ROOT);
            // The other options keep their defaults, which are the simulator's.
            assertThat(cmd.config()).isEqualTo(SimConfig.preset(SimConfig.Preset.values()[i]));
        }
    }
}
