package org.piste.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.piste.app.imports.ImportOutcome;
import org.piste.app.imports.ImportRequest;
import org.piste.app.imports.ImportService;
import org.piste.app.alerts.AlertDecisions;
import org.piste.app.pipeline.Refresh;
import org.piste.app.resolve.DecisionStore;
import org.piste.app.screen.ScreeningService;
import org.piste.app.store.Database;
import org.piste.ingest.Importer;
import org.piste.model.Side;
import org.piste.resolve.Decision;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.Simulator;

/**
 * What a small import costs once a database holds data, on the application's own path (what the web's upload and the
 * console's import run): the demo's data (the simulator's default preset, SENDERS senders, seed 42, 24 months,
 * operator format) imported into an embedded PostgreSQL and refreshed (full resolution, screening); then IMPORTS exports
 * of ROWS rows each, cut from another simulated operator's export (seed 8, 6 months, 400 senders or enough for the slices), imported one after
 * the other, each followed by the refresh (Refresh.afterChange: incremental resolution, then screening). Prints, per
 * import, the seconds of the import, the resolution (and what it read), the screening and the total to new scores; then
 * their medians; then two analyst decisions to new scores: two entities ruled the same person, then an alert confirmed. Not a test. Usage: IncrementalImport [SENDERS=3000] [ROWS=100] [IMPORTS=5] [DIR] [resume]
 */
public final class IncrementalImport {
    private IncrementalImport() {}

    public static void main(String[] args) throws Exception {
        int senders = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int imports = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Path.of(args.length > 3 ? args[3] : "bench/out/incremental-" + senders);
        if (args.length > 4 && args[4].equals("resume")) {
            resume(dir);
            return;
        }
        Path base = Simulator.run(SimConfig.defaults().withSenders(senders), dir.resolve("base"), Format.OPERATOR,
                Simulator.Progress.NONE).transfersFile();
        // About 5 rows a sender in 6 months: enough senders for every slice (400 at least, as for 100-row imports).
        int otherSenders = (int) Math.max(400, Math.ceil(rows * (double) imports / 5));
        Path other = Simulator.run(SimConfig.defaults().withSenders(otherSenders).withMonths(6).withSeed(8), dir.resolve("other"),
                Format.OPERATOR, Simulator.Progress.NONE).transfersFile();
        List<Path> parts = cut(other, rows, imports, dir);
        try (Database db = Database.open(new Database.Settings(dir, Optional.empty(), "", ""))) {
            long t0 = System.nanoTime();
            ImportOutcome first = new ImportService(db).importFile(ImportRequest.of(base, "fr-operator").withProvider("MTO-BENCH")
                    .asBulkLoad(), Importer.Progress.NONE); // a first load, as `piste import --bulk` does
            Refresh.Outcome refreshed = Refresh.afterChange(db);
            System.out.printf(Locale.ROOT, "base: %s; import and first refresh %.1f s (resolution %.1f s, screening %.1f s)%n",
                    first.getClass().getSimpleName(), seconds(t0), refreshed.resolution().orElseThrow().took().toMillis() / 1e3,
                    refreshed.screening().orElseThrow().seconds());
            double[] imp = new double[imports], res = new double[imports], scr = new double[imports], tot = new double[imports];
            System.out.println("import  rows  import_s  resolution_s  screening_s  total_s  resolution note; screening: what was read");
            for (int k = 0; k < imports; k++) {
                long s = System.nanoTime();
                importFile(db, parts.get(k));
                imp[k] = seconds(s);
                Refresh.Outcome o = Refresh.afterChange(db);
                tot[k] = seconds(s);
                res[k] = o.resolution().orElseThrow().took().toMillis() / 1e3;
                scr[k] = o.screening().orElseThrow().seconds();
                System.out.printf(Locale.ROOT, "%6d  %4d  %8.2f  %12.2f  %11.2f  %7.2f  %s; screening: %s%n", k + 1, rows, imp[k],
                        res[k], scr[k], tot[k], o.resolution().get().note(), o.screening().get().transfersRead());
            }
            System.out.printf(Locale.ROOT, "median  %4d  %8.2f  %12.2f  %11.2f  %7.2f%n", rows, median(imp), median(res),
                    median(scr), median(tot));
            decide(db);
            confirm(db);
        }
    }

    /**
     * The database an earlier run left (stopped or killed after an import stored, before its refresh ended): the refresh
     * of what is pending, timed, then the analyst's ruling.
     */
    private static void resume(Path dir) throws Exception {
        try (Database db = Database.open(new Database.Settings(dir, Optional.empty(), "", ""))) {
            long s = System.nanoTime();
            Refresh.Outcome o = Refresh.afterChange(db);
            System.out.printf(Locale.ROOT, "pending refresh: %.2f s to new scores (resolution %.2f s, screening %.2f s); %s; "
                    + "screening: %s%n", seconds(s), o.resolution().orElseThrow().took().toMillis() / 1e3,
                    o.screening().orElseThrow().seconds(), o.resolution().get().note(), o.screening().get().transfersRead());
            decide(db);
            confirm(db);
        }
    }

