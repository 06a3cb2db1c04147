package org.openreturns.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.synthetic.SchoolIdentity;
import org.openreturns.server.testing.Fixtures;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reports in a real browser: the LA's report across schools, its national figures form with an error, publishing;
 * then demo school 1's own report beside the LA's figures. Every page is checked with axe-core.
 */
@BrowserJourney
class ReportJourneyTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    Browser browser;

    @BeforeEach
    void shareTheBrowser(Browser shared) {
        browser = shared;
    }

    private long request(long collection, long school, int year) {
        return jdbc.sql("""
                insert into file_request (collection_id, school_id, title, deadline)
                values (:c, :s, :title, :deadline) returning id""")
                .param("c", collection).param("s", school).param("title", "KS2 teacher assessment " + year)
                .param("deadline", LocalDate.of(year, 6, 30)).query(Long.class).single();
    }

    private void signIn(String email) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/sign-in");
        browser.type("email", email);
        browser.type("password", "demo-password");
        browser.click("button[type=submit]");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/sign-in"));
    }

    @Test
    void theLaPublishesAndTheSchoolSeesItsFiguresBesideTheLas() throws Exception {
        int year = fixtures.freshYear();
        long collection = fixtures.collection(Collection.KS2_TA, year);
        record School(long id, String estab, String name) {
        }
        List<School> schools = jdbc.sql("""
                select s.id, s.estab, s.name from school s join app_user u on u.school_id = s.id
                where u.email in ('head1@demo.openreturns.org', 'head2@demo.openreturns.org') order by u.email""")
                .query((rs, n) -> new School(rs.getLong(1), rs.getString(2).strip(), rs.getString(3))).list();
        long schoolOneRequest = 0;
        for (School s : schools) {
            long request = request(collection, s.id(), year);
            fixtures.upload(collection, new TestSchool(s.id(), new SchoolIdentity("330", s.estab(), null, s.name()),
                    null, request, null), 20, s.estab().hashCode());
            if (schoolOneRequest == 0) {
                schoolOneRequest = request;
            }
        }

        signIn("officer@demo.openreturns.org");
        browser.open("/la/collections/" + collection);
        browser.click("a[href$='/la/collections/" + collection + "/report']");
        assertThat(browser.text("h1")).contains(Integer.toString(year));
        assertThat(browser.text("table")).contains("LA total", schools.get(0).name(), schools.get(1).name(),
                "Not available");
        assertThat(browser.driver().findElements(By.cssSelector("figure svg[role=img][aria-labelledby]")))
                .isNotEmpty();
        browser.assertAccessible("LA report");

        browser.click("thead th:nth-child(2) a");
        assertThat(browser.driver().findElement(By.cssSelector("thead th:nth-child(2)")).getAttribute("aria-sort"))
                .isEqualTo("ascending");
        browser.assertAccessible("LA report sorted by a measure");

        browser.click("a[href$='/national']");
        String firstField = browser.driver().findElement(By.cssSelector("input.govuk-input")).getAttribute("id");
        browser.type(firstField, "150");
        browser.click("button[type=submit].govuk-button");
        assertThat(browser.text(".govuk-error-summary")).contains("from 0 to 100");
        browser.assertAccessible("national figures with an error");
        browser.type(firstField, "64");
        browser.click("button[type=submit].govuk-button");
        assertThat(browser.text(".govuk-notification-banner")).contains("national figures");

        browser.click("button[value=PROVISIONAL]");
        assertThat(browser.text(".govuk-summary-list")).contains("Published: provisional", " by ");
        browser.assertAccessible("LA report published");

        browser.click("a[href$='/la/collections/" + collection + "/report/years']");
        assertThat(browser.text("h1")).contains("year on year");
        assertThat(browser.text("#school-years")).contains(schools.get(0).name(), "LA total");
        browser.assertAccessible("year on year by school");
        new Select(browser.driver().findElement(By.id("measure"))).selectByIndex(1);
        browser.click("form[method=get] button[type=submit]");
        assertThat(browser.driver().getCurrentUrl()).contains("measure=");
        assertThat(browser.driver().findElement(By.cssSelector("#measure option:checked")).getText())
                .isEqualTo(browser.text("#school-years caption"));
        browser.assertAccessible("year on year by school, another measure");

        browser.open("/la/collections/" + collection + "/report");
        browser.click("a[href$='/la/collections/" + collection + "/report/groups']");
        assertThat(browser.text("h1")).contains(Integer.toString(year));
        assertThat(browser.text("#groups-sex")).contains("Girls", "Boys");
        assertThat(browser.text("#groups-disadvantage")).contains("Not disadvantaged");
        browser.assertAccessible("LA report by pupil group");

        signIn("head1@demo.openreturns.org");
        browser.open("/requests/" + schoolOneRequest);
        browser.click("a[href$='/requests/" + schoolOneRequest + "/report']");
        assertThat(browser.text("table")).contains("Your school", "LA", "National", "64%", "Not available");
        assertThat(browser.text("h1")).contains("Provisional");
        assertThat(browser.text("#groups-sen")).contains("SEN support", "Your school", "LA");
        browser.assertAccessible("school report");
        // the school's chart and the LA's beside it, published; the data under each opens without script
        assertThat(browser.driver().findElements(By.cssSelector("figure svg[role=img][aria-labelledby]"))).hasSize(2);
        browser.click("figure details summary");
        assertThat(browser.text("figure details table")).contains("EXS");
        browser.assertAccessible("school report with a chart's data shown");

        assertThat(browser.text("#pupil-table thead")).contains("Pupil", "UPN", "READ", "Errors and queries");
        assertThat(browser.driver().findElements(By.cssSelector("#pupil-table tbody tr"))).hasSize(20);
        assertThat(browser.driver().findElement(By.id("pupils")).getAttribute("tabindex")).isEqualTo("0");

        // WCAG 2.2 reflow: at 320 CSS pixels the pupil table scrolls inside its region, not the page.
        browser.driver().manage().window().setSize(new Dimension(320, 800));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        Number region = (Number) js.executeScript("var r = document.getElementById('pupils');"
                + " return r.scrollWidth - r.clientWidth;");
        assertThat(region.longValue()).isPositive();
        Number page = (Number) js.executeScript(
                "return document.getElementById('pupils').getBoundingClientRect().right - window.innerWidth;");
        assertThat(page.longValue()).isLessThanOrEqualTo(0);
        browser.click("#pupil-table thead th:first-child a");
        assertThat(browser.driver().findElement(By.cssSelector("#pupil-table thead th:first-child"))
                .getAttribute("aria-sort")).isEqualTo("descending");
        browser.assertAccessible("school report, pupils sorted Z to A, narrow window");

        browser.click("a[href$='/requests/" + schoolOneRequest + "/parents-report']");
        assertThat(browser.text("table")).contains("Our school", "Local authority", "England", "64%");
        assertThat(browser.text("h1")).contains("results", "Provisional");
        assertThat(browser.text("dl")).contains("Year 6 pupils whose teachers assessed their writing");
        browser.assertAccessible("report for parents");
    }
}
