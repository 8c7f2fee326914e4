package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.app.cli.CliEndToEndTest.as;
import static org.piste.app.cli.CliEndToEndTest.piste;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.PartyExport;
import org.piste.app.PartyExport.Person;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.Role;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseService;
import org.piste.app.store.Database;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 'piste request' as a user runs it: draft, list, package to a file, mark sent, show; a non-member sees nothing. */
class CliRequestTest {
    @TempDir static Path home;
    @TempDir static Path files;
    static long caseId;
    static long luz;

    @BeforeAll
    static void importAndOpenACase() {
        PartyExport e = new PartyExport();
        e.transfer("LUZ-1", Person.sender("Maria Luz", "Dela Cruz", "1985-03-12", "06 00 00 00 11", "Lyon"),
                Person.recipient("Lorna", "Testado", "0917 000 0001"));
        e.transfer("ORIANE-1", Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon"),
                Person.recipient("Jun", "Sampleton", "0917 000 0002"));
        CliEndToEndTest.Run imported = piste(home, "import", e.write(files.resolve("parties.csv")).toString(),
                "--profile", "canonical");
        assertThat(imported.exit()).as(imported.err()).isZero();
        try (Database db = Database.open(new Database.Settings(home, Optional.empty(), "", ""))) {
            Actor analyst = Actor.user(CliEndToEndTest.ANALYST, Role.ANALYST, Optional.empty());
            CaseService cases = new CaseService(db.dataSource());
            caseId = cases.create(analyst, new CaseService.NewCase("PARQ-CLI-EAI", "Entraide")).summary().id();
            luz = JdbcClient.create(db.dataSource()).sql("SELECT id FROM transfer WHERE reference = 'LUZ-1'")
                    .query(Long.class).single();
            cases.addSubject(analyst, caseId, luz + ":S", CaseFile.SubjectKind.BUYER);
            cases.addEvidence(analyst, caseId, "LUZ-1", "");
        }
    }

    @Test
    void aRequestIsDraftedPackagedSentAndShownAndHiddenFromOutsiders() throws Exception {
        int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
        String number = "EAI-" + year + "-0001";
        CliEndToEndTest.Run drafted = piste(home, "request", "new", Long.toString(caseId), "--channel", "mla",
                "--country", "PH", "--authority", "Department of Justice", "--question", "Titulaires des comptes ?",
                "--subject", luz + ":S", "--transfer", Long.toString(luz));
        assertThat(drafted.exit()).as(drafted.err()).isZero();
        assertThat(drafted.out()).contains("Request " + number + " drafted").contains("Department of Justice (PH) via MLA");
        assertThat(piste(home, "request", "list", Long.toString(caseId)).out()).contains(number).contains("DRAFT");

        Path zip = files.resolve("package.zip");
        CliEndToEndTest.Run packaged = piste(home, "request", "package", number, "--out", zip.toString());
        assertThat(packaged.exit()).as(packaged.err()).isZero();
        assertThat(packaged.out()).contains("1 persons, 1 transfers");
        try (var in = new java.util.zip.ZipFile(zip.toFile())) {
            assertThat(in.stream().map(java.util.zip.ZipEntry::getName)).containsExactly("entities.ftm.json",
                    "manifest.json", "subjects.csv", "transfers.csv");
            assertThat(new String(in.getInputStream(in.getEntry("transfers.csv")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8)).contains("LUZ-1").doesNotContain("ORIANE-1");
        }

        String due = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(30).toString();
        CliEndToEndTest.Run sent = piste(home, "request", "sent", number, "--due", due);
        assertThat(sent.exit()).as(sent.err()).isZero();
        assertThat(sent.out()).contains("SENT").contains("due " + due).doesNotContain("LATE");
        assertThat(piste(home, "request", "show", number).out()).contains("Package produced").contains("1 persons, 1 transfers")
                .contains("subject").contains("transfer #");

        CliEndToEndTest.Run outsider = as(home, "test-analyst2", Role.ANALYST, "request", "show", number);
        assertThat(outsider.exit()).isEqualTo(1);
        assertThat(outsider.err()).contains("No request " + number).doesNotContain("Justice");
        assertThat(as(home, "test-analyst2", Role.ANALYST, "request", "list", Long.toString(caseId)).exit()).isEqualTo(1);
    }
}
