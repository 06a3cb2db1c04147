package org.openreturns.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing in and out in a real browser, each page checked with axe-core, error states included. */
@BrowserJourney
class SignInJourneyTest {

    Browser browser;

    @BeforeEach
    void shareTheBrowser(Browser shared) {
        browser = shared;
    }

    @Test
    void aHeadteacherSignsInWithAMistakeFirstThenSignsOut() throws Exception {
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
