package org.openreturns.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.testing.Ctf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A headteacher's upload journey in a real browser: a file with an error and a query, its findings, the query
 * explained, a corrected file as version 2, the first version still there. Every page is checked with axe-core.
 */
@BrowserJourney
class SchoolUploadJourneyTest {

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeEach
    void shareTheBrowser(Browser shared) {
        browser = shared;
    }

    /** Demo school 1's KS2 teacher assessment return with a query the school explains, and maybe an error. */
    private static Path ks2File(Path dir, String name, boolean withMistakes) throws Exception {
        byte[] ctf = Ctf.of("330", "2001", "Oakfield Primary School", Collection.KS2_TA, 2026, 20,
                withMistakes ? pupils -> Ctf.withQuery(Ctf.withError(pupils)) : Ctf::withQuery);
        return Files.write(dir.resolve(name), ctf);
    }

    private void awaitResult() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.xpath("//h2[normalize-space()='Result']")).isEmpty());
    }

    @Test
    void aHeadteacherUploadsSeesFindingsExplainsAQueryAndUploadsACorrection() throws Exception {
        long school = jdbc.sql("select id from school where la_code = '330' and estab = '2001'").query(Long.class)
                .single();
        long collection = jdbc.sql("""
                insert into collection (kind, summer_year) values ('KS2_TA', 2026)
                on conflict (kind, summer_year) do update set kind = excluded.kind returning id""")
                .query(Long.class).single();
        long requestId = jdbc.sql("""
                insert into file_request (collection_id, school_id, title, description, deadline)
                values (:c, :s, 'KS2 teacher assessment 2026', 'Send your Year 6 teacher assessments.', '2026-06-30')
                on conflict (collection_id, school_id)
                do update set status = 'NOT_STARTED', title = excluded.title, description = excluded.description
                returning id""")
                .param("c", collection).param("s", school).query(Long.class).single();
        Path files = Files.createTempDirectory("openreturns-journey");
        Path mistaken = ks2File(files, "3302001_KS2_330LLLL_001.xml", true);
        Path corrected = ks2File(files, "3302001_KS2_330LLLL_002.xml", false);

        browser.open("/sign-in");
        browser.type("email", "head1@demo.openreturns.org");
        browser.type("password", "demo-password");
        browser.click("button[type=submit]");

        browser.open("/requests");
        assertThat(browser.text("table")).contains("KS2 teacher assessment 2026", "Not started");
        browser.assertAccessible("file requests");

        browser.click("a[href$='/requests/" + requestId + "']");
        assertThat(browser.text("h1")).isEqualTo("KS2 teacher assessment 2026");
        assertThat(browser.text("#files-hint")).contains(".xml", ".zip", "50 MB");
        browser.assertAccessible("file request");

        browser.click("button[type=submit].govuk-button");
        assertThat(browser.text(".govuk-error-summary")).contains("Select a CTF file to upload.");
        browser.assertAccessible("file request with an error");

        Path huge = files.resolve("whole-la-export.xml");
        Files.write(huge, new byte[61 * 1024 * 1024]);
        browser.driver().findElement(By.id("files")).sendKeys(huge.toString());
        browser.click("button[type=submit].govuk-button");
        assertThat(browser.text(".govuk-error-summary")).contains("larger than the limit of 50 MB");
        Files.delete(huge);

        browser.driver().findElement(By.id("files")).sendKeys(mistaken.toString());
        browser.type("comment", "First export");
        browser.click("button[type=submit].govuk-button");
        assertThat(browser.text("h1")).isEqualTo("Version 1");
        assertThat(browser.text(".govuk-summary-list")).contains("3302001_KS2_330LLLL_001.xml", "SHA-256", "Hana Head");
        awaitResult();
        assertThat(browser.text("main")).contains("Errors to fix", "has no surname", "Explain why this result is right");
        browser.assertAccessible("submission with findings");

        var query = browser.driver().findElement(By.cssSelector("textarea[name=explanation]"));
        String queryId = query.getAttribute("id");
        browser.click("#" + queryId.replace("explanation-", "finding-") + " button[type=submit]");
        assertThat(browser.text(".govuk-error-summary")).contains("Enter why this result is right");
        browser.assertAccessible("submission with an explanation error");

        browser.type(queryId, "Born abroad and joined a year early; confirmed with the family.");
        browser.click("#" + queryId.replace("explanation-", "finding-") + " button[type=submit]");
        assertThat(browser.text("main")).contains("Explained: Born abroad and joined a year early");

        browser.open("/requests/" + requestId);
        browser.driver().findElement(By.id("files")).sendKeys(corrected.toString());
        browser.click("button[type=submit].govuk-button");
        assertThat(browser.text("h1")).isEqualTo("Version 2");
        awaitResult();
        assertThat(browser.text("main")).contains("Explained: Born abroad", "Checked");
        browser.assertAccessible("corrected version");

        browser.open("/requests/" + requestId);
        assertThat(browser.text("table")).contains("Version 2 (current)", "Version 1");
        assertThat(browser.text(".govuk-summary-list")).contains("Checked");
        browser.assertAccessible("file request with versions");
    }
}
