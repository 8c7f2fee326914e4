package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.app.cli.CliEndToEndTest.piste;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.PartyExport;
import org.piste.app.PartyExport.Person;
import org.piste.app.StoredRows;

/** The referral commands as a user runs them, on one small import (invented people). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliReferralTest {
    @TempDir static Path home;
    @TempDir static Path files;

    private static final Person LUZ = Person.sender("Maria Luz", "Dela Cruz", "1985-03-12", "06 00 00 00 11", "Lyon");
    private static final Person ORIANE = Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon");
    private static final Person LORNA = Person.recipient("Lorna", "Testado", "0917 000 0001");
    private static Path export;
    private static Path referrals;
    private static CliEndToEndTest.Run imported;

    @BeforeAll
    static void importExportAndReferrals() throws Exception {
        PartyExport e = new PartyExport();
        e.transfer("LUZ-1", LUZ, LORNA);
        e.transfer("LUZ-2", LUZ.as("Ma. Luz", "De La Cruz"), LORNA);
        e.transfer("ORIANE-1", ORIANE, LORNA);
        export = e.write(files.resolve("parties.csv"));
        referrals = Files.writeString(files.resolve("referrals.json"), """
                [{"referral_ref": "HSI-2024-000777", "agency": "HSI", "date": "2024-04-10", "subjects": [
                  {"role": "FACILITATOR", "name": "TESTADO Lorna", "phone": "", "transfer_refs": ["ORIANE-1"]},
                  {"role": "BUYER", "name": "Maria Luz Dela Kruz", "city": "Lyon", "phone": "06 00 00 00 11"},
                  {"role": "BUYER", "name": "Quentin Nulpart", "phone": "06 99 99 99 99", "transfer_refs": []}]}]
                """);
        CliEndToEndTest.Run first = piste(home, "import", export.toString(), "--profile", "canonical");
        assertThat(first.exit()).as(first.err()).isZero();
        imported = piste(home, "referral", "import", referrals.toString(), "--legal-ref", "MLA-2024-12");
    }

    @Test
    @Order(1)
    void importPrintsEachSubjectsMatchWithItsEvidence() {
        assertThat(imported.exit()).as(imported.err()).isZero();
        String sha = StoredRows.sha256(export).substring(0, 12);
        assertThat(imported.out()).contains("1 referral, 3 subjects, 2 matched, 1 without a match.")
                .containsPattern("#0\\s+FACILITATOR\\s+TESTADO Lorna\\s+-> entity 1:R\\s+probability 1.0000 \\(cited transfer\\)")
                .contains("transfer reference ORIANE-1 is in source " + sha + ":4")
                .containsPattern("#1\\s+BUYER\\s+Maria Luz Dela Kruz\\s+-> entity 1:S\\s+probability (0\\.9\\d+|1\\.0000) \\(resolver")
                .containsPattern("(?m)^\\s+phone\\s+exact\\s+\\+\\d+\\.\\d+")
                .containsPattern("#2\\s+BUYER\\s+Quentin Nulpart\\s+-> no match");
    }

    @Test
    @Order(2)
    void reimportIsANoOpThatSaysSo() {
        CliEndToEndTest.Run again = piste(home, "referral", "import", referrals.toString());

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Already imported").contains("nothing to do");
    }

    @Test
    @Order(3)
    void malformedFileIsOneLineNamingTheField() throws Exception {
        Path bad = Files.writeString(files.resolve("bad.json"), """
                [{"referral_ref": "NCA-2024-000001", "agency": "NCA", "date": "2024-04-10",
                  "subjects": [{"role": "BUYER", "name": "Quentin Nulpart", "transfer_refs": [12]}]}]
                """);
        CliEndToEndTest.Run run = piste(home, "referral", "import", bad.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errorLines()).singleElement().asString().isEqualTo("piste: error: bad.json: referral 0 "
                + "(NCA-2024-000001), subject 0: 'transfer_refs' item 0 must be a non-empty string");
    }

    /** Issue 16, 1 and 5: a reference like a path is refused naming it; a huge value gives a line of bounded length. */
    @Test
    @Order(3)
    void aBadReferenceIsRefusedAndAHugeValueGivesAShortLine() throws Exception {
        Path path = Files.writeString(files.resolve("path.json"), """
                [{"referral_ref": "../../admin/users", "agency": "NCA", "date": "2024-04-10",
                  "subjects": [{"role": "BUYER", "name": "Quentin Nulpart"}]}]
                """);
        assertThat(piste(home, "referral", "import", path.toString()).errorLines()).singleElement().asString()
                .startsWith("piste: error: path.json: referral 0: 'referral_ref' must be 1 to 64 letters")
                .endsWith("was \"../../admin/users\"");

        Path huge = Files.writeString(files.resolve("huge.json"), """
                [{"referral_ref": "NCA-2024-000002", "agency": "NCA", "date": "2024-04-10",
                  "subjects": [{"role": "%s", "name": "Quentin Nulpart"}]}]
                """.formatted("S".repeat(100_000)));
        CliEndToEndTest.Run run = piste(home, "referral", "import", huge.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errorLines()).singleElement().asString().hasSizeLessThan(400)
                .startsWith("piste: error: huge.json: referral 0 (NCA-2024-000002), subject 0: 'role' must be BUYER or")
                .contains("…").endsWith("characters in all)");
    }

    @Test
    @Order(4)
    void acceptThenShowAndList() {
        CliEndToEndTest.Run accepted = piste(home, "referral", "accept", "HSI-2024-000777", "1", "2:S",
                "--note", "same phone");
        CliEndToEndTest.Run rejected = piste(home, "referral", "reject", "HSI-2024-000777", "0", "1:R");
        CliEndToEndTest.Run show = piste(home, "referral", "show", "HSI-2024-000777");
        CliEndToEndTest.Run list = piste(home, "referral", "list");

        assertThat(accepted.exit()).as(accepted.err()).isZero();
        assertThat(accepted.out()).contains("Subject #1 of HSI-2024-000777 and entity 1:S: ACCEPTED (by test-analyst: same phone)");
        assertThat(rejected.out()).contains("entity 1:R: REJECTED");
        assertThat(show.out()).contains("Referral HSI-2024-000777 from HSI, 2024-04-10: 3 subjects")
                .contains("legal reference MLA-2024-12")
                .contains("Subject #1 BUYER: Maria Luz Dela Kruz")
                .containsPattern("entity 1:S: ACCEPTED, probability (0\\.9\\d+|1\\.0000) \\(resolver, via record \\d:S\\), by test-analyst on .*: same phone")
                .contains("entity 1:R: REJECTED, probability 1.0000 (cited transfer)")
                .contains("transfers  ORIANE-1");
        assertThat(list.out()).containsPattern("HSI-2024-000777\\s+HSI\\s+2024-04-10\\s+3\\s+1\\s+1\\s+[0-9a-f]{12}\\s+MLA-2024-12");
    }
}
