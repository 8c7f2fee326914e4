package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.app.cli.CliEndToEndTest.piste;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.ingest.XlsxFile;

/** A workbook over POI's own zip-bomb limit: one line at the console, and no stack trace from POI's logging. */
class CliXlsxLimitsTest {
    @TempDir Path home;
    @TempDir Path files;

    @Test
    void aWorkbookOverALimitIsOneLineWithoutAStackTrace() throws IOException {
        Path profile = Files.writeString(files.resolve("xlsx.yaml"), """
                name: test-xlsx
                format: xlsx
                decimalSeparator: ","
                dateFormats: [dd/MM/yyyy]
                dateTimeFormats: ["dd/MM/yyyy HH:mm"]
                timeZone: Europe/Paris
                provider: OPERATEUR-XLSX
                columns:
                  reference: Référence
                  send_datetime: Envoi
                  sent_amount: Montant
                  sent_currency: Devise
                  sender_surname: Nom
                """);
        // Compressible first, noise after: POI's running ratio trips (it also logs the failure at ERROR).
        Path book = new XlsxFile("Transferts").row(1, "Référence", "Envoi", "Montant", "Devise", "Nom")
                .sharedStrings(out -> {
                    out.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                            .getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < 500_000; i++) out.write("<si><t>ab</t></si>".getBytes(StandardCharsets.UTF_8));
                    Random random = new Random(16);
                    for (int s = 0; s < 4; s++) {
                        out.write("<si><t>".getBytes(StandardCharsets.UTF_8));
                        for (int i = 0; i < 300_000; i++) out.write('a' + random.nextInt(26));
                        out.write("</t></si>".getBytes(StandardCharsets.UTF_8));
                    }
                    out.write("</sst>".getBytes(StandardCharsets.UTF_8));
                })
                .write(files.resolve("bomb.xlsx"));

        CliEndToEndTest.Run run = piste(home, "import", book.toString(), "--profile", profile.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> !l.isBlank()).toList()).as(run.err()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("piste: error: the workbook inflates more than 100 times")
                        .endsWith("split the export or convert it to CSV"));
    }
}
