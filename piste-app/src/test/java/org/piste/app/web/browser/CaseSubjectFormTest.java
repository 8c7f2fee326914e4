package org.piste.app.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.piste.app.web.WebFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17, items 2 and 7, in a browser: the case's add-subject field says whom a number names while it is typed,
 * adding names whom was added, and a number that names nobody is said beside the field.
 */
class CaseSubjectFormTest {
    static final WebFixture web = WebFixture.start();
    @RegisterExtension
    static final Browser browser = new Browser(web);

    @BeforeAll
    static void data(@TempDir Path dir) {
        web.withDemoData(300, dir);
    }

    @AfterAll
    static void stop() {
        browser.close();
        web.close();
    }

    @Test
    void theFieldNamesWhomTheNumberNamesBeforeAndAfterAddingAndSaysWhenItNamesNobody() {
        Map<String, Object> entity = JdbcClient.create(web.database.dataSource())
                .sql("SELECT entity_id FROM entity_member WHERE entity_id LIKE '%:R' ORDER BY entity_id LIMIT 1")
                .query().singleRow();
        String id = (String) entity.get("entity_id");
        browser.signIn("investigator");
        browser.open("/cases");
        browser.find(By.id("case-create-reference")).sendKeys("PARQ-NAMES-BROWSER");
        browser.find(By.id("case-create-title")).sendKeys("Noms");
        browser.find(By.id("case-create-submit")).click();
        browser.find(By.id("case-reference"));

        browser.find(By.id("case-subject-record")).sendKeys(id);
        WebElement preview = browser.await().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#case-subject-preview [data-testid=entity-named]")));
        assertThat(preview.getAttribute("data-entity")).isEqualTo(id);
        assertThat(preview.getText()).endsWith("(n° " + id + ", bénéficiaire)");
        String name = preview.findElement(By.cssSelector("a")).getText();
        assertThat(name).isNotBlank().isNotEqualTo(id);

        browser.find(By.id("case-subject-submit")).click();
        WebElement added = browser.find(By.id("case-subject-added"));
        assertThat(added.getText()).contains(name).contains("(n° " + id + ", bénéficiaire)");
        assertThat(browser.find(By.cssSelector("[data-testid=case-subject] [data-testid=entity-link]")).getText())
                .isEqualTo(name);

        browser.find(By.id("case-subject-record")).sendKeys("999999999:S");
        browser.find(By.id("case-subject-submit")).click();
        WebElement error = browser.find(By.cssSelector("#case-subject-form [data-testid=form-error]"));
        assertThat(error.getText()).contains("Aucune fiche ni entité n° « 999999999:S »");
        assertThat(browser.find(By.id("case-subject-record")).getAttribute("value")).isEqualTo("999999999:S");
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }
}
