package org.openreturns.server.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.measures.MeasureBook;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.server.PortalTest;
import org.openreturns.server.accounts.UserRepository;
import org.openreturns.server.api.ApiTokens;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.openreturns.server.submissions.SubmissionIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.openreturns.server.testing.Fixtures;

/**
 * The school's and the LA's report pages, downloads and API show the engine's own count of the same files, hide
 * small cohorts, show national figures or "Not available", and show the comparisons only once published.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesTest {

    @Autowired
    Fixtures f;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    SubmissionIntake intake;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    ObjectMapper json;

    long collection;
    TestSchool big;
    TestSchool small;
    TestSchool other;
    List<MeasureValue> expected;
    PortalUser officer;

    @BeforeAll
    void uploadThreeSchools() throws Exception {
        collection = f.collection(Collection.KS2_TA);
        big = f.upload(collection, f.school(collection, "Hawthorn Primary School"), 24, 41);
        other = f.upload(collection, f.school(collection, "Ivy Primary School"), 20, 42);
        small = f.upload(collection, f.school(collection, "Juniper Primary School"), 3, 43);
        expected = Fixtures.engineCount(List.of(big, other, small), 5);
        officer = users.findByEmail("officer@demo.openreturns.org").orElseThrow();
    }

    private MeasureValue expected(TestSchool school, String id) {
        return expected.stream().filter(v -> v.id().equals(id)
                && (school == null ? v.school() == null : Long.toString(school.id()).equals(v.school())))
                .findFirst().orElseThrow();
    }

    private List<MeasureValue> totals() {
        return expected.stream().filter(v -> v.school() == null).toList();
    }

    /** Rounded as rules.md §3 says pages show them: whole-number percentages (KS2 measures are all percentages). */
    private static String shown(MeasureValue v) {
        if (v.suppressed()) {
            return "Suppressed";
        }
        return BigDecimal.valueOf(v.value()).setScale(0, RoundingMode.HALF_UP) + "%";
    }

    private String page(String path, PortalUser who) throws Exception {
        String html = mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ");
    }

    private void publish(String state) throws Exception {
        mvc.perform(post("/la/collections/{id}/report/publication", collection).param("state", state)
                .param("confirmed", "true").with(user(officer)).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void theSchoolSeesItsOwnFiguresAtOnceAndTheLaAndNationalOnlyOncePublished() throws Exception {
        publish("NOT_PUBLISHED");
        String before = page("/requests/" + big.requestId() + "/report", big.head());
        for (MeasureValue total : totals()) {
            assertThat(before).contains(total.label() + " " + shown(expected(big, total.id())) + " ");
        }
        assertThat(before).doesNotContain("National").contains("once the LA publishes");

        MeasureValue first = totals().get(0);
        mvc.perform(post("/la/collections/{id}/national", collection).param(first.id(), "61.4")
                .with(user(officer)).with(csrf())).andExpect(status().is3xxRedirection());
        publish("PROVISIONAL");
        String after = page("/requests/" + big.requestId() + "/report", big.head());
        assertThat(after).contains(first.label() + " " + shown(expected(big, first.id())) + " " + shown(first)
                + " 61% ");
        MeasureValue second = totals().get(1);
        assertThat(after).contains(second.label() + " " + shown(expected(big, second.id())) + " " + shown(second)
                + " Not available ").contains("Provisional");

        publish("FINAL");
        assertThat(page("/requests/" + big.requestId() + "/report", big.head())).doesNotContain("Provisional");
        // Final figures leave only by reopening the collection, with a reason (issue 10).
        mvc.perform(post("/la/collections/{id}/report/reopen", collection).param("reason", "A correction")
                .with(user(officer)).with(csrf())).andExpect(status().is3xxRedirection());
        publish("NOT_PUBLISHED");
        assertThat(page("/requests/" + big.requestId() + "/report", big.head())).doesNotContain("National");
        assertThat(audit.count("REPORT_PUBLISHED")).isPositive();
        assertThat(audit.count("REPORT_UNPUBLISHED")).isPositive();
    }

    @Test
    void aSmallSchoolsFiguresAreSuppressedAndSaySo() throws Exception {
        String text = page("/requests/" + small.requestId() + "/report", small.head());
        for (MeasureValue total : totals()) {
            assertThat(expected(small, total.id()).suppressed()).isTrue();
            assertThat(text).contains(total.label() + " Suppressed ");
        }
        assertThat(text).contains("fewer than 5 pupils");
    }

    @Test
    void anotherSchoolGetsNotFoundAndTheLaMayLook() throws Exception {
        mvc.perform(get("/requests/{id}/report", big.requestId()).with(user(other.head())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/requests/{id}/report.csv", big.requestId()).with(user(other.head())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/la/collections/{id}/report", collection).with(user(big.head())))
                .andExpect(status().isNotFound());
        page("/requests/" + big.requestId() + "/report", officer);
    }

    @Test
    void theLaReportHasARowPerSchoolTheTotalAndSortsByAMeasure() throws Exception {
        String text = page("/la/collections/" + collection + "/report", officer);
        StringBuilder total = new StringBuilder("LA total");
        totals().forEach(t -> total.append(' ').append(shown(t)));
        assertThat(text).contains(total.toString());
        for (TestSchool s : List.of(big, other, small)) {
            StringBuilder row = new StringBuilder(s.identity().name() + " 330/" + s.identity().estab());
            totals().forEach(t -> row.append(' ').append(shown(expected(s, t.id()))));
            assertThat(text).contains(row.toString());
        }
        MeasureValue first = totals().get(0);
        boolean bigFirst = expected(big, first.id()).value() >= expected(other, first.id()).value();
        String descending = page("/la/collections/" + collection + "/report?sort=" + first.id()
                + "&order=descending", officer);
        int bigAt = descending.indexOf("Hawthorn");
        int otherAt = descending.indexOf("Ivy Primary");
        assertThat(bigAt < otherAt).isEqualTo(bigFirst);
        assertThat(descending.indexOf("Juniper")).isGreaterThan(Math.max(bigAt, otherAt));
        String html = mvc.perform(get("/la/collections/{id}/report", collection).param("sort", first.id())
                .param("order", "descending").with(user(officer))).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("aria-sort=\"descending\"");
        PortalUser moderator = users.findByEmail("moderator@demo.openreturns.org").orElseThrow();
        assertThat(page("/la/collections/" + collection + "/report", moderator)).doesNotContain("Publish as");
    }

    @Test
    void theNationalFiguresFormListsEveryMeasureBeforeAnyReturnIsChecked() throws Exception {
        long empty = f.collection(Collection.MTC);
        String text = page("/la/collections/" + empty + "/national", officer);
        for (MeasureBook.Definition d : MeasureBook.definitions(Collection.MTC)) {
            assertThat(text).contains(d.label());
        }
    }

    @Test
    void nationalFiguresOutsideNoughtToAHundredAreRefusedWithAnErrorSummary() throws Exception {
        MeasureValue first = totals().get(0);
        String html = mvc.perform(post("/la/collections/{id}/national", collection).param(first.id(), "101")
                .with(user(officer)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("There is a problem").contains("govuk-form-group--error")
                .contains("from 0 to 100");
        String junk = mvc.perform(post("/la/collections/{id}/national", collection).param(first.id(), "lots")
                .with(user(officer)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(junk).contains("as a number");
        int year = f.year(collection);
        mvc.perform(post("/la/collections/{id}/national", collection).param(first.id(), "")
                .with(user(officer)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from national_figure where summer_year = :y and value is not null")
                .param("y", year).query(Integer.class).single()).isZero();
    }

    @Test
    void theLaSetsTheSuppressionThresholdAndASmallSchoolsFiguresShow() throws Exception {
        String junk = mvc.perform(post("/la/collections/{id}/suppression", collection).param("suppressBelow", "few")
                .with(user(officer)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(junk).contains("There is a problem").contains("whole number from 0 to 100");
        try {
            mvc.perform(post("/la/collections/{id}/suppression", collection).param("suppressBelow", "3")
                    .with(user(officer)).with(csrf())).andExpect(status().is3xxRedirection());
            MeasureValue first = totals().get(0);
            MeasureValue shownNow = Fixtures.engineCount(List.of(small), 3).stream()
                    .filter(v -> v.id().equals(first.id()) && v.school() != null).findFirst().orElseThrow();
            assertThat(page("/requests/" + small.requestId() + "/report", small.head()))
                    .contains(first.label() + " " + shown(shownNow) + " ");
            assertThat(audit.count("SUPPRESSION_SET")).isPositive();
        } finally {
            jdbc.sql("update report_setting set suppress_below = 5").update();
        }
    }

    @Test
    void theLaDownloadsHoldTheEnginesCountsInCsvAndXlsx() throws Exception {
        byte[] csvBytes = mvc.perform(get("/la/collections/{id}/report.csv", collection).with(user(officer)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString(".csv")))
                .andReturn().getResponse().getContentAsByteArray();
        List<CSVRecord> csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csvBytes, StandardCharsets.UTF_8))).getRecords();
        byte[] xlsxBytes = mvc.perform(get("/la/collections/{id}/report.xlsx", collection).with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> xlsx = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsxBytes))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    assertThat(row.getCell(0).getStringCellValue()).isEqualTo("School");
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < ReportFiles.HEADER.size(); i++) {
                    Cell c = row.getCell(i);
                    cells.add(c == null ? "" : switch (c.getCellType()) {
                        case NUMERIC -> BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros()
                                .toPlainString();
                        default -> c.getStringCellValue();
                    });
                }
                xlsx.add(cells);
            }
        }
        assertThat(xlsx).hasSameSizeAs(csv);
        for (TestSchool s : List.of(big, other, small)) {
            for (MeasureValue t : totals()) {
                MeasureValue e = expected(s, t.id());
                CSVRecord r = csv.stream().filter(x -> x.get("School").equals(s.identity().name())
                        && x.get("Measure id").equals(t.id())).findFirst().orElseThrow();
                assertThat(r.get("Pupils counted")).isEqualTo(e.denominator().toString());
                assertThat(r.get("Suppressed")).isEqualTo(e.suppressed() ? "Yes" : "No");
                assertThat(r.get("Value")).isEqualTo(e.value() == null ? ""
                        : BigDecimal.valueOf(e.value()).setScale(1, RoundingMode.HALF_UP).toPlainString());
                List<String> x = xlsx.stream().filter(c -> c.get(0).equals(s.identity().name())
                        && c.get(2).equals(t.id())).findFirst().orElseThrow();
                assertThat(x.get(4)).isEqualTo(e.denominator().toString());
                assertThat(x.get(6)).isEqualTo(e.value() == null ? ""
                        : BigDecimal.valueOf(e.value()).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
                                .toPlainString());
            }
        }
        for (MeasureValue t : totals()) {
            CSVRecord r = csv.stream().filter(x -> x.get("School").equals("LA total")
                    && x.get("Measure id").equals(t.id())).findFirst().orElseThrow();
            assertThat(r.get("Pupils meeting or total")).isEqualTo(t.numerator().toString());
        }
        assertThat(csv.stream().filter(x -> x.get("School").equals("National")))
                .allSatisfy(x -> assertThat(x.get("Value")).isEqualTo("Not available"));
    }

    @Test
    void theApiGivesTheSchoolsFiguresToOneDecimalPlaceAndNothingOfAnotherSchool() throws Exception {
        String token = tokens.issue(big.id(), "Report test", null);
        String body = mvc.perform(get("/api/v1/file-requests/{id}/report", big.requestId())
                .header("Authorization", "Bearer " + token)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        JsonNode measures = json.readTree(body).get("measures");
        assertThat(measures.size()).isEqualTo(totals().size());
        for (JsonNode m : measures) {
            MeasureValue e = expected(big, m.get("id").asString());
            assertThat(m.get("label").asString()).isEqualTo(e.label());
            assertThat(m.get("school").decimalValue())
                    .isEqualByComparingTo(BigDecimal.valueOf(e.value()).setScale(1, RoundingMode.HALF_UP));
            assertThat(m.get("national").isNull()).isTrue();
        }
        mvc.perform(get("/api/v1/file-requests/{id}/report", other.requestId())
                .header("Authorization", "Bearer " + token)).andExpect(status().isNotFound());
        String smallToken = tokens.issue(small.id(), "Report test", null);
        JsonNode suppressed = json.readTree(mvc.perform(get("/api/v1/file-requests/{id}/report", small.requestId())
                .header("Authorization", "Bearer " + smallToken)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).get("measures");
        assertThat(suppressed).allSatisfy(m -> assertThat(m.get("school").isNull()).isTrue());
    }
}
