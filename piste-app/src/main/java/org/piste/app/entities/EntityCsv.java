package org.piste.app.entities;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.Writer;
import org.piste.app.store.Database;

/**
 * An entity's transfers as CSV for a spreadsheet. Cells a spreadsheet would read as a formula (starting with
 * = + - @, a tab or a carriage return) get a leading single quote, so a name written as "=HYPERLINK(...)" in an
 * operator's export stays text.
 */
public final class EntityCsv {
    private EntityCsv() {}

    public static void write(Database database, String entityId, Writer out) {
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord("transfer_id", "reference", "direction", "sent_at_local", "send_zone", "counterparty",
                "counterparty_entity", "sent_amount", "sent_currency", "paid_amount", "paid_currency", "status", "purpose",
                "source_sha256", "source_line");
        new EntityTransfers(database).all(entityId, t -> csv.writeRecord(String.valueOf(t.id()), safe(t.reference()),
                t.direction().name(), t.sentAtLocal(), safe(t.zone()), safe(t.counterparty()),
                t.counterpartyEntity().orElse(""), t.sentAmount().toPlainString(), safe(t.sentCurrency()),
                t.paidAmount().map(java.math.BigDecimal::toPlainString).orElse(""), safe(t.paidCurrency()),
                safe(t.status()), safe(t.purpose()), t.source().sourceSha256(), String.valueOf(t.source().line())));
        try {
            csv.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The cell, with a leading single quote when a spreadsheet would take it for a formula. */
    public static String safe(String cell) {
        if (cell.isEmpty()) return cell;
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }
}
