package org.piste.sim;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * NAME_AND_PLACE beneficiaries: the recipient columns carry names only, the payout place stays, and nothing
 * else in the files changes (the same draws are made, the identity is left out).
 */
class BeneficiaryDetailTest {
    @TempDir
    Path dir;

    /** The recipient identity columns NAME_AND_PLACE leaves empty, in each layout. */
    private static final Set<String> CANONICAL_EMPTIED = Set.of("recipient_birth_date", "recipient_id_type",
            "recipient_id_number", "recipient_phone", "recipient_email", "recipient_address", "recipient_city");
    private static final Set<String> OPERATOR_EMPTIED = Set.of("Date naissance bénéficiaire",
            "Type pièce bénéficiaire", "N° pièce bénéficiaire", "Téléphone bénéficiaire", "Ville bénéficiaire");

    @ParameterizedTest
    @EnumSource(Format.class)
    void namesAndPlaceOnlyEmptyTheRecipientsIdentityAndNothingElse(Format format) throws IOException {
        SimConfig full = Runs.small(600, 6).withBadRows(0.02, 0.01).withSeed(17);
        SimConfig names = full.withPatterns(full.patterns().withBeneficiaryDetail(SimConfig.BeneficiaryDetail.NAME_AND_PLACE));
        Path a = dir.resolve("full"), b = dir.resolve("names");
        Simulator.run(full, a, format, Simulator.Progress.NONE);
        Simulator.run(names, b, format, Simulator.Progress.NONE);

        // The truth and the referrals are those of the full run, byte for byte.
        for (String f : List.of("truth/persons.csv", "truth/transfers.csv", "truth/bad_rows.csv", "truth/referrals.csv",
                "referrals.json")) {
            assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f).isEqualTo(-1L);
        }
        List<CsvRecord> fullRecords = TransferRows.records(a.resolve(format.fileName()), format);
        List<CsvRecord> nameRecords = TransferRows.records(b.resolve(format.fileName()), format);
        assertThat(nameRecords).hasSameSizeAs(fullRecords);
        List<String> header = fullRecords.get(0).getFields();
        Set<String> emptied = format == Format.CANONICAL ? CANONICAL_EMPTIED : OPERATOR_EMPTIED;
        assertThat(header).containsAll(emptied);
        long emptiedValues = 0;
        for (int i = 1; i < fullRecords.size(); i++) {
            List<String> x = fullRecords.get(i).getFields(), y = nameRecords.get(i).getFields();
            assertThat(y).hasSameSizeAs(x); // damaged rows are damaged alike
            for (int c = 0; c < x.size(); c++) {
                if (c < header.size() && emptied.contains(header.get(c))) {
                    assertThat(y.get(c)).as("line %d %s", i + 1, header.get(c)).isEmpty();
                    if (!x.get(c).isEmpty()) emptiedValues++;
                } else {
                    assertThat(y.get(c)).as("line %d column %d", i + 1, c).isEqualTo(x.get(c));
                }
            }
        }
        // The full run does carry those identities (most rows have at least a recipient phone or city).
        assertThat(emptiedValues).isGreaterThan(fullRecords.size());

        // Every intact row names its beneficiary; a paid one gives the payout city and agency.
        List<TransferRows.Row> rows = TransferRows.intact(b, format);
        assertThat(rows).hasSizeGreaterThan(3_000);
        long paid = 0;
        for (TransferRows.Row r : rows) {
            assertThat(r.get("recipient_given_names")).isNotEmpty();
            assertThat(r.get("recipient_surname")).isNotEmpty();
            if (r.paid()) {
                paid++;
                assertThat(r.get("payout_city")).isNotEmpty();
                assertThat(r.get("payout_agency")).isNotEmpty();
            }
        }
        assertThat(paid).isGreaterThan(rows.size() * 9 / 10);
    }
}
