package org.openreturns.server.reports.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.measures.Distribution;
import org.openreturns.engine.measures.DistributionBook;
import org.openreturns.engine.measures.Suppression;
import org.openreturns.engine.validation.ReturnValidator;
import org.openreturns.engine.validation.ValidationOptions;
import org.openreturns.server.PortalTest;
import org.openreturns.server.accounts.UserRepository;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.openreturns.server.submissions.SubmissionIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import org.openreturns.server.testing.Fixtures;

/**
 * The charts on the school's and the LA's report hold, in their data tables, the engine's own independent count of
 * the same generated files; the LA's chart reaches a school only once published; a small school's is not drawn.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportChartsTest {

    @Autowired
    Fixtures f;

    private static final Pattern ROW = Pattern.compile(
            "<th scope=\"row\" class=\"govuk-table__header\">([^<]*)</th>\\s*<td[^>]*>(\\d+)</td>");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    SubmissionIntake intake;

    long ks2;
    TestSchool big;
    TestSchool other;
    TestSchool small;
    long phonics;
    TestSchool checked;
    PortalUser officer;

    @BeforeAll
    void uploadSchools() throws Exception {
        ks2 = f.collection(Collection.KS2_TA);
        big = f.upload(ks2, f.school(ks2, "Larch Primary School"), 26, 61);
        other = f.upload(ks2, f.school(ks2, "Maple Primary School"), 21, 62);
        small = f.upload(ks2, f.school(ks2, "Nutmeg Primary School"), 2, 63);
        phonics = f.collection(Collection.PHONICS);
        jdbc.sql("update collection set phonics_threshold = 32 where id = :id").param("id", phonics).update();
        checked = f.upload(phonics, f.school(phonics, "Oak Primary School"), 40, 64);
        officer = users.findByEmail("officer@demo.openreturns.org").orElseThrow();
    }

    private int suppressBelow() {
        return jdbc.sql("select suppress_below from report_setting where id = 1").query(Integer.class).single();
    }

    /** The engine's own count of the files, read again here, independently of the server's stored pupils. */
    private List<Distribution> engine(List<TestSchool> schools) throws Exception {
        DistributionBook book = new DistributionBook(new Suppression(suppressBelow()));
        ReturnValidator validator = new ReturnValidator(new CtfReader(), ValidationOptions.defaults());
        for (TestSchool s : schools) {
            validator.validate("test.xml", new ByteArrayInputStream(s.file()), book.school(Long.toString(s.id())));
        }
        return book.results();
    }

    private static Distribution find(List<Distribution> all, TestSchool school, String id) {
        String key = school == null ? null : Long.toString(school.id());
        return all.stream().filter(d -> d.id().equals(id) && Objects.equals(d.school(), key)).findFirst()
                .orElseThrow();
    }

    private static Map<String, Long> bars(Distribution d) {
        Map<String, Long> bars = new LinkedHashMap<>();
        d.bars().forEach(b -> bars.put(b.value(), b.pupils()));
        return bars;
    }

    private String html(String path, PortalUser who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The rows of a chart's data table, value to pupils; empty when the page has no such table. */
    private static Map<String, Long> table(String html, String chartId) {
        Map<String, Long> rows = new LinkedHashMap<>();
        int start = html.indexOf("id=\"" + chartId + "-data\"");
        if (start < 0) {
            return rows;
        }
        Matcher m = ROW.matcher(html.substring(start, html.indexOf("</table>", start)));
        while (m.find()) {
            rows.put(HtmlUtils.htmlUnescape(m.group(1)), Long.parseLong(m.group(2)));
        }
        return rows;
    }

    /** The svg element of a chart, from its opening tag to its end. */
    private static String svg(String html, String chartId) {
        int start = html.indexOf("<svg");
        while (start >= 0 && !html.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"openreturns-chart__svg\" id=\""
                + chartId + "\"", start)) {
            start = html.indexOf("<svg", start + 1);
        }
        assertThat(start).as("svg of " + chartId).isNotNegative();
        return html.substring(start, html.indexOf("</svg>", start) + 6);
    }

    private void publish(long collection, String state) throws Exception {
        mvc.perform(post("/la/collections/{id}/report/publication", collection).param("state", state)
                .with(user(officer)).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void theSchoolsChartHoldsTheEnginesCountAndTheLasAppearsOnlyOncePublished() throws Exception {
        List<Distribution> expected = engine(List.of(big, other, small));
        Distribution ours = find(expected, big, "ks2.writingTa");
        Distribution la = find(expected, null, "ks2.writingTa");
        assertThat(ours.pupils()).isPositive();

        publish(ks2, "NOT_PUBLISHED");
        String before = html("/requests/" + big.requestId() + "/report", big.head());
        assertThat(table(before, "chart-ks2-writingTa-school")).isEqualTo(bars(ours));
        assertThat(table(before, "chart-ks2-writingTa-la")).isEmpty();
        assertThat(before).contains("Writing teacher assessment: your school", "Show the data in this chart")
                .doesNotContain("all schools in the LA");

        publish(ks2, "PROVISIONAL");
        try {
            String after = html("/requests/" + big.requestId() + "/report", big.head());
            assertThat(table(after, "chart-ks2-writingTa-school")).isEqualTo(bars(ours));
            assertThat(table(after, "chart-ks2-writingTa-la")).isEqualTo(bars(la));
            assertThat(after).contains("Writing teacher assessment: all schools in the LA");
        } finally {
            publish(ks2, "NOT_PUBLISHED");
        }
    }

    @Test
    void theChartIsAnImageNamedByItsTextAlternativeInAFigure() throws Exception {
        String html = html("/requests/" + big.requestId() + "/report", big.head());
        String svg = svg(html, "chart-ks2-writingTa-school");
        Distribution ours = find(engine(List.of(big)), big, "ks2.writingTa");
        String alt = HtmlUtils.htmlEscape(ChartText.describe(ours, null));

        assertThat(alt).startsWith("Bar chart of writing teacher assessment for " + ours.pupils() + " pupils: "
                + "most common code ");
        assertThat(svg).contains("role=\"img\"", "aria-labelledby=\"chart-ks2-writingTa-school-title\"",
                "alt=\"" + alt + "\"", "<title id=\"chart-ks2-writingTa-school-title\">" + alt + "</title>");
        assertThat(html).contains("<figure class=\"openreturns-chart\">", "<figcaption");
        assertThat(svg.split("<rect ", -1)).hasSize(ours.bars().size() + 1);
    }

    @Test
    void aSmallSchoolsChartIsNotDrawnAndSaysWhy() throws Exception {
        Distribution ours = find(engine(List.of(small)), small, "ks2.writingTa");
        assertThat(ours.suppressed()).isTrue();

        String html = html("/requests/" + small.requestId() + "/report", small.head());
        assertThat(html).doesNotContain("<svg").contains("Writing teacher assessment: your school")
                .contains("charts of fewer than " + suppressBelow() + " pupils are not drawn");
        assertThat(table(html, "chart-ks2-writingTa-school")).isEmpty();
    }

    @Test
    void theLaReportChartsEveryPupilOfEverySchool() throws Exception {
        Distribution la = find(engine(List.of(big, other, small)), null, "ks2.writingTa");
        assertThat(la.pupils()).isEqualTo(find(engine(List.of(big)), big, "ks2.writingTa").pupils()
                + find(engine(List.of(other)), other, "ks2.writingTa").pupils()
                + find(engine(List.of(small)), small, "ks2.writingTa").pupils());

        String html = html("/la/collections/" + ks2 + "/report", officer);
        assertThat(table(html, "chart-ks2-writingTa-la")).isEqualTo(bars(la));
        assertThat(html).contains("Writing teacher assessment: all schools");
        assertThat(svg(html, "chart-ks2-writingTa-la")).contains("role=\"img\"");
    }

    @Test
    void phonicsMarksAndReasonsAreChartedAsTheEngineCountsThemWithTheThresholdMarked() throws Exception {
        Distribution ours = find(engine(List.of(checked)), checked, "phonics.y1Marks");
        assertThat(ours.pupils()).isPositive();

        String html = html("/requests/" + checked.requestId() + "/report", checked.head());
        Map<String, Long> shown = table(html, "chart-phonics-y1Marks-school");
        assertThat(shown).isEqualTo(bars(ours));
        assertThat(shown.keySet()).startsWith("0", "1").endsWith("A", "D", "L", "Q");
        long reached = ours.bars().stream().filter(b -> b.onScale() && Integer.parseInt(b.value()) >= 32)
                .mapToLong(Distribution.Bar::pupils).sum();
        assertThat(svg(html, "chart-phonics-y1Marks-school"))
                .contains("Bar chart of Year 1 phonics marks for " + ours.pupils() + " pupils: most common mark ")
                .contains(reached + " of " + ours.pupils() + " scored 32 or more, the threshold mark")
                .contains("Threshold mark 32");
    }
}
