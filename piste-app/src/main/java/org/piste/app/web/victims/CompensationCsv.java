package org.piste.app.web.victims;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import org.piste.app.victims.CompensationSchedule;
import org.piste.app.web.CsvDialect;

/** The compensation schedule as CSV, for the pages, the API and the console alike (one row per schedule row). */
public final class CompensationCsv {
    public static final String[] HEADER = {"case_reference", "victim_id", "victim_pseudonym", "buyer_entity",
            "buyer_name", "currency", "claimed", "awarded", "paid", "outstanding"};

    private CompensationCsv() {}

    /** Writes the schedule on {@code out} in the dialect; the caller closes {@code out}. */
    public static void write(CompensationSchedule s, CsvDialect d, OutputStream out) throws IOException {
        CsvWriter csv = d.open(out);
        write(s, d, csv);
        csv.flush();
    }

    static void write(CompensationSchedule s, CsvDialect d, CsvWriter csv) {
        csv.writeRecord(HEADER);
        for (CompensationSchedule.Row r : s.rows()) {
            csv.writeRecord(CsvDialect.text(s.caseReference()), String.valueOf(r.victimId()), CsvDialect.text(r.pseudonym()),
                    r.buyerEntity().orElse(""), CsvDialect.text(r.buyerName().orElse("")), r.currency(),
                    d.amount(r.claimed()), d.amount(r.awarded()), d.amount(r.paid()), d.amount(r.outstanding()));
        }
    }
}
