package org.piste.app.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.piste.app.web.WebFixture;

class BrowserSignInTest {
    static final WebFixture web = WebFixture.start();
    @RegisterExtension
    static final Browser browser = new Browser(web);

    @AfterAll
    static void stop() {
        browser.close();
        web.close();
    }

    @Test
    void signsInInFrenchSwitchesToEnglishAndAdminVerifiesTheAuditTrail() {
        browser.signIn("admin");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Tableau de bord");
        browser.find(By.linkText("English")).click();
        browser.await().until(d -> d.findElement(By.tagName("h1")).getText().equals("Dashboard"));

        browser.find(By.linkText("Audit trail")).click();
        browser.find(By.id("verify")).click();
        WebElement verification = browser.visible(By.id("verification"));
        assertThat(verification.getText()).startsWith("Chain intact");
        List<String> actions = browser.driver().findElements(By.cssSelector("#audit-events tbody tr td:nth-child(4)"))
                .stream().map(WebElement::getText).toList();
        assertThat(actions).contains("audit.search");
        assertNoConsoleErrors(browser);
    }

    @Test
    void wrongPasswordStaysOnTheSignInPage() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/login?lang=fr");
        browser.find(By.id("username")).sendKeys("analyst");
        browser.find(By.id("password")).sendKeys("wrong-password-123");
        browser.find(By.id("sign-in")).click();
        assertThat(browser.find(By.cssSelector("p.error")).getText()).contains("incorrect");
    }

    /** Issue 16: the admin creates an account without a password; its holder activates it through the link. */
    @Test
    void anAdminCreatesAnAccountAndItsHolderActivatesIt() {
        browser.driver().manage().deleteAllCookies();
        browser.signIn("admin");
        browser.open("/admin/users?lang=en");
        browser.find(By.name("username")).sendKeys("browser.holder");
        browser.find(By.name("displayName")).sendKeys("Browser Holder");
        browser.find(By.cssSelector("form.stack button[type=submit]")).click();
        String link = browser.visible(By.id("activation-link")).getText();
        assertThat(browser.find(By.id("activation")).getText()).contains("Activation link of browser.holder");
        String path = link.substring(link.indexOf("/activate/"));
        assertNoConsoleErrors(browser);

        browser.driver().manage().deleteAllCookies();
        browser.open(path + "?lang=en");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Activate the account");
        browser.find(By.name("password")).sendKeys("chosen-by-the-holder-1");
        browser.find(By.name("again")).sendKeys("chosen-by-the-holder-1");
        browser.find(By.id("activate")).click();
        assertThat(browser.visible(By.id("activated")).getText()).isEqualTo("Account activated: sign in with your password.");
        browser.find(By.id("username")).sendKeys("browser.holder");
        browser.find(By.id("password")).sendKeys("chosen-by-the-holder-1");
        browser.find(By.id("sign-in")).click();
        browser.await().until(d -> d.findElement(By.tagName("h1")).getText().equals("Dashboard"));
        assertNoConsoleErrors(browser);

        browser.open(path);
        assertThat(browser.find(By.id("activation-invalid")).getText()).contains("Ask your administrator for a new one");
    }

    /** CSP violations and script errors show in the console: a page that breaks its own policy fails here. */
    static void assertNoConsoleErrors(Browser browser) {
        var entries = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage()).toList();
        assertThat(entries).isEmpty();
    }
}
