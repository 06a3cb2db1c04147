package org.openreturns.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's package, which {@code .ci/run} installs), driven by Selenium, with an axe-core
 * check for WCAG 2.2 AA that fails with a readable list of violations.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final ChromeDriver driver;
    private String baseUrl;

    Browser() throws java.io.IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver packages "
                    + "(.ci/run installs them): apt-get install chromium chromium-driver");
        }
        Path profile = Files.createTempDirectory("openreturns-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // A click that submits a form returns before the next page has loaded: looking for an element waits for it.
        this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    }

    /** Ready for the next journey: pointed at the service, nobody signed in, the window at its first size. */
    void reset(String baseUrl) {
        this.baseUrl = baseUrl;
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    void type(String id, String text) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(text);
    }

    /**
     * Clicks, and when the element is a link or a submit button waits until the browser has left the page, so the
     * next look is at the new page and not the old one still on screen.
     */
    void click(String cssSelector) {
        WebElement element = driver.findElement(By.cssSelector(cssSelector));
        boolean navigates = "a".equals(element.getTagName()) || "submit".equals(element.getDomProperty("type"));
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        if (navigates) {
            try {
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> isGone(page));
            } catch (TimeoutException e) {
                // A link within the page: nothing to wait for.
            }
        }
    }

    /** Chromium says an element of a page that has gone is stale, or, mid-navigation, not in the document. */
    static boolean isGone(WebElement element) {
        try {
            element.getTagName();
            return false;
        } catch (WebDriverException gone) {
            return true;
        }
    }

    String text(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector)).getText();
    }

    /** Fails, listing each rule, its impact and the offending elements, when the page breaks WCAG 2.2 AA. */
    void assertAccessible(String pageName) {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
        List<Rule> violations = results.getViolations();
        String report = violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(violations).as("WCAG 2.2 AA violations on " + pageName + ":\n" + report).isEmpty();
        assertThat(results.getPasses()).as("axe ran its checks on " + pageName).isNotEmpty();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
