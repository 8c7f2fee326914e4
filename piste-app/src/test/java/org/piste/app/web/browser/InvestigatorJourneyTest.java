package org.piste.app.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.piste.app.web.WebFixture;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.SimSummary;
import org.piste.sim.Simulator;

/**
 * An investigator's day in a real browser: sign in, import an operator export, open an alert and its explanation,
 * the entity's page and charts, expand its network, open a case with the entity as a subject; then an admin finds
 * each of those views in the audit trail. The steps share one browser and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvestigatorJourneyTest {
    static final WebFixture web = WebFixture.start();
    @RegisterExtension
    static final Browser browser = new Browser(web);
    static Path export;
    static String entity;

    @BeforeAll
    static void data(@TempDir Path dir) {
        web.withDemoData(300, dir.resolve("demo"));
        // A second, smaller export (another seed, so another file) for the investigator to upload.
        SimSummary sim = Simulator.run(SimConfig.defaults().withSenders(40).withSeed(7), dir.resolve("upload"),
                Format.OPERATOR, Simulator.Progress.NONE);
        export = sim.transfersFile();
        browser.signIn("investigator");
    }

    @AfterAll
    static void stop() {
        browser.close();
        web.close();
    }

    @Test
    @Order(1)
    void importsAnExportAndSeesItsCountsReconcile() {
        browser.open("/imports");
        browser.find(By.id("import-file")).sendKeys(export.toAbsolutePath().toString());
        new Select(browser.find(By.id("import-profile"))).selectByValue("fr-operator");
        browser.find(By.id("import-provider")).sendKeys("MTO-FICTIF");
        browser.find(By.id("import-legal-ref")).sendKeys("REQ-BROWSER-1");
        browser.find(By.id("import-submit")).click();
        browser.await().withTimeout(java.time.Duration.ofSeconds(120))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            String state = d.findElement(By.id("import-job")).getAttribute("data-state");
            return "DONE".equals(state) || "FAILED".equals(state);
        });
        assertThat(browser.find(By.id("import-job")).getAttribute("data-state")).isEqualTo("DONE");
        long read = count("count-read"), accepted = count("count-accepted"), quarantined = count("count-quarantined"),
                duplicates = count("count-duplicates");
        assertThat(read).isPositive().isEqualTo(accepted + quarantined + duplicates);
        assertThat(browser.find(By.id("job-reconciles")).isDisplayed()).isTrue();
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    @Test
    @Order(2)
    void opensTheTopAlertAndItsExplanationAddsUp() {
        browser.open("/alerts");
        WebElement first = browser.find(By.cssSelector("tr[data-testid=alert-row]"));
        entity = first.getAttribute("data-entity");
        assertThat(first.getAttribute("data-rank")).isEqualTo("1");
        first.findElement(By.cssSelector("[data-testid=alert-expand]")).click();
        WebElement explanation = browser.visible(By.cssSelector("[data-testid=alert-explanation]"));
        List<WebElement> contributions = explanation.findElements(By.cssSelector("[data-testid=contribution]"));
        assertThat(contributions).isNotEmpty();
        assertThat(explanation.findElements(By.cssSelector("[data-testid=provenance]")))
                .allSatisfy(p -> assertThat(p.getAttribute("data-sha256")).matches("[0-9a-f]{64}"));
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    @Test
    @Order(3)
    void entityPageDrawsItsChartsAndListsItsTransfers() {
        browser.open("/entities/" + entity);
        for (String chart : List.of("chart-months", "chart-hours", "chart-counterparties-count")) {
            browser.await().until(ExpectedConditions.attributeToBe(By.id(chart), "data-rendered", "true"));
        }
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=transfer-row]"))).isNotEmpty();
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    @Test
    @Order(4)
    void expandsTheNetworkFromTheEntity() {
        browser.find(By.id("network-link")).click();
        browser.await().until(ExpectedConditions.attributeToBe(By.id("network-graph"), "data-ready", "true"));
        List<String> before = nodes();
        assertThat(before).contains(entity).hasSizeGreaterThan(1);
        String neighbour = before.stream().filter(n -> !n.equals(entity)).findFirst().orElseThrow();
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('network-graph').dataset.ready = 'false';"
                        + " window.pisteNetwork.cy.$id(arguments[0]).emit('tap');", neighbour);
        browser.await().until(ExpectedConditions.attributeToBe(By.id("network-graph"), "data-ready", "true"));
        assertThat(nodes()).as("expanding a neighbour adds its own counterparties").containsAll(before)
                .hasSizeGreaterThan(before.size());
        assertThat(java.net.URLDecoder.decode(browser.find(By.id("network-entity-link")).getAttribute("href"),
                java.nio.charset.StandardCharsets.UTF_8)).endsWith("/entities/" + neighbour);
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    @Test
    @Order(5)
    void opensACaseAndAddsTheEntityAsASubject() {
        browser.open("/cases");
        browser.find(By.id("case-create-reference")).sendKeys("PARQ-2026-BROWSER");
        browser.find(By.id("case-create-title")).sendKeys("Parcours navigateur");
        browser.find(By.id("case-create-submit")).click();
        browser.find(By.id("case-reference"));
        browser.find(By.id("case-work")).click();
        browser.find(By.id("case-working"));

        browser.open("/entities/" + entity);
        WebElement form = browser.visible(By.id("case-add-subject-form"));
        new Select(form.findElement(By.id("case-add-subject-kind"))).selectByValue("BUYER");
        form.findElement(By.cssSelector("[data-testid=case-add-subject-to]")).click();
        WebElement subject = browser.find(By.cssSelector("[data-testid=case-subject]"));
        assertThat(subject.getAttribute("data-record-id")).isEqualTo(entity);
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    @Test
    @Order(6)
    void anAdminFindsEveryViewInTheAuditTrail() {
        browser.signIn("admin");
        browser.open("/admin/audit?user=investigator");
        List<String> actions = browser.driver().findElements(By.cssSelector("#audit-events tbody tr td:nth-child(4)"))
                .stream().map(WebElement::getText).toList();
        assertThat(actions).contains("import.upload", "alerts.search", "alert.view", "entity.view", "network.view",
                "network.expand", "case.view", "case.work");
        List<String> objects = browser.driver().findElements(By.cssSelector("#audit-events tbody tr td:nth-child(5)"))
                .stream().map(WebElement::getText).toList();
        assertThat(objects).contains("entity:" + entity);
        List<String> cases = browser.driver().findElements(By.cssSelector("#audit-events tbody tr td:nth-child(6)"))
                .stream().map(WebElement::getText).filter(s -> !s.isEmpty()).toList();
        assertThat(cases).as("reads made while working for the case carry its number").isNotEmpty();
        browser.find(By.id("verify")).click();
        assertThat(browser.visible(By.id("verification")).getAttribute("class")).isEqualTo("ok");
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    private static long count(String id) {
        return Long.parseLong(browser.find(By.id(id)).getText().replaceAll("[^0-9]", ""));
    }

    private static List<String> nodes() {
        return Arrays.asList(browser.find(By.id("network-graph")).getAttribute("data-nodes").split(","));
    }
}
