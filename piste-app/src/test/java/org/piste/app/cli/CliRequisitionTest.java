package org.piste.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piste.app.cli.CliEndToEndTest.as;
import static org.piste.app.cli.CliEndToEndTest.piste;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.PartyExport.Person;
import org.piste.app.PartyExport;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.Role;
import org.piste.app.cases.CaseService;
import org.piste.app.store.Database;

/** The requisition commands end to end: draft, sent (late), deadlines, the answer imported, the text, need-to-know. */
class CliRequisitionTest {
    @TempDir static Path home;
    @TempDir static Path files;

    @Test
    void draftSendImportTheAnswerAndPrintTheText() {
        assertThat(piste(home, "sources").exit()).isZero(); // creates the analyst's account
        long caseId;
        try (Database db = Database.open(new Database.Settings(home, Optional.empty(), "", ""))) {
            caseId = new CaseService(db.dataSource()).create(Actor.user(CliEndToEndTest.ANALYST, Role.ANALYST,
                    Optional.empty()), new CaseService.NewCase("PARQ-CLI-1", "Console")).summary().id();
        }
        var drafted = piste(home, "requisition", "draft", Long.toString(caseId), "--addressee", "MTO-FICTIF", "--kind",
                "operator", "--basis", "77-1-1", "--from", "2024-01-01", "--to", "2024-01-31", "--number", "REQ-CLI-1");
        assertThat(drafted.exit()).as(drafted.err()).isZero();
        assertThat(drafted.out()).contains("Drafted requisition REQ-CLI-1", "status DRAFT");

        var sent = piste(home, "requisition", "sent", "req-cli-1", "--on", "2000-01-01", "--due", "2000-01-02");
        assertThat(sent.out()).as(sent.err()).contains("sent on 2000-01-01, due 2000-01-02: LATE");
        assertThat(piste(home, "deadlines").out()).containsPattern("LATE\\s+2000-01-02\\s+case " + caseId
                + "\\s+REQUISITION\\s+REQ-CLI-1");

        PartyExport e = new PartyExport();
        e.transfer("CLI-1", Person.sender("Oriane", "Fictival", "1979-05-05", "06 00 00 00 33", "Lyon"),
                Person.recipient("Lorna", "Testado", "0917 000 0001"));
        var imported = piste(home, "import", e.write(files.resolve("answer.csv")).toString(), "--profile", "canonical",
                "--legal-ref", " Req-Cli-1");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(piste(home, "requisition", "show", "REQ-CLI-1").out()).contains("ANSWERED to MTO-FICTIF")
                .contains("1 rows read, 1 accepted, 0 quarantined, 0 duplicates");
        assertThat(piste(home, "requisition", "show", "REQ-CLI-1", "--text").out())
                .contains("Vu l'article 77-1-1 du code de procédure pénale", "en citant la référence REQ-CLI-1");
        assertThat(piste(home, "deadlines").out()).contains("Nothing late");

        var outsider = as(home, "cli-outsider", Role.INVESTIGATOR, "requisition", "show", "REQ-CLI-1");
        assertThat(outsider.exit()).isEqualTo(1);
        assertThat(outsider.err()).contains("No requisition REQ-CLI-1");
        assertThat(outsider.out()).doesNotContain("MTO-FICTIF");
    }
}
