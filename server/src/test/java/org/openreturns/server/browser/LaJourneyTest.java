package org.openreturns.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openreturns.server.testing.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The LA's journey in a real browser: create a collection, issue its file requests, watch the live view, filter it,
 * open a school and return its file with a message. Every page, error states included, is checked with axe-core.
 */
@BrowserJourney
class LaJourneyTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Fixtures fixtures;

    Browser browser;

    @BeforeEach
    void shareTheBrowser(Browser shared) {
        browser = shared;
    }

    @Test
    void anOfficerRunsACollectionFromCreationToReturningASchoolsFile() throws Exception {
        browser.open("/");
        browser.type("email", "officer@demo.openreturns.org");
        browser.type("password", "demo-password");
        browser.click("button[type=submit]");

        browser.open("/la/collections");
        assertThat(browser.text("h1")).isEqualTo("Collections");
        browser.assertAccessible("collections");

        browser.click("a[href$='/la/collections/new']");
        browser.click("form[action$='/la/collections'] button[type=submit]");
        assertThat(browser.text(".govuk-error-summary")).contains("Select which assessment the collection is for");
        browser.assertAccessible("create a collection with errors");

        LocalDate today = LocalDate.now(clock);
        LocalDate deadline = today.plusDays(30);
        browser.click("#kind-PHONICS");
        // A year of its own: the demo data and other tests have collections of their own.
        int year = fixtures.freshYear();
        browser.type("summerYear", Integer.toString(year));
        browser.type("opensOn-day", Integer.toString(today.getDayOfMonth()));
        browser.type("opensOn-month", Integer.toString(today.getMonthValue()));
        browser.type("opensOn-year", Integer.toString(today.getYear()));
        browser.type("laDeadline-day", Integer.toString(deadline.getDayOfMonth()));
        browser.type("laDeadline-month", Integer.toString(deadline.getMonthValue()));
        browser.type("laDeadline-year", Integer.toString(deadline.getYear()));
        browser.assertAccessible("create a collection");
        browser.click("form[action$='/la/collections'] button[type=submit]");
        assertThat(browser.text("h1")).isEqualTo("Phonics screening check");
        browser.assertAccessible("live view before requests");

        browser.click("a[href$='/issue']");
        assertThat(browser.text("h1")).isEqualTo("Issue file requests");
        browser.assertAccessible("issue file requests");
        browser.click("form[action$='/issue'] button[type=submit]");
        assertThat(browser.text(".govuk-panel__title")).matches("\\d+ file requests issued");
        browser.assertAccessible("file requests issued");

        // The school's upload is another feature's work: here its result is written straight into the database.
        long request = jdbc.sql("""
                select r.id from file_request r join school s on s.id = r.school_id
                  join collection c on c.id = r.collection_id
                where s.name = 'Oakfield Primary School' and c.kind = 'PHONICS' and c.summer_year = :year""")
                .param("year", year).query(Long.class).single();
        long submission = jdbc.sql("""
                insert into submission (file_request_id, version, submitted_via, received_at, status, pupils, errors,
                  queries) values (:r, 1, 'DEMO', :at, 'CHECKED', 60, 0, 1) returning id""")
                .param("r", request).param("at", Timestamp.from(Instant.now())).query(Long.class).single();
        jdbc.sql("""
                insert into finding (submission_id, severity, code, upn, item, message, explanation)
                values (:s, 'query', 'PHQ03', 'A330200126001', 'Mark',
                  'The mark is unusually low for a pupil who met the standard last year', 'Pupil was unwell on the day')
                """)
                .param("s", submission).update();
        jdbc.sql("update file_request set status = 'CHECKED' where id = :r").param("r", request).update();

        browser.click(".govuk-panel ~ p a");
        new Select(browser.driver().findElement(By.id("status"))).selectByValue("CHECKED");
        browser.click("form[method=get] button[type=submit]");
        assertThat(browser.text("#schools caption")).startsWith("1 of ");
        assertThat(browser.text("#schools tbody")).contains("Oakfield Primary School");
        browser.assertAccessible("live view filtered");

        browser.click("#schools tbody a");
        assertThat(browser.text("h1")).isEqualTo("Oakfield Primary School");
        assertThat(browser.text("#findings")).contains("A330200126001", "Pupil was unwell on the day");
        browser.assertAccessible("a school's request");

        browser.click("form[action$='/return'] button[type=submit]");
        assertThat(browser.text(".govuk-error-summary")).contains("Enter a message telling the school what to change");
        browser.assertAccessible("return without a message");

        browser.type("message",
                "Please check pupil A330200126001's mark with the class teacher and send the file again.");
        browser.click("form[action$='/return'] button[type=submit]");
        assertThat(browser.text("#request-status")).isEqualTo("Returned to the school");
        assertThat(browser.text("#la-message")).contains("check pupil A330200126001");
        browser.assertAccessible("request returned");
    }

    @Test
    void theLasOtherPagesAreAccessibleTooErrorsIncluded() throws Exception {
        int year = fixtures.freshYear();
        String y = Integer.toString(year);
        browser.open("/");
        browser.type("email", "admin@demo.openreturns.org");
        browser.type("password", "demo-password");
        browser.click("button[type=submit]");

        browser.open("/la/schools");
        browser.assertAccessible("schools");
        browser.click("#main-content table tbody a");
        browser.type("name", "");
        browser.type("email", "not-an-email");
        browser.click("#main-content form button[type=submit]");
        assertThat(browser.text(".govuk-error-summary")).contains("Enter the school's name");
        browser.assertAccessible("edit a school with errors");

        browser.open("/la/schools/import");
        browser.assertAccessible("import schools");
        browser.click("#main-content form button[type=submit]");
        assertThat(browser.text(".govuk-error-summary")).contains("Select the GIAS CSV file to import");
        browser.assertAccessible("import schools with errors");

        browser.open("/la/collections");
        browser.assertAccessible("collections");
        browser.open("/la/collections/new");
        browser.click("#kind-KS2_TA");
        browser.type("summerYear", y);
        browser.type("opensOn-day", "18");
        browser.type("opensOn-month", "5");
        browser.type("opensOn-year", y);
        browser.type("laDeadline-day", "19");
        browser.type("laDeadline-month", "6");
        browser.type("laDeadline-year", y);
        browser.click("form[action$='/la/collections'] button[type=submit]");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.urlMatches(".*/la/collections/[0-9]+$"));
        String live = browser.driver().getCurrentUrl();

        browser.open(live.substring(live.indexOf("/la/")) + "/dates");
        browser.type("laDeadline-year", Integer.toString(year - 1));
        browser.click("#main-content form button[type=submit]");
        assertThat(browser.text(".govuk-error-summary")).contains("The LA deadline must be after");
        browser.assertAccessible("change dates with an error");

        browser.open(live.substring(live.indexOf("/la/")) + "/scope");
        browser.assertAccessible("schools in scope");
        browser.click("#main-content table tbody a[href$='/deadline']");
        browser.type("deadline-day", "31");
        browser.type("deadline-month", "2");
        browser.type("deadline-year", y);
        browser.click("#main-content form button[type=submit]");
        assertThat(browser.text(".govuk-error-summary")).contains("must be a real date");
        browser.assertAccessible("a school's own deadline with an error");

        browser.open("/la/collections/new");
        browser.click("#kind-PHONICS");
        browser.type("summerYear", y);
        browser.type("opensOn-day", "8");
        browser.type("opensOn-month", "6");
        browser.type("opensOn-year", y);
        browser.type("laDeadline-day", "26");
        browser.type("laDeadline-month", "6");
        browser.type("laDeadline-year", y);
        browser.click("form[action$='/la/collections'] button[type=submit]");
        browser.click("a[href$='/threshold']");
        browser.type("threshold", "41");
        browser.click("#main-content form button[type=submit]");
        assertThat(browser.text(".govuk-error-summary")).contains("from 0 to 40");
        browser.assertAccessible("phonics threshold with an error");
        browser.open("/la/collections");
        browser.assertAccessible("collections with a year");
    }
}
