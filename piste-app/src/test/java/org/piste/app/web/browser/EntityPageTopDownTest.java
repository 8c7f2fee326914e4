package org.piste.app.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.piste.app.web.WebFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The entity page reads top-down in French (issue 17, items 1, 5 and 6): who and what before why linked, the
 * evidence collapsed, no English word or raw enum, each transfer's time where it was sent and in Paris, French
 * numbers in the charts, and two records side by side for a same / not-same ruling. On the demo's top sender.
 */
class EntityPageTopDownTest {
    static final WebFixture web = WebFixture.start();
    @RegisterExtension
    static final Browser browser = new Browser(web);
    /** "le 19/10/2023 à 22:01 (Asia/Manila), soit le 19/10/2023 à 16:01 (heure de Paris)" */
    private static final Pattern MOMENT = Pattern.compile(
            "le (\\d\\d/\\d\\d/\\d{4} à \\d\\d:\\d\\d) \\(([A-Za-z_]+/[A-Za-z_/]+|UTC)\\), soit le (\\d\\d/\\d\\d/\\d{4} à \\d\\d:\\d\\d) \\(heure de Paris\\)");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");
    /** Words the French page must not show: enums and the resolver's English (link evidence, origins, legends). */
    private static final List<String> ENGLISH = List.of("PAID", "SENT", "RECEIVED", "CANCELLED", "REFUNDED", "SCORED",
            "given names", "surname", "date of birth", "exact", "missing", "prior odds", "different", "similar",
            "ID number", "counterparty", "nickname");

    @BeforeAll
    static void data(@TempDir Path dir) {
        web.withDemoData(300, dir.resolve("demo"));
    }

    @AfterAll
    static void stop() {
        browser.close();
        web.close();
    }

    @Test
    void theTopSendersPageReadsTopDownInFrench() {
        browser.signIn("investigator");
        String entity = topSender();
        browser.open("/entities/" + entity);
        for (String chart : List.of("chart-months", "chart-hours", "chart-counterparties-count", "chart-counterparties-amount")) {
            browser.await().until(ExpectedConditions.attributeToBe(By.id(chart), "data-rendered", "true"));
        }
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        System.out.println("entity page height (document.body.scrollHeight) for the top sender " + entity + ": "
                + js.executeScript("return document.body.scrollHeight") + " px");

        // Who, then what, then why linked.
        double who = top(js, "entity-who"), transfers = top(js, "transfers-table"), charts = top(js, "charts"),
                why = top(js, "entity-why");
        assertThat(who).isLessThan(transfers);
        assertThat(transfers).isLessThan(charts);
        assertThat(charts).isLessThan(why);
        assertThat(browser.find(By.id("entity-counts")).getText()).matches("\\d[\\d\u202f\u00a0 ]* transferts, \\d+ contreparties");
        assertThat(browser.find(By.id("entity-sides")).getText()).startsWith("expéditeur");
        // The evidence is there, collapsed.
        WebElement details = browser.find(By.id("links-details"));
        assertThat(details.getDomAttribute("open")).isNull();
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=link]"))).isNotEmpty()
                .noneMatch(WebElement::isDisplayed);

        // No English or raw enum in who, what and why linked, hidden parts included (the screening's explanation
        // below them is the alerts' fragment, translated with the alerts).
        String text = (String) js.executeScript("return ['entity-who', 'entity-what', 'entity-why'].map(function (id) {"
                + " return document.getElementById(id).textContent; }).join(' ')");
        for (String word : ENGLISH) assertThat(text).as("the French page shows '%s'", word).doesNotContain(word);

        // A transfer's time where it was sent, its zone named, and the same instant in Paris.
        WebElement row = browser.find(By.cssSelector("[data-testid=transfer-row]"));
        String shown = row.findElement(By.cssSelector("[data-testid=transfer-time]")).getText();
        Matcher m = MOMENT.matcher(shown);
        assertThat(m.matches()).as("'%s' names the zone and the Paris time", shown).isTrue();
        LocalDateTime local = LocalDateTime.parse(m.group(1), SHOWN);
        assertThat(local.atZone(ZoneId.of(m.group(2))).withZoneSameInstant(ZoneId.of("Europe/Paris")).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse(m.group(3), SHOWN));
        assertThat(row.getDomAttribute("data-at")).isEqualTo(local.toString().replace('T', ' '));
        assertThat(row.findElement(By.cssSelector("[data-testid=transfer-status]")).getText()).isNotEmpty().isLowerCase();
        assertThat(row.findElement(By.cssSelector("[data-testid=transfer-sent]")).getText()).matches("\\d[\\d\u202f\u00a0]*,\\d\\d [A-Z]{3}");

