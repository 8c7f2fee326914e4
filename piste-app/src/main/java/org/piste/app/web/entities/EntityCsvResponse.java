package org.piste.app.web.entities;

import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.piste.app.entities.EntityTransfers;
import org.piste.app.store.Database;
import org.piste.app.web.CsvDialect;

/** Sends an entity's transfers as a CSV download (pages and API), in the request's language's dialect. */
final class EntityCsvResponse {
    private EntityCsvResponse() {}

    static void write(Database database, String entityId, Locale locale, HttpServletResponse response) throws IOException {
        CsvDialect d = CsvDialect.of(locale);
        try (CsvWriter csv = d.download(response, "entity-" + entityId.replace(':', '-') + "-transfers.csv")) {
            csv.writeRecord("transfer_id", "reference", "direction", "sent_at_local", "send_zone", "counterparty",
                    "counterparty_entity", "sent_amount", "sent_currency", "paid_amount", "paid_currency", "status",
                    "purpose", "source_sha256", "source_line");
            new EntityTransfers(database).all(entityId, t -> csv.writeRecord(String.valueOf(t.id()),
                    CsvDialect.text(t.reference()), t.direction().name(), t.sentAtLocal(), CsvDialect.text(t.zone()),
                    CsvDialect.text(t.counterparty()), t.counterpartyEntity().orElse(""), d.amount(t.sentAmount()),
                    CsvDialect.text(t.sentCurrency()), t.paidAmount().map(d::amount).orElse(""),
                    CsvDialect.text(t.paidCurrency()), CsvDialect.text(t.status()), CsvDialect.text(t.purpose()),
                    t.source().sourceSha256(), String.valueOf(t.source().line())));
        }
    }
}
