package org.piste.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.Passwords;
import org.piste.app.accounts.Role;
import org.piste.app.accounts.UserStore;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseService;
import org.piste.app.cli.Main;
import org.piste.app.imports.ImportRequest;
import org.piste.app.imports.ImportService;
import org.piste.app.pipeline.Refresh;
import org.piste.app.store.Database;
import org.piste.ingest.Importer;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.SimSummary;
import org.piste.sim.Simulator;

/**
 * Report build time for a subject with many transfers (issue 18). The simulator writes a background of canonical
 * transfers; a synthetic file then gives one recipient TRANSFERS transfers (the simulator's rows, each with the same
 * recipient written the same way and a reference of its own). Both are imported, resolved and screened; a case with
 * that recipient as subject is opened, and `piste report CASE --out FILE.pdf` is run and timed (it prints the
 * snapshot and render times, pages and size). Usage: ReportTime OUT [TRANSFERS=5000] [BACKGROUND_SENDERS=300]
 */
public final class ReportTime {
    private static final String USER = "bench-inv";
    private static final String PASSWORD = "bench report timing walrus";

    private ReportTime() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        int transfers = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int background = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Path home = out.resolve("home");
        SimSummary sim = Simulator.run(SimConfig.defaults().withSenders(background), Files.createDirectories(
                out.resolve("sim")), Format.CANONICAL, Simulator.Progress.NONE);
        Path one = oneRecipient(sim.transfersFile(), transfers, out.resolve("one-recipient.csv"));
        long caseId;
        try (Database db = Database.open(new Database.Settings(home, Optional.empty(), "", ""))) {
            var imports = new ImportService(db);
            imports.importFile(ImportRequest.of(sim.transfersFile(), "canonical"), Importer.Progress.NONE);
            imports.importFile(ImportRequest.of(one, "canonical"), Importer.Progress.NONE);
            long started = System.nanoTime();
            Refresh.afterChange(db);
            System.err.printf("bench: imported %,d + %,d transfers, resolved and screened in %.1f s%n", sim.transfers(),
                    transfers, (System.nanoTime() - started) / 1e9);
            new UserStore(db.dataSource(), Passwords.encoder()).create(new UserStore.NewUser(USER, "Bench", Role.INVESTIGATOR,
                    "", ""), PASSWORD, "bench");
            Actor lead = Actor.user(USER, Role.INVESTIGATOR, Optional.empty());
            CaseService cases = new CaseService(db.dataSource());
            caseId = cases.create(lead, "BENCH-REPORT", "Report timing").summary().id();
            String record = recipientRecord(db);
            cases.addSubject(lead, caseId, record, CaseFile.SubjectKind.FACILITATOR);
            System.err.printf("bench: subject %s, its entity has %,d records%n", record, entitySize(db, record));
        }
        Path pw = out.resolve("password");
        Files.writeString(pw, PASSWORD + "\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        Path pdf = out.resolve("report.pdf");
        long started = System.nanoTime();
        int exit = Main.run("--home", home.toString(), "--as", USER, "--password-file", pw.toString(), "report",
                Long.toString(caseId), "--out", pdf.toString());
        System.out.printf("bench: piste report took %.2f s end to end (JVM already warm for the database, not for the"
                + " report), exit %d, PDF %,d bytes%n", (System.nanoTime() - started) / 1e9, exit, Files.size(pdf));
    }

    /** TRANSFERS rows: the simulator's rows in turn, each to the first row's recipient, with references of their own. */
    private static Path oneRecipient(Path source, int transfers, Path target) throws Exception {
        List<String> header;
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(source)) {
            var it = csv.iterator();
            header = it.next().getFields();
            while (it.hasNext()) {
                List<String> row = it.next().getFields();
                if (row.size() == header.size()) rows.add(row); // the simulator's malformed rows left out
            }
        }
        List<String> recipient = rows.getFirst();
        int reference = header.indexOf("reference");
        try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(target, StandardCharsets.UTF_8)) {
            w.writeRecord(header);
            for (int i = 0; i < transfers; i++) {
                List<String> row = new ArrayList<>(rows.get(i % rows.size()));
                for (int c = 0; c < header.size(); c++) {
                    if (header.get(c).startsWith("recipient_")) row.set(c, recipient.get(c));
                }
                row.set(reference, "BENCH-R-" + i);
                w.writeRecord(row);
            }
        }
        return target;
    }

    private static String recipientRecord(Database db) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id || ':R' FROM transfer WHERE reference = 'BENCH-R-0'"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long entitySize(Database db, String record) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM entity_member "
                + "WHERE entity_id = (SELECT entity_id FROM entity_member WHERE record_id = ?)")) {
            ps.setString(1, record);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
