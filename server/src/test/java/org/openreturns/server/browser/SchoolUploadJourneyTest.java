package org.openreturns.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.ctf.CtfStream;
import org.openreturns.engine.ctf.CtfWriter;
import org.openreturns.engine.synthetic.GeneratorSettings;
import org.openreturns.engine.synthetic.SyntheticLa;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A headteacher's upload journey in a real browser: a file with an error and a query, its findings, the query
 * explained, a corrected file as version 2, the first version still there. Every page is checked with axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchoolUploadJourneyTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("openreturns.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static Browser browser;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Demo school 1's KS2 teacher assessment return, made by the synthetic LA generator and re-headed for it. */
    private static Path ks2File(Path dir, String name, boolean withMistakes) throws Exception {
        Path generated = Files.createDirectories(dir.resolve("generated-" + name));
        SyntheticLa.generate(new GeneratorSettings("330", 1, 20, AcademicYear.ofSummer(2026), 3, 0), generated);
        Path source;
        try (var files = Files.list(generated)) {
            source = files.filter(p -> p.getFileName().toString().contains("_KS2_")).findFirst().orElseThrow();
        }
        List<CtfPupil> pupils = new ArrayList<>();
        CtfHeader h;
        try (CtfStream in = new CtfReader().open(Files.newInputStream(source))) {
            h = in.header();
            CtfPupil p;
            while ((p = in.next()) != null) {
                pupils.add(p);
            }
        }
        if (withMistakes) {
            CtfPupil a = pupils.get(0);
            pupils.set(0, new CtfPupil(a.upn(), null, a.forename(), a.dob(), a.sex(), a.ncYearActual(),
                    a.assessments(), a.line()));
        }
        // A pupil born a year early for Year 6: a query the school explains, in both versions.
        CtfPupil b = pupils.get(1);
        pupils.set(1, new CtfPupil(b.upn(), b.surname(), b.forename(), LocalDate.parse(b.dob()).minusYears(2)
                .toString(), b.sex(), b.ncYearActual(), b.assessments(), b.line()));
        Path file = dir.resolve(name);
        CtfHeader header = new CtfHeader(h.ctfVersion(), h.dateTime(), h.documentQualifier(), h.supplierId(), "330",
                "2001", null, "Oakfield Primary School", h.academicYear(), "330", "LLLL");
        try (CtfWriter writer = CtfWriter.create(file, header)) {
            pupils.forEach(writer::write);
        }
        return file;
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

        browser = new Browser("http://localhost:" + port);
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
