package org.piste.app.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.piste.app.web.WebFixture;
import org.piste.sim.Format;
import org.piste.sim.SimConfig;
import org.piste.sim.Simulator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An investigator's day in a real browser: sign in, import an operator export, open an alert and its explanation,
 * the entity's page and charts, expand its network, open a case with the entity as a subject; an admin finds each
 * of those views in the audit trail. Each step signs in and finds what it needs itself (the entity is the top-ranked
 * sender when the step starts, since an import re-ranks), so the steps run in any order; they share one server
 * with the demo data and one browser.
 */
class InvestigatorJourneyTest {
    static final WebFixture web = WebFixture.start();
    @RegisterExtension
    static final Browser browser = new Browser(web);
    /** A second, smaller export (another seed, so another file) to upload; only read. */
    static Path export;

    @BeforeAll
    static void data(@TempDir Path dir) {
        web.withDemoData(300, dir.resolve("demo"));
        export = Simulator.run(SimConfig.defaults().withSenders(40).withSeed(7), dir.resolve("upload"),
                Format.OPERATOR, Simulator.Progress.NONE).transfersFile();
    }

    @AfterAll
    static void stop() {
        browser.close();
        web.close();
    }

    @Test
    void importsAnExportAndSeesItsCountsReconcile() {
        browser.signIn("investigator");
        upload("REQ-BROWSER-1", false);
        assertThat(browser.find(By.id("import-job")).getAttribute("data-state")).isEqualTo("DONE");
        long read = count("count-read"), accepted = count("count-accepted"), quarantined = count("count-quarantined"),
                duplicates = count("count-duplicates");
        assertThat(read).isPositive().isEqualTo(accepted + quarantined + duplicates);
        WebElement reconciles = browser.find(By.id("job-reconciles"));
        assertThat(reconciles.getAttribute("class")).isEqualTo("ok");
        // The sentence states the reconciliation with the same four counts (French grouping spaces removed).
        String sentence = reconciles.getText().replaceAll("(\\d)[\\s\u00a0\u202f](?=\\d)", "$1");
        assertThat(sentence).startsWith("Décompte concordant");
        assertThat(numbers(sentence)).containsExactly(read, accepted, quarantined, duplicates);
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    @Test
    void opensTheTopAlertAndItsExplanationAddsUp() {
        browser.signIn("investigator");
        browser.open("/alerts");
        WebElement first = browser.find(By.cssSelector("tr[data-testid=alert-row]"));
        assertThat(first.getAttribute("data-rank")).isEqualTo("1");
        BigDecimal score = decimal(first.findElement(By.cssSelector("[data-testid=alert-score]")).getText());
        first.findElement(By.cssSelector("[data-testid=alert-expand]")).click();
        WebElement explanation = browser.visible(By.cssSelector("[data-testid=alert-explanation]"));
        List<BigDecimal> points = explanation.findElements(By.cssSelector("[data-testid=contribution] td:nth-child(3)"))
                .stream().map(td -> decimal(td.getText())).toList();
        assertThat(points).isNotEmpty();
        BigDecimal sum = points.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        // Each shown number is rounded to 0.01, so off by at most 0.005: the shown points and the shown score may
        // differ by (contributions + 1) x 0.005, and no more.
        BigDecimal rounding = new BigDecimal("0.005").multiply(BigDecimal.valueOf(points.size() + 1L));
        assertThat(sum.subtract(score).abs()).as("points %s against score %s", points, score)
                .isLessThanOrEqualTo(rounding);
        WebElement total = explanation.findElement(By.cssSelector("[data-testid=contributions-total]"));
        assertThat(decimal(total.getText())).isEqualByComparingTo(score);
        assertThat(explanation.findElements(By.cssSelector("[data-testid=provenance]")))
                .allSatisfy(p -> assertThat(p.getAttribute("data-sha256")).matches("[0-9a-f]{64}"));
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    /** Nothing silent: a dismissal without its note is stopped at the field, and a refusal says why by the form. */
    @Test
    void aRefusedRulingSaysWhyBesideItsForm() {
        browser.signIn("investigator");
        browser.open("/alerts");
        browser.find(By.cssSelector("tr[data-testid=alert-row] [data-testid=alert-expand]")).click();
        WebElement form = browser.visible(By.cssSelector("[data-testid=alert-decision]"));
        new Select(form.findElement(By.cssSelector("[data-testid=decision-kind]"))).selectByValue("dismiss");
        WebElement note = form.findElement(By.cssSelector("[data-testid=decision-note]"));
        form.findElement(By.cssSelector("[data-testid=decision-submit]")).click();

        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        assertThat(js.executeScript("return arguments[0].validity.valueMissing", note)).as("the browser asks for the note")
                .isEqualTo(true);
        assertThat(form.findElements(By.cssSelector("[data-testid=form-error]"))).as("nothing was sent").isEmpty();

        // Past the browser's check (an old browser, a script), the server refuses and the form says why.
        js.executeScript("arguments[0].required = false", note);
        form.findElement(By.cssSelector("[data-testid=decision-submit]")).click();
        WebElement error = browser.visible(By.cssSelector("[data-testid=alert-decision] [data-testid=form-error]"));
        assertThat(error.getText()).contains("note");
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        // The browser logs the refused request, and nothing else (read here, so the next step starts clean).
        assertThat(browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(e -> e.getMessage()))
                .isNotEmpty().allSatisfy(m -> assertThat(m).contains("400").contains("/decision"));
    }

    @Test
    void entityPageDrawsItsChartsAndListsItsTransfers() {
        browser.signIn("investigator");
        browser.open("/entities/" + topSender());
        for (String chart : List.of("chart-months", "chart-hours", "chart-counterparties-count")) {
            browser.await().until(ExpectedConditions.attributeToBe(By.id(chart), "data-rendered", "true"));
        }
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=transfer-row]"))).isNotEmpty();
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    /** The reference in the entity's transfers opens the transfer page, whose parties link back to the entity. */
    @Test
    void opensATransferFromTheEntityPage() {
        browser.signIn("investigator");
        String entity = topSender();
        browser.open("/entities/" + entity);
        WebElement row = browser.find(By.cssSelector("[data-testid=transfer-row]"));
        String transfer = row.getAttribute("data-transfer");
        row.findElement(By.cssSelector("[data-testid=transfer-link]")).click();
        browser.await().until(ExpectedConditions.attributeToBe(By.id("transfer-summary"), "data-transfer", transfer));
        assertThat(browser.find(By.id("transfer-row")).getText()).matches("[0-9a-f]{64}:\\d+");
        assertThat(browser.find(By.id("transfer-raw")).getText()).contains(browser.find(By.id("transfer-reference")).getText());
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=party-entity]")))
                .extracting(a -> URLDecoder.decode(a.getAttribute("href"), StandardCharsets.UTF_8))
                .anyMatch(href -> href.endsWith("/entities/" + entity));
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    /** ECharts writes its tooltip as HTML with style attributes, which the CSP refuses: hovering must show it, cleanly. */
    @Test
    void chartTooltipsShowUnderTheCsp() {
        browser.signIn("investigator");
        browser.open("/entities/" + topSender());
        browser.await().until(ExpectedConditions.attributeToBe(By.id("chart-hours"), "data-rendered", "true"));
        BrowserSignInTest.assertNoConsoleErrors(browser);
        WebElement chart = browser.find(By.id("chart-hours"));

        new Actions(browser.driver()).moveToElement(chart).pause(Duration.ofMillis(200)).moveByOffset(5, 5).perform();

        // The tooltip is the chart's last child, once ECharts has made it; it names both series of the hour.
        WebElement tip = browser.await().until(d -> {
            List<WebElement> children = chart.findElements(By.xpath("./div"));
            WebElement last = children.get(children.size() - 1);
            return children.size() > 1 && last.isDisplayed() && !last.getText().isBlank() ? last : null;
        });
        assertThat(tip.getText()).contains(chart.getAttribute("data-sent"), chart.getAttribute("data-received"));
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    @Test
    void expandsTheNetworkFromTheEntity() {
        browser.signIn("investigator");
        String entity = topSender();
        browser.open("/entities/" + entity);
        browser.find(By.id("network-link")).click();
        browser.await().until(ExpectedConditions.attributeToBe(By.id("network-graph"), "data-ready", "true"));
        List<String> before = nodes();
        assertThat(before).contains(entity).hasSizeGreaterThan(1);
        String neighbour = before.stream().filter(n -> !n.equals(entity)).findFirst().orElseThrow();
        tap(neighbour);
        assertThat(nodes()).as("expanding a neighbour adds its own counterparties").containsAll(before)
                .hasSizeGreaterThan(before.size());
        assertThat(URLDecoder.decode(browser.find(By.id("network-entity-link")).getAttribute("href"),
                StandardCharsets.UTF_8)).endsWith("/entities/" + neighbour);
        assertThat(browser.find(By.cssSelector("#network-details-body dt")).getText())
                .as("the side panel's labels come from the bundles, not a hard-coded ID").isEqualTo("N°");
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    @Test
    void opensACaseAndAddsTheEntityAsASubject() {
        browser.signIn("investigator");
        String entity = topSender();
        openCaseAndWorkForIt("PARQ-2026-BROWSER");

        browser.open("/entities/" + entity);
        WebElement form = browser.visible(By.id("case-add-subject-form"));
        new Select(form.findElement(By.id("case-add-subject-kind"))).selectByValue("BUYER");
        form.findElement(By.cssSelector("[data-testid=case-add-subject-to]")).click();
        WebElement subject = browser.find(By.cssSelector("[data-testid=case-subject]"));
        assertThat(subject.getAttribute("data-record-id")).isEqualTo(entity);
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    /** Another investigator makes each kind of view here, so the trail holds them whatever the other steps did. */
    @Test
    void anAdminFindsEveryViewInTheAuditTrail() {
        browser.signIn("investigator2");
        String entity = topSender();
        upload("REQ-BROWSER-AUDIT", true);
        browser.open("/alerts");
        browser.open("/alerts/SENDER/" + entity);
        browser.find(By.cssSelector("[data-testid=alert-explanation]"));
        browser.open("/network?entity=" + entity);
        browser.await().until(ExpectedConditions.attributeToBe(By.id("network-graph"), "data-ready", "true"));
        tap(nodes().stream().filter(n -> !n.equals(entity)).findFirst().orElseThrow());
        openCaseAndWorkForIt("PARQ-2026-AUDIT");
        browser.open("/entities/" + entity);
        browser.find(By.id("case-add-subject-form"));

        browser.signIn("admin");
        browser.open("/admin/audit?user=investigator2");
        List<String> actions = column(4);
        assertThat(actions).contains("import.upload", "alerts.search", "alert.view", "entity.view", "network.view",
                "network.expand", "case.view", "case.work");
        assertThat(column(5)).contains("entity:" + entity);
        assertThat(column(6).stream().filter(s -> !s.isEmpty()))
                .as("reads made while working for the case carry its number").isNotEmpty();
        browser.find(By.id("verify")).click();
        assertThat(browser.visible(By.id("verification")).getAttribute("class")).isEqualTo("ok");
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    /** Uploads the export through the form and waits until its job has finished (stored and refreshed). */
    private static void upload(String legalReference, boolean dryRun) {
        browser.open("/imports");
        browser.find(By.id("import-file")).sendKeys(export.toAbsolutePath().toString());
        new Select(browser.find(By.id("import-profile"))).selectByValue("fr-operator");
        browser.find(By.id("import-provider")).sendKeys("MTO-FICTIF");
        browser.find(By.id("import-legal-ref")).sendKeys(legalReference);
        if (dryRun) browser.find(By.id("import-dry-run")).click();
        browser.find(By.id("import-submit")).click();
        browser.await().withTimeout(Duration.ofSeconds(120)).ignoring(StaleElementReferenceException.class).until(d -> {
            String state = d.findElement(By.id("import-job")).getAttribute("data-state");
            return "DONE".equals(state) || "FAILED".equals(state);
        });
    }

    /** Taps a node of the network graph, which expands it, and waits until the graph is drawn again. */
    private static void tap(String node) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('network-graph').dataset.ready = 'false';"
                        + " window.pisteNetwork.cy.$id(arguments[0]).emit('tap');", node);
        browser.await().until(ExpectedConditions.attributeToBe(By.id("network-graph"), "data-ready", "true"));
    }

    private static void openCaseAndWorkForIt(String reference) {
        browser.open("/cases");
        browser.find(By.id("case-create-reference")).sendKeys(reference);
        browser.find(By.id("case-create-title")).sendKeys("Parcours navigateur");
        browser.find(By.id("case-create-submit")).click();
        browser.find(By.id("case-reference"));
        browser.find(By.id("case-work")).click();
        browser.find(By.id("case-working"));
    }

    /** The sender ranked first by the latest screening run. */
    private static String topSender() {
        return JdbcClient.create(web.database.dataSource())
                .sql("SELECT entity_id FROM entity_score WHERE side = 'SENDER' ORDER BY run_id DESC, position LIMIT 1")
                .query(String.class).single();
    }

    private static List<String> column(int n) {
        return browser.driver().findElements(By.cssSelector("#audit-events tbody tr td:nth-child(" + n + ")"))
                .stream().map(WebElement::getText).toList();
    }

    /** A number as the French pages show it: 1 234,56 (grouping by a space, if any, and a decimal comma). */
    private static BigDecimal decimal(String shown) {
        return new BigDecimal(shown.replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.'));
    }

    private static List<Long> numbers(String text) {
        Matcher m = Pattern.compile("\\d+").matcher(text);
        List<Long> numbers = new java.util.ArrayList<>();
        while (m.find()) numbers.add(Long.parseLong(m.group()));
        return numbers;
    }

    private static long count(String id) {
        return Long.parseLong(browser.find(By.id(id)).getText().replaceAll("[^0-9]", ""));
    }

    private static List<String> nodes() {
        return Arrays.asList(browser.find(By.id("network-graph")).getAttribute("data-nodes").split(","));
    }
}
