package org.piste.app.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.Role;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseService;
import org.piste.app.report.ReportFixture;
import org.piste.app.web.WebFixture;
import org.piste.ingest.Hashing;

/** Issue 18: the report button on the case page downloads the PDF Piste recorded as issued. */
class CaseReportDownloadTest {
    static final WebFixture web = WebFixture.start();
    @RegisterExtension
    static final Browser browser = new Browser(web);
    @TempDir static Path sim;
    @TempDir static Path downloads;
    static long caseId;

    @BeforeAll
    static void data() {
        web.withDemoData(150, sim);
        Actor lead = Actor.user("investigator", Role.INVESTIGATOR, Optional.empty());
        CaseService cases = new CaseService(web.database.dataSource());
        caseId = cases.create(lead, "PARQ-PDF-9", "Téléchargement").summary().id();
        cases.addSubject(lead, caseId, ReportFixture.busiestRecipient(web.database), CaseFile.SubjectKind.FACILITATOR);
    }

    @AfterAll
    static void stop() {
        browser.close();
        web.close();
    }

    @Test
    void theReportButtonDownloadsThePdfWhoseHashTheIssueRecorded() throws Exception {
        browser.signIn("investigator");
        ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        browser.open("/cases/" + caseId);
        assertThat(browser.find(By.id("case-report-submit")).getText()).isEqualTo("Rapport d’analyse financière (PDF)");
        browser.find(By.id("case-report-submit")).click();
        Path pdf = new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> downloaded().orElse(null));

        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        List<List<String>> issued = ReportFixture.rows(web.database, "SELECT i.pdf_sha256, s.id::text FROM report_issue i "
                + "JOIN report_snapshot s ON s.id = i.snapshot_id WHERE s.case_id = ? ORDER BY i.id", caseId);
        assertThat(issued).hasSize(1);
        assertThat(Hashing.sha256(bytes)).isEqualTo(issued.getFirst().get(0));
        assertThat(pdf.getFileName().toString()).isEqualTo("rapport-PARQ-PDF-9-" + issued.getFirst().get(1) + ".pdf");
    }

    private static Optional<Path> downloaded() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(".pdf")).findFirst();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
