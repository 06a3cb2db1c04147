package org.openreturns.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser, each page checked with axe-core: a forgotten password from the sign-in page to signing in
 * with the new one (the link read from the outbox, as an administrator would), then a headteacher's API tokens
 * and staff pages, and an administrator's audit, users and outbox pages.
 */
@BrowserJourney
class AccountsJourneyTest {

    private static final Pattern LINK = Pattern.compile("/password-reset/[A-Za-z0-9_-]{43}");

    @Autowired
    JdbcClient jdbc;

    static Browser browser;

    @BeforeEach
    void shareTheBrowser(Browser shared) {
        browser = shared;
    }

    @Test
    void forgottenPasswordThenTokensStaffAndAdministration() throws Exception {
        String email = "staff1@demo.openreturns.org";

        browser.open("/sign-in");
        follow(By.linkText("Forgotten your password?"));
        assertThat(browser.text("h1")).isEqualTo("Reset your password");
        browser.assertAccessible("reset request");

        browser.type("email", "not an email");
        submit();
        assertThat(browser.text(".govuk-error-summary")).contains("Enter an email address in the correct format");
        assertThat(browser.driver().getTitle()).startsWith("Error:");
        browser.assertAccessible("reset request with an error");

        browser.type("email", email);
        submit();
        assertThat(browser.text("h1")).isEqualTo("Check your email");
        browser.assertAccessible("reset sent");

        String body = jdbc.sql("select body from outbox_mail where to_address = :to order by id desc limit 1")
                .param("to", email).query(String.class).single();
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).isTrue();
        browser.open(link.group());
        assertThat(browser.text("h1")).isEqualTo("Set your password");
        browser.assertAccessible("set password");

        browser.type("password", "too short");
        browser.type("confirm", "too short");
        submit();
        assertThat(browser.text(".govuk-error-summary")).contains("Password must be 12 characters or more");
        browser.assertAccessible("set password with an error");

        browser.type("password", "a brand new passphrase");
        browser.type("confirm", "a brand new passphrase");
        submit();
        assertThat(browser.text(".govuk-panel__title")).isEqualTo("Password set");
        browser.assertAccessible("password set");

        follow(By.linkText("Sign in"));
        signIn(email, "a brand new passphrase");
        assertThat(browser.text("h1")).isEqualTo("Welcome, Sam Staff");
        signOut();

        browser.open(link.group());
        assertThat(browser.text("h1")).isEqualTo("This link does not work");
        browser.assertAccessible("used link");

        signIn("head1@demo.openreturns.org", "demo-password");
        browser.open("/admin/outbox");
        assertThat(browser.text("h1")).isEqualTo("You cannot use this page");
        browser.assertAccessible("refused");
        browser.open("/school/tokens/999999/revoke");
        assertThat(browser.text("h1")).isEqualTo("Page not found");
        browser.open("/");
        follow(By.linkText("API tokens"));
        assertThat(browser.text("h1")).isEqualTo("API tokens");
        browser.assertAccessible("API tokens");
        follow(By.linkText("Create a token"));
        browser.assertAccessible("create a token");
        submit();
        assertThat(browser.text(".govuk-error-summary")).contains("Enter a name for the token");
        browser.assertAccessible("create a token with an error");
        browser.type("label", "Our MIS");
        submit();
        String token = browser.text("#token");
        assertThat(token).startsWith("ort_");
        assertThat(browser.text(".govuk-warning-text")).contains("Copy the token now");
        browser.assertAccessible("token created");
        follow(By.linkText("Back to API tokens"));
        follow(By.partialLinkText("Revoke"));
        assertThat(browser.text("h1")).contains("Are you sure you want to revoke");
        browser.assertAccessible("revoke a token");
        submit();
        assertThat(browser.text(".govuk-notification-banner")).contains("is revoked");
        browser.assertAccessible("API tokens after revoking");

        follow(By.linkText("Staff"));
        assertThat(browser.text("table")).contains("staff1@demo.openreturns.org");
        browser.assertAccessible("staff");
        follow(By.linkText("Add a staff member"));
        submit();
        assertThat(browser.text(".govuk-error-summary")).contains("Enter the person's full name");
        browser.assertAccessible("add a staff member with errors");
        browser.type("name", "Nadia New");
        browser.type("email", "nadia@example.org");
        submit();
        assertThat(browser.text(".govuk-notification-banner")).contains("nadia@example.org");
        browser.assertAccessible("staff after inviting");
        signOut();

        signIn("admin@demo.openreturns.org", "demo-password");
        follow(By.linkText("Audit"));
        assertThat(browser.text("table")).contains("PASSWORD_SET");
        browser.assertAccessible("audit");
        browser.type("from-day", "31");
        browser.type("from-month", "2");
        browser.type("from-year", "2026");
        submit();
        assertThat(browser.text(".govuk-error-summary")).contains("From date must be a real date");
        browser.assertAccessible("audit with an error");
        follow(By.linkText("Outbox"));
        browser.assertAccessible("outbox");
        follow(By.linkText("You have an OpenReturns account"));
        assertThat(browser.text("#message-body")).contains("/password-reset/");
        browser.assertAccessible("outbox message");
        browser.open("/admin/users");
        browser.assertAccessible("users");
        follow(By.linkText("Create an account"));
        submit();
        assertThat(browser.text(".govuk-error-summary")).contains("Select a role");
        browser.assertAccessible("create an account with errors");
        browser.open("/admin/users");
        follow(By.linkText("Nadia New"));
        assertThat(browser.text("h1")).isEqualTo("Nadia New");
        browser.assertAccessible("a user");
    }

    private void signIn(String email, String password) {
        browser.open("/sign-in");
        browser.type("email", email);
        browser.type("password", password);
        andWait(() -> browser.click("main button[type=submit]"));
    }

    /** Submits the page's form and waits for the next page, so that nothing is read from the old one. */
    private static void submit() {
        andWait(() -> browser.click("main form button[type=submit]"));
    }

    private static void follow(By link) {
        andWait(() -> browser.driver().findElement(link).click());
    }

    private static void andWait(Runnable click) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        click.run();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> Browser.isGone(page));
    }

    private void signOut() {
        andWait(() -> browser.click("form[action$='/sign-out'] button"));
    }
}
