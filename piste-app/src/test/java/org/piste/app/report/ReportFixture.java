package org.piste.app.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.piste.app.store.Database;

/** What the report tests read back: the PDF's text, amounts as printed, and the database by SQL of their own. */
public final class ReportFixture {
    private ReportFixture() {}

    /** The recipient entity with the most transfers (the entity id is one of its record ids). */
    public static String busiestRecipient(Database db) {
        return strings(db, "SELECT entity_id FROM entity_member WHERE side = 'R' GROUP BY entity_id "
                + "ORDER BY count(*) DESC, entity_id LIMIT 1").getFirst();
    }

    public static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every amount printed before a currency code, French style ("1 234,50 EUR", grouped by a space, a no-break
     * space or a narrow one), as numbers with their currency.
     */
    public static List<String> printedTotals(String text) {
        Matcher m = Pattern.compile("(\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})*,\\d{2})\\s*([A-Z]{3})\\b").matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(new BigDecimal(m.group(1).replaceAll("[ \\u00a0\\u202f]", "").replace(',', '.')).toPlainString()
                    + " " + m.group(2));
        }
        return out;
    }

    /**
     * The entity's totals per currency by SQL, to two decimals: "1234.50 EUR". Cancelled and refunded transfers moved
     * no money and count in no total.
     */
    public static List<String> totals(Database db, String entity) {
        Map<String, String> out = new TreeMap<>();
        for (List<String> r : rows(db, "SELECT sent_currency, round(sum(sent_amount), 2)::text FROM transfer WHERE id IN "
                + "(SELECT transfer_id FROM entity_member WHERE entity_id = ?) AND status NOT IN ('CANCELLED', 'REFUNDED')"
                + " GROUP BY 1", entity)) {
            out.put(r.get(0), r.get(1) + " " + r.get(0));
        }
        return List.copyOf(out.values());
    }

    public static List<String> references(Database db, String entity) {
        return strings(db, "SELECT DISTINCT t.reference FROM transfer t JOIN entity_member m ON m.transfer_id = t.id "
                + "WHERE m.entity_id = ? ORDER BY 1", entity);
    }

    public static List<String> sourceHashes(Database db, String entity) {
        return strings(db, "SELECT DISTINCT s.sha256 FROM source_file s JOIN transfer t ON t.source_id = s.id "
                + "JOIN entity_member m ON m.transfer_id = t.id WHERE m.entity_id = ? ORDER BY 1", entity);
    }

    public static List<String> strings(Database db, String sql, Object... params) {
        return rows(db, sql, params).stream().map(List::getFirst).toList();
    }

    public static List<List<String>> rows(Database db, String sql, Object... params) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            List<List<String>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) row.add(rs.getString(i));
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo's data at a small size: simulated, imported, resolved, screened (as WebFixture.withDemoData). */
    public static void demoData(Database db, int senders, Path dir) {
        var sim = org.piste.sim.Simulator.run(org.piste.sim.SimConfig.defaults().withSenders(senders), dir,
                org.piste.sim.Format.OPERATOR, org.piste.sim.Simulator.Progress.NONE);
        new org.piste.app.imports.ImportService(db).importFile(org.piste.app.imports.ImportRequest
                .of(sim.transfersFile(), "fr-operator").withProvider("MTO-FICTIF"), org.piste.ingest.Importer.Progress.NONE);
        org.piste.app.pipeline.Refresh.afterChange(db);
    }

    static Locale french() {
        return Locale.FRANCE;
    }
}