    /**
     * An analyst rules the two senders with the most records the same person, as the web's decision does (stored, then
     * the refresh): the seconds to new scores, for the largest change a ruling on two people makes.
     */
    private static void decide(Database db) throws Exception {
        List<String> records = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT min(record_id) "
                + "FROM entity_member WHERE side = 'S' GROUP BY entity_id ORDER BY count(*) DESC, 1 LIMIT 2")) {
            while (rs.next()) records.add(rs.getString(1));
        }
        Stored before = Stored.of(db);
        long s = System.nanoTime();
        try (Connection c = db.connect()) {
            DecisionStore.add(c, records.get(0), records.get(1), Decision.Kind.SAME, "bench", "");
        }
        Refresh.Outcome o = Refresh.afterChange(db);
        double took = seconds(s);
        System.out.printf(Locale.ROOT, "decision (same person): %.2f s to new scores (resolution %.2f s, screening %.2f s); %s; "
                + "screening: %s; %s%n", took, o.resolution().orElseThrow().took().toMillis() / 1e3,
                o.screening().orElseThrow().seconds(), o.resolution().get().note(), o.screening().get().transfersRead(),
                Stored.of(db).since(before));
    }

    /**
     * An analyst confirms the highest-ranked sender not ruled on yet, as the web's alert decision does (stored, then the
     * refresh): nothing to resolve, the screening again with one more seed (whose weights are learned once there are
     * enough rulings: then every entity's points may move).
     */
    private static void confirm(Database db) throws Exception {
        String entity;
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT entity_id "
                + "FROM score_row WHERE run_id = (SELECT max(id) FROM screening_run) AND side = 'SENDER' AND entity_id NOT IN "
                + "(SELECT entity_id FROM alert_decision) ORDER BY position LIMIT 1")) {
            if (!rs.next()) {
                System.out.println("decision (alert confirmed): left out, every sender of the latest run is ruled on");
                return;
            }
            entity = rs.getString(1);
        }
        Stored before = Stored.of(db);
        long s = System.nanoTime();
        try (Connection c = db.connect()) {
            AlertDecisions.add(c, entity, Side.SENDER, AlertDecisions.Kind.CONFIRM, "bench", "bench");
        }
        Refresh.Outcome o = Refresh.afterChange(db);
        o.warning().ifPresent(w -> System.out.println("decision (alert confirmed): " + w));
        ScreeningService.Run run = o.screening().orElseThrow();
        double took = seconds(s);
        System.out.printf(Locale.ROOT, "decision (alert confirmed): %.2f s to new scores (resolution %.2f s, screening %.2f s); "
                + "%d seeds, sender weights %s; screening: %s; %s%n", took, o.resolution().orElseThrow().took().toMillis() / 1e3,
                run.seconds(), run.seeds(), run.senderModel().model().learned() ? "learned" : "the rule set's",
                run.transfersRead(), Stored.of(db).since(before));
    }

    /** The explanations stored (counted after the timing: a scan of them all). */
    private record Stored(long explanations, long bytes) {
        static Stored of(Database db) throws Exception {
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*), "
                    + "coalesce(sum(pg_column_size(contributions)), 0) FROM score_contributions")) {
                rs.next();
                return new Stored(rs.getLong(1), rs.getLong(2));
            }
        }

        String since(Stored before) {
            return String.format(Locale.ROOT, "%d explanations stored by the decision (%.1f kB as stored)",
                    explanations - before.explanations, (bytes - before.bytes) / 1e3);
        }
    }

    /** The first {@code imports} slices of {@code rows} data rows of an export, each with its header. */
    private static List<Path> cut(Path export, int rows, int imports, Path dir) throws Exception {
        // Operator exports are Windows-1252: cut as bytes read as ISO-8859-1, written back unchanged.
        List<String> lines = Files.readAllLines(export, StandardCharsets.ISO_8859_1);
        if (lines.size() - 1 < (long) rows * imports) throw new IllegalArgumentException("the other export has too few rows");
        List<Path> out = new ArrayList<>();
        for (int k = 0; k < imports; k++) {
            Path file = dir.resolve("part-" + (k + 1) + ".csv");
            Files.writeString(file, lines.get(0) + "\r\n" + String.join("\r\n", lines.subList(1 + k * rows, 1 + (k + 1) * rows))
                    + "\r\n", StandardCharsets.ISO_8859_1);
            out.add(file);
        }
        return out;
    }

    private static ImportOutcome importFile(Database db, Path file) {
        return new ImportService(db).importFile(ImportRequest.of(file, "fr-operator").withProvider("MTO-BENCH"),
                Importer.Progress.NONE);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
