package org.openreturns.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Signing in and out in a real browser, each page checked with axe-core, error states included. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInJourneyTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("openreturns.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    static Browser browser;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aHeadteacherSignsInWithAMistakeFirstThenSignsOut() throws Exception {
        browser = new Browser("http://localhost:" + port);
        browser.open("/");
        assertThat(browser.driver().getTitle()).isEqualTo("Sign in - OpenReturns");
        assertThat(browser.text(".govuk-phase-banner")).contains("demonstration data");
        browser.assertAccessible("sign-in");

        browser.type("email", "head1@demo.openreturns.org");
        browser.type("password", "not-the-password");
        browser.click("button[type=submit]");
        assertThat(browser.text(".govuk-error-summary")).contains("There is a problem");
        browser.assertAccessible("sign-in with an error");

        browser.type("email", "head1@demo.openreturns.org");
        browser.type("password", "demo-password");
        browser.click("button[type=submit]");
        assertThat(browser.text("h1")).isEqualTo("Welcome, Hana Head");
        browser.assertAccessible("home");

        browser.click("form[action$='/sign-out'] button");
        assertThat(browser.text(".govuk-notification-banner")).contains("You have signed out");
        browser.assertAccessible("signed out");
    }
}