        // Charts: French legends and numbers ("25 000", not "25,000"), every month on the axis.
        Object legends = js.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-months'))"
                + ".getOption().series.map(function (s) { return s.name; })");
        assertThat((List<?>) legends).isNotEmpty().allSatisfy(n -> assertThat((String) n).matches("(Envoyé|Reçu) \\([A-Z]{3}\\)"));
        assertThat(js.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-months'))"
                + ".getOption().yAxis[0].axisLabel.formatter(25000)")).isEqualTo("25\u202f000");

        // Two records side by side: each field's two values in one row, as the link's evidence holds them.
        WebElement comparison = browser.find(By.id("comparison"));
        String a = comparison.getDomAttribute("data-a"), b = comparison.getDomAttribute("data-b");
        assertThat(comparison.findElement(By.cssSelector("[data-testid=compare-record-a]")).getText()).contains(a);
        assertThat(comparison.findElement(By.cssSelector("[data-testid=compare-record-b]")).getText()).contains(b);
        WebElement link = browser.find(By.cssSelector("[data-testid=link][data-a='" + a + "'][data-b='" + b + "']"));
        int compared = 0;
        for (WebElement cr : comparison.findElements(By.cssSelector("[data-testid=compare-row]"))) {
            String field = cr.getDomAttribute("data-field");
            String va = cr.findElement(By.cssSelector("[data-testid=compare-a]")).getText();
            String vb = cr.findElement(By.cssSelector("[data-testid=compare-b]")).getText();
            if (va.isEmpty() && vb.isEmpty()) continue;
            String evidence = link.findElement(By.cssSelector("[data-testid=link-evidence][data-field='" + field + "'] td:nth-child(4)"))
                    .getAttribute("textContent");
            assertThat(evidence).isEqualTo(va + " | " + vb);
            compared++;
        }
        assertThat(compared).isPositive();
        assertThat(browser.find(By.id("decision-record-a")).getDomProperty("value")).isEqualTo(a);
        assertThat(browser.find(By.id("decision-record-b")).getDomProperty("value")).isEqualTo(b);
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    /** English complete: the same page in English has its words, legends and English numbers, and no raw key. */
    @Test
    void theSamePageInEnglish() {
        browser.signIn("investigator");
        String entity = topSender();
        try {
            browser.open("/entities/" + entity + "?lang=en");
            browser.await().until(ExpectedConditions.attributeToBe(By.id("chart-months"), "data-rendered", "true"));
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            assertThat(browser.find(By.id("entity-counts")).getText()).matches("\\d[\\d,]* transfers, \\d+ counterparties");
            assertThat(browser.driver().getPageSource()).doesNotContain("??");
            assertThat(browser.find(By.cssSelector("[data-testid=transfer-time]")).getText()).endsWith("Paris time");
            Object legends = js.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-months'))"
                    + ".getOption().series.map(function (s) { return s.name; })");
            assertThat((List<?>) legends).allSatisfy(n -> assertThat((String) n).matches("(Sent|Received) \\([A-Z]{3}\\)"));
            assertThat(js.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-months'))"
                    + ".getOption().yAxis[0].axisLabel.formatter(25000)")).isEqualTo("25,000");
        } finally {
            browser.open("/entities/" + entity + "?lang=fr");
        }
    }

    private static double top(JavascriptExecutor js, String id) {
        Object y = js.executeScript("var e = document.getElementById(arguments[0]); "
                + "return e ? e.getBoundingClientRect().top + window.scrollY : -1", id);
        assertThat(((Number) y).doubleValue()).as("#%s is on the page", id).isNotNegative();
        return ((Number) y).doubleValue();
    }

    /** The sender ranked first by the latest screening run. */
    private static String topSender() {
        return JdbcClient.create(web.database.dataSource())
                .sql("SELECT entity_id FROM entity_score WHERE side = 'SENDER' ORDER BY run_id DESC, position LIMIT 1")
                .query(String.class).single();
    }
}
