package org.piste.app.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.piste.app.web.WebFixture;

/**
 * Debian's Chromium driven by Debian's chromedriver (packages chromium and chromium-driver, which .ci/run installs),
 * headless. Registered as a JUnit extension it keeps a screenshot and the page's HTML of every failed test under
 * target/browser-failures.
 */
public final class Browser implements TestWatcher, AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private final WebFixture web;
    private WebDriver driver;

    public Browser(WebFixture web) {
        this.web = web;
    }

    public WebDriver driver() {
        if (driver == null) driver = start();
        return driver;
    }

    private static WebDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need Debian's Chromium: apt-get install chromium chromium-driver"
                    + " (.ci/run installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=fr-FR", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    public void open(String path) {
        driver().get(web.url(path));
    }

    public void signIn(String username) {
        driver().manage().deleteAllCookies();
        open("/login");
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(WebFixture.PASSWORD);
        find(By.id("sign-in")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("viewer-name")));
    }

    public WebElement find(By by) {
        return await().until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public WebElement visible(By by) {
        return await().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(driver(), Duration.ofSeconds(30));
        // A page replaced while the condition reads it (a sign-in's redirect): the condition reads the new page again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) return;
        try {
            Path dir = Path.of("target", "browser-failures");
            Files.createDirectories(dir);
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName().replaceAll("[^A-Za-z0-9]", "_");
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
            System.err.println("browser test failed: screenshot in " + dir.resolve(name + ".png").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            System.err.println("could not keep a screenshot: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (driver != null) driver.quit();
    }
}
