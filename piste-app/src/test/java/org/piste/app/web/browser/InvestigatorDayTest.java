package org.piste.app.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.piste.app.web.WebFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The investigator's day of issue 17, in French and in English, one language per run through the same steps: find a
 * sender by a phone number written as a person would type it, open one of its transfers (the raw line and its
 * SHA-256:line), its entity page, its network and the network's table, add it to a case, export its transfers as
 * CSV in the page's dialect. With {@code -Dpiste.screenshots=DIR} the French run saves a screenshot of each page
 * there (how docs/screenshots/ was made).
 */
class InvestigatorDayTest {
    static final WebFixture web = WebFixture.start();
    @RegisterExtension
    static final Browser browser = new Browser(web);
    static final String SCREENSHOTS = System.getProperty("piste.screenshots", "");

    @BeforeAll
    static void data(@TempDir Path dir) {
        web.withDemoData(300, dir.resolve("demo"));
    }

    @AfterAll
    static void stop() {
        browser.close();
        web.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void anInvestigatorsDay(String language) {
        browser.signIn("investigator");
        browser.open("/?lang=" + language);
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        shot(language, "dashboard");
        String entity = topSender();

        findsTheSenderByPhone(language, entity);
        browser.find(By.cssSelector("[data-testid=transfer-row]"));
        shot(language, "entity");

        opensATransfer(language, entity);
        opensTheNetworkAndItsTable(language, entity);
        addsTheEntityToACase(language, entity);
        exportsTheTransfersAsCsv(language, entity);
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    /** The header's search box, given the sender's phone as a French investigator would write it, not as stored. */
    private static void findsTheSenderByPhone(String language, String entity) {
        String e164 = JdbcClient.create(web.database.dataSource()).sql("SELECT t.sender_phone_e164 FROM entity_member m"
                + " JOIN transfer t ON t.id = m.transfer_id WHERE m.entity_id = ? AND m.side = 'S'"
                + " AND t.sender_phone_e164 IS NOT NULL ORDER BY t.id LIMIT 1").param(entity).query(String.class).single();
        String typed = asTyped(e164);
        browser.find(By.id("header-search-q")).sendKeys(typed + Keys.ENTER);
        List<WebElement> people = browser.await().until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("[data-testid=search-person]"));
            return rows.isEmpty() ? null : rows;
        });
        shot(language, "search");
        WebElement found = people.stream().filter(r -> entity.equals(r.getAttribute("data-entity"))).findFirst()
                .orElseThrow(() -> new AssertionError(typed + " did not find " + entity));
        found.findElement(By.tagName("a")).click();
        browser.await().until(ExpectedConditions.attributeToBe(By.id("entity-summary"), "data-entity", entity));
    }

    /** +33612345678 as "06 12 34 56 78"; any other country as "+63 917 1234567" (spaces, no longer E.164). */
    static String asTyped(String e164) {
        if (e164.startsWith("+33") && e164.length() == 12) {
            String national = "0" + e164.substring(3);
            return String.join(" ", national.split("(?<=\\G..)"));
        }
        return e164.substring(0, 3) + " " + e164.substring(3, 6) + " " + e164.substring(6);
    }

    private static void opensATransfer(String language, String entity) {
        WebElement row = browser.find(By.cssSelector("[data-testid=transfer-row]"));
        String transfer = row.getAttribute("data-transfer");
        row.findElement(By.cssSelector("[data-testid=transfer-link]")).click();
        browser.await().until(ExpectedConditions.attributeToBe(By.id("transfer-summary"), "data-transfer", transfer));
        String sourceRow = browser.find(By.id("transfer-row")).getText();
        assertThat(sourceRow).matches("[0-9a-f]{64}:\\d+");
        assertThat(sourceRow.substring(0, 64)).isEqualTo(JdbcClient.create(web.database.dataSource())
                .sql("SELECT s.sha256 FROM transfer t JOIN source_file s ON s.id = t.source_id WHERE t.id = ?")
                .param(Long.parseLong(transfer)).query(String.class).single());
        assertThat(browser.find(By.id("transfer-raw")).getText()).contains(browser.find(By.id("transfer-reference")).getText());
        shot(language, "transfer");
        browser.open("/entities/" + entity);
    }

    private static void opensTheNetworkAndItsTable(String language, String entity) {
        browser.find(By.id("network-link")).click();
        browser.await().until(ExpectedConditions.attributeToBe(By.id("network-graph"), "data-ready", "true"));
        shot(language, "network");
        long nodes = (Long) ((JavascriptExecutor) browser.driver()).executeScript("return window.pisteNetwork.cy.nodes('.entity').length");
        browser.find(By.id("network-show-table")).click();
        browser.visible(By.id("network-nodes-table"));
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#network-nodes-table tbody tr"));
        assertThat((long) rows.size()).as("the table lists the graph's entities").isEqualTo(nodes);
        assertThat(rows).anySatisfy(r -> assertThat(r.findElement(By.cssSelector("td:nth-child(2)")).getText()).isEqualTo(entity));
        assertThat(rows.getFirst().findElement(By.cssSelector("td:nth-child(3)")).getText())
                .isIn(language.equals("fr") ? List.of("expéditeur", "bénéficiaire", "expéditeur et bénéficiaire")
                        : List.of("sender", "recipient", "sender and recipient"));
        shot(language, "network-table");
    }

    private static void addsTheEntityToACase(String language, String entity) {
        String reference = "PARQ-2026-DAY-" + language.toUpperCase();
        browser.open("/cases");
        browser.find(By.id("case-create-reference")).sendKeys(reference);
        browser.find(By.id("case-create-title")).sendKeys(language.equals("fr") ? "Journée d'enquête" : "Investigator's day");
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
        shot(language, "case");
    }

    /** The page's CSV link, fetched with the page's session: French gets ; a decimal comma and a BOM, English not. */
    private static void exportsTheTransfersAsCsv(String language, String entity) {
        browser.open("/entities/" + entity);
        String href = browser.find(By.id("transfers-csv")).getAttribute("href");
        @SuppressWarnings("unchecked")
        List<Long> bytes = (List<Long>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => done(Array.from(new Uint8Array(b))));",
                href);
        byte[] body = new byte[bytes.size()];
        for (int i = 0; i < body.length; i++) body[i] = bytes.get(i).byteValue();
        String text = new String(body, StandardCharsets.UTF_8);
        String header = text.lines().findFirst().orElseThrow();
        if (language.equals("fr")) {
            assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            assertThat(header).contains(";");
            assertThat(text.lines().skip(1).findFirst().orElseThrow()).matches(".*;\\d+,\\d{2};.*");
        } else {
            assertThat(body[0]).isNotEqualTo((byte) 0xEF);
            assertThat(header).contains(",").doesNotContain(";");
            assertThat(text.lines().skip(1).findFirst().orElseThrow()).matches(".*,\\d+\\.\\d{2},.*");
        }
        assertThat(URLDecoder.decode(href, StandardCharsets.UTF_8)).contains("/entities/" + entity);
    }

    /** The French run's screenshots, when asked for: the pages as an investigator sees them, for docs/screenshots. */
    private static void shot(String language, String page) {
        if (SCREENSHOTS.isEmpty() || !language.equals("fr")) return;
        try {
            Path dir = Path.of(SCREENSHOTS);
            Files.createDirectories(dir);
            Files.write(dir.resolve(page + ".png"), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sender ranked first by the latest screening run. */
    private static String topSender() {
        return JdbcClient.create(web.database.dataSource())
                .sql("SELECT entity_id FROM entity_score WHERE side = 'SENDER' ORDER BY run_id DESC, position LIMIT 1")
                .query(String.class).single();
    }
}
