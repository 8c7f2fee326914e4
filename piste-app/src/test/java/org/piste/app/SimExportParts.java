package org.piste.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.piste.app.imports.ImportOutcome;
import org.piste.app.imports.ImportRequest;
import org.piste.app.imports.ImportService;
import org.piste.app.store.Database;
import org.piste.ingest.Importer;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.Simulator;

/**
 * A simulated operator export (default preset, 6 months) cut in three: all but the last 300 rows, then 150, then 150,
 * for tests that import one part after the other, as answers to requisitions arrive.
 */
public record SimExportParts(Path first, Path second, Path third) {
    public static SimExportParts of(Path dir, int senders) throws IOException {
        return of(dir, senders, SimConfig.defaults().seed());
    }

    /** Another seed: other people, other references. */
    public static SimExportParts of(Path dir, int senders, long seed) throws IOException {
        Path sim = Simulator.run(SimConfig.defaults().withSenders(senders).withMonths(6).withSeed(seed), dir.resolve("sim"),
                Format.OPERATOR, Simulator.Progress.NONE).transfersFile();
        List<String> lines = Files.readAllLines(sim, StandardCharsets.ISO_8859_1);
        String header = lines.get(0);
        int n = lines.size() - 1;
        return new SimExportParts(write(dir, "first.csv", header, lines.subList(1, n - 300)),
                write(dir, "second.csv", header, lines.subList(n - 300, n - 150)),
                write(dir, "third.csv", header, lines.subList(n - 150, n + 1)));
    }

    private static Path write(Path dir, String name, String header, List<String> rows) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.ISO_8859_1);
        return file;
    }

    /** Imports a part as the simulated operator's answer; it must be imported whole. */
    public static void importFile(Database db, Path file) {
        ImportOutcome outcome = new ImportService(db).importFile(ImportRequest.of(file, "fr-operator").withProvider("MTO-FICTIF"),
                Importer.Progress.NONE);
        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
    }

    /** The first column of a query's rows, as text. */
    public static List<String> query(Database db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
