package org.openreturns.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.items.AssessmentItem;
import org.openreturns.engine.items.ItemTable;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.synthetic.GeneratorSettings;
import org.openreturns.engine.synthetic.SyntheticLa;
import org.openreturns.engine.validation.FileReport;
import org.openreturns.engine.validation.ReturnValidator;
import org.openreturns.engine.validation.ValidationOptions;
import org.openreturns.server.PortalTest;
import org.openreturns.server.accounts.UserRepository;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.reports.calculations.Measures;
import org.openreturns.server.reports.calculations.Measures.Heading;
import org.openreturns.server.reports.calculations.Measures.Report;
import org.openreturns.server.reports.calculations.Reports;
import org.openreturns.server.accounts.UserRepository;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.openreturns.server.submissions.Receipt;
import org.openreturns.server.submissions.SubmissionIntake;
import org.openreturns.server.submissions.UploadedFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import org.openreturns.server.testing.Fixtures;

/**
 * The school's pupil table lists every pupil of the file with the engine's results and finding counts, only to the
 * school and the LA, audited; year on year shows Measures' own figures for each year, or says there is no earlier
 * year rather than showing zeros. Two EYFSP collections of consecutive years of their own.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PupilTableAndYearsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    SubmissionIntake intake;

    @Autowired
    Measures measures;

    @Autowired
    Fixtures fixtures;
    long lastYear;
    long thisYear;
    int year;
    TestSchool alder;
    TestSchool alderLastYear;
    TestSchool birch;
    TestSchool cedar;
    long cedarSubmission;
    PortalUser officer;

    @BeforeAll
    void twoYearsOfReturns() throws Exception {
        consecutiveCollections();
        alder = fixtures.upload(thisYear, fixtures.school(thisYear, "Alder Primary School"), 14, 11);
        alderLastYear = fixtures.upload(lastYear, new TestSchool(alder.id(), alder.identity(), alder.head(),
                request(lastYear, alder.id()), null), 12, 12);
        birch = fixtures.upload(thisYear, fixtures.school(thisYear, "Birch Primary School"), 10, 13);
        cedar = fixtures.school(thisYear, "Cedar Primary School");
        cedar = uploadWithDefects(cedar, 16, 14);
        officer = users.findByEmail("officer@demo.openreturns.org").orElseThrow();
    }

    /** EYFSP collections for a year and the year before, both new, so the earlier one is the latest before. */
    private void consecutiveCollections() {
        while (true) {
            year = ThreadLocalRandom.current().nextInt(Fixtures.OWN_KIND_FROM + 1, Fixtures.LAST_YEAR + 1);
            Long before = insertCollection(year - 1);
            if (before == null) {
                continue;
            }
            Long now = insertCollection(year);
            if (now == null) {
                jdbc.sql("delete from collection where id = :id").param("id", before).update();
                continue;
            }
            lastYear = before;
            thisYear = now;
            return;
        }
    }

    private Long insertCollection(int summerYear) {
        return jdbc.sql("""
                insert into collection (kind, summer_year) values ('EYFSP', :year)
                on conflict do nothing returning id""")
                .param("year", summerYear).query(Long.class).optional().orElse(null);
    }

    private long request(long collectionId, long schoolId) {
        jdbc.sql("insert into collection_school (collection_id, school_id) values (:c, :s)")
                .param("c", collectionId).param("s", schoolId).update();
        return jdbc.sql("""
                insert into file_request (collection_id, school_id, title, deadline)
                values (:c, :s, 'Year on year test', :deadline) returning id""")
                .param("c", collectionId).param("s", schoolId)
                .param("deadline", LocalDate.of(fixtures.year(collectionId), 6, 30)).query(Long.class).single();
    }

    /** A return with errors and queries in it, so that pupils are flagged. */
    private TestSchool uploadWithDefects(TestSchool school, int pupils, long seed) throws Exception {
        Path dir = Files.createTempDirectory("openreturns-pupil-table-test");
        SyntheticLa.generate(GeneratorSettings.defaults().withYear(AcademicYear.ofSummer(year))
                .withPupilsPerSchool(pupils).withSeed(seed).withErrorRate(0.4), List.of(school.identity()), dir);
        String name = SyntheticLa.fileName(school.identity(), Collection.EYFSP);
        byte[] content = Files.readAllBytes(dir.resolve(name));
        Receipt receipt = intake.receive(Actor.system("pupil table test"), school.requestId(),
                List.of(new UploadedFile(name, content)), null);
        fixtures.awaitChecked(receipt.submissionId());
        cedarSubmission = receipt.submissionId();
        return new TestSchool(school.id(), school.identity(), school.head(), school.requestId(), content);
    }

    private String html(String path, PortalUser who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String text(String html) {
        // Tags become spaces, so a visually hidden ", sorted" after a link's text reads " , sorted": join it again.
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ").replace(" ,", ",")
                .strip();
    }

    /** The rows of the table with the given id, each as its cells' text (header row first). */
    private static List<List<String>> table(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("table " + id).isGreaterThan(0);
        String body = html.substring(start, html.indexOf("</table>", start));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(body);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(text(cell.group(1)));
            }
            rows.add(cells);
        }
        return rows;
    }

    private record ExpectedPupil(String surname, String forename, String upn, List<String> values, int errors,
            int queries) {
    }

    /** The engine's own reading of Cedar's file: each pupil's results by item and the findings naming them. */
    private List<ExpectedPupil> expectedPupils() {
        List<AssessedPupil> read = new ArrayList<>();
        FileReport report = new ReturnValidator(new CtfReader(), ValidationOptions.defaults()).validate("cedar.xml",
                new ByteArrayInputStream(cedar.file()), (context, pupil) -> read.add(pupil));
        Map<String, int[]> flags = new HashMap<>();
        for (Finding f : report.findings()) {
            if (f.upn() != null && f.severity() != Severity.INFO) {
                flags.computeIfAbsent(f.upn(), k -> new int[2])[f.severity() == Severity.ERROR ? 0 : 1]++;
            }
        }
        List<String> items = items();
        List<ExpectedPupil> pupils = new ArrayList<>();
        for (AssessedPupil p : read) {
            int[] counts = p.upn() == null ? new int[2] : flags.getOrDefault(p.upn(), new int[2]);
            pupils.add(new ExpectedPupil(p.pupil().surname(), p.pupil().forename(), p.upn(),
                    items.stream().map(p::value).toList(), counts[0], counts[1]));
        }
        return pupils;
    }

    private List<String> items() {
        return ItemTable.forYear(AcademicYear.ofSummer(year)).items(Collection.EYFSP).stream()
                .map(AssessmentItem::id).toList();
    }

    private static final Comparator<List<String>> BY_CELLS = Comparator.comparing(l -> String.join("\u0000", l));

    @Test
    void thePupilTableListsEveryPupilWithTheEnginesResultsAndFindingCounts() throws Exception {
        List<ExpectedPupil> expected = expectedPupils();
        assertThat(expected).hasSize(16);
        assertThat(expected).anyMatch(p -> p.errors() > 0);
        assertThat(items()).hasSize(17);

        String html = html("/requests/" + cedar.requestId() + "/report", cedar.head());
        List<List<String>> rows = table(html, "pupil-table");
        List<String> header = new ArrayList<>(List.of("Pupil, sorted A to Z; sort Z to A", "UPN"));
        header.addAll(items());
        header.add("Errors and queries");
        assertThat(rows.get(0)).isEqualTo(header);
        List<List<String>> shown = new ArrayList<>(rows.subList(1, rows.size()));
        List<List<String>> wanted = new ArrayList<>();
        for (ExpectedPupil p : expected) {
            List<String> cells = new ArrayList<>(List.of(name(p), blank(p.upn())));
            p.values().forEach(v -> cells.add(v == null ? "— No result" : v));
            String flags = flags(p);
            cells.add(p.errors() + p.queries() > 0 ? flags + " for " + name(p) : flags);
            wanted.add(cells);
            if (p.errors() + p.queries() > 0) {
                assertThat(html).contains("href=\"/submissions/" + cedarSubmission + "#pupil-" + p.upn() + "\"");
            }
        }
        shown.sort(BY_CELLS);
        wanted.sort(BY_CELLS);
        assertThat(shown).isEqualTo(wanted);
        assertThat(html).contains("role=\"region\"", "tabindex=\"0\"", "aria-labelledby=\"pupils-caption\"",
                "<abbr title=\"Listening, attention and understanding\">E01</abbr>");

        List<List<String>> ascending = rows.subList(1, rows.size());
        List<List<String>> descending = table(html("/requests/" + cedar.requestId() + "/report?pupil-order=descending",
                cedar.head()), "pupil-table");
        assertThat(descending.get(0).get(0)).isEqualTo("Pupil, sorted Z to A; sort A to Z");
        List<List<String>> reversed = new ArrayList<>(ascending);
        java.util.Collections.reverse(reversed);
        assertThat(descending.subList(1, descending.size())).isEqualTo(reversed);
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    /** "Surname, Forename", or whichever of them the file gives. */
    private static String name(ExpectedPupil p) {
        if (blank(p.surname()).isBlank()) {
            return blank(p.forename());
        }
        return blank(p.forename()).isBlank() ? p.surname() : p.surname() + ", " + p.forename();
    }

    private static String flags(ExpectedPupil p) {
        List<String> parts = new ArrayList<>();
        if (p.errors() > 0) {
            parts.add(p.errors() + (p.errors() == 1 ? " error" : " errors"));
        }
        if (p.queries() > 0) {
            parts.add(p.queries() + (p.queries() == 1 ? " query" : " queries"));
        }
        return parts.isEmpty() ? "None" : String.join(", ", parts);
    }

    @Test
    void theCsvAndSpreadsheetHoldTheSamePupilRows() throws Exception {
        List<ExpectedPupil> expected = expectedPupils();
        String csvText = mvc.perform(get("/requests/{id}/report/pupils.csv", cedar.requestId())
                .with(user(cedar.head()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> csv = CSVFormat.DEFAULT.builder().get().parse(new StringReader(csvText)).getRecords();
        List<String> header = new ArrayList<>(List.of("Surname", "Forename", "UPN"));
        header.addAll(items());
        header.addAll(List.of("Errors", "Queries"));
        assertThat(csv.get(0).toList()).isEqualTo(header);
        List<List<String>> rows = new ArrayList<>(csv.subList(1, csv.size()).stream().map(CSVRecord::toList).toList());
        List<List<String>> wanted = new ArrayList<>();
        for (ExpectedPupil p : expected) {
            List<String> cells = new ArrayList<>(List.of(blank(p.surname()), blank(p.forename()), blank(p.upn())));
            p.values().forEach(v -> cells.add(v == null ? "" : v));
            cells.add(Integer.toString(p.errors()));
            cells.add(Integer.toString(p.queries()));
            wanted.add(cells);
        }
        rows.sort(BY_CELLS);
        wanted.sort(BY_CELLS);
        assertThat(rows).isEqualTo(wanted);

        byte[] xlsx = mvc.perform(get("/requests/{id}/report/pupils.xlsx", cedar.requestId()).with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(expected.size());
            Row first = sheet.getRow(0);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("UPN");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("E01");
        }
    }

    @Test
    void anotherSchoolGetsNotFoundAndTheLaMayLook() throws Exception {
        for (String path : List.of("/report", "/report/pupils.csv", "/report/pupils.xlsx")) {
            mvc.perform(get("/requests/" + cedar.requestId() + path).with(user(birch.head())))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/requests/" + cedar.requestId() + path).with(user(officer)))
                    .andExpect(status().isOk());
        }
        String asLa = text(html("/requests/" + cedar.requestId() + "/report", officer));
        assertThat(asLa).contains(expectedPupils().get(0).upn());
    }

    private long audited(String action, long requestId, String detailLike) {
        return jdbc.sql("""
                select count(*) from audit_event
                where action = :action and target = :target and school_id = :school and detail like :detail""")
                .param("action", action).param("target", "file_request:" + requestId)
                .param("school", cedar.id()).param("detail", detailLike).query(Long.class).single();
    }

    @Test
    void everyViewAndDownloadOfPupilsIsAudited() throws Exception {
        long views = audited("VIEW_PUPIL_DATA", cedar.requestId(), "pupil table%");
        long csvs = audited("EXPORT", cedar.requestId(), "pupils.csv%");
        long xlsxs = audited("EXPORT", cedar.requestId(), "pupils.xlsx%");
        html("/requests/" + cedar.requestId() + "/report", cedar.head());
        mvc.perform(get("/requests/{id}/report/pupils.csv", cedar.requestId()).with(user(cedar.head())))
                .andExpect(status().isOk());
        mvc.perform(get("/requests/{id}/report/pupils.xlsx", cedar.requestId()).with(user(officer)))
                .andExpect(status().isOk());
        assertThat(audited("VIEW_PUPIL_DATA", cedar.requestId(), "pupil table%")).isEqualTo(views + 1);
        assertThat(audited("EXPORT", cedar.requestId(), "pupils.csv%")).isEqualTo(csvs + 1);
        assertThat(audited("EXPORT", cedar.requestId(), "pupils.xlsx%")).isEqualTo(xlsxs + 1);

        long refused = audited("EXPORT", cedar.requestId(), "%");
        mvc.perform(get("/requests/{id}/report/pupils.csv", cedar.requestId()).with(user(birch.head())))
                .andExpect(status().isNotFound());
        assertThat(audited("EXPORT", cedar.requestId(), "%")).isEqualTo(refused);
    }

    /** The change worked out here, from the unrounded figures, as the page must show it. */
    private static String change(Heading h, MeasureValue now, MeasureValue then) {
        if (now == null || then == null || now.value() == null || then.value() == null || now.suppressed()
                || then.suppressed() || now.provisional() || then.provisional()) {
            return "Not available";
        }
        // To the places the measure is shown with: EYFSP percentages to 1 dp, as the DfE publishes them.
        BigDecimal d = BigDecimal.valueOf(now.value() - then.value()).setScale(h.decimals(), RoundingMode.HALF_UP);
        if (d.signum() == 0) {
            return "No change";
        }
        String amount = (d.signum() > 0 ? "+" : "-") + d.abs().toPlainString();
        if (!h.isPercent()) {
            return amount + " points";
        }
        return amount + (d.abs().compareTo(BigDecimal.ONE) == 0 ? " percentage point" : " percentage points");
    }

    @Test
    void theLaSeesEachYearsTotalsAsMeasuresCountsThem() throws Exception {
        Report now = measures.of(thisYear).orElseThrow();
        Report before = measures.of(lastYear).orElseThrow();
        assertThat(now.schools()).extracting(Measures.ReportedSchool::schoolId).contains(alder.id(), birch.id());
        assertThat(before.schools()).extracting(Measures.ReportedSchool::schoolId).containsExactly(alder.id());

        // Year on year compares like with like: the change is over the schools counted in both years (issue 10).
        Report sameNow = measures.of(thisYear, java.util.Set.of(alder.id())).orElseThrow();
        String page = html("/la/collections/" + thisYear + "/report", officer);
        assertThat(page).contains("the change compares only the 1 counted in both years");
        List<List<String>> rows = table(page, "la-years");
        assertThat(rows.get(0).subList(0, 3)).containsExactly("Measure", Integer.toString(year),
                Integer.toString(year - 1));
        assertThat(rows.get(0).get(rows.get(0).size() - 1)).isEqualTo("Change since " + (year - 1));
        assertThat(rows).hasSize(now.headings().size() + 1);
        for (int i = 0; i < now.headings().size(); i++) {
            Heading h = now.headings().get(i);
            List<String> row = rows.get(i + 1);
            MeasureValue a = now.la(h.id()).orElseThrow();
            MeasureValue b = before.la(h.id()).orElseThrow();
            assertThat(row.subList(0, 3)).containsExactly(h.label(), Reports.display(h, a), Reports.display(h, b));
            assertThat(row.get(row.size() - 1)).isEqualTo(change(h, sameNow.la(h.id()).orElseThrow(), b));
        }

        for (Heading h : now.headings()) {
            String html = html("/la/collections/" + thisYear + "/report/years?measure=" + h.id(), officer);
            assertThat(html).contains("<option value=\"" + h.id() + "\" selected=\"selected\">");
            List<List<String>> bySchool = table(html, "school-years");
            assertThat(bySchool.get(0)).containsExactly("School", Integer.toString(year), Integer.toString(year - 1),
                    "Change");
            MeasureValue alderNow = now.school(alder.id(), h.id()).orElseThrow();
            MeasureValue alderThen = before.school(alder.id(), h.id()).orElseThrow();
            assertThat(bySchool).contains(List.of("Alder Primary School 330/" + alder.identity().estab(),
                    Reports.display(h, alderNow), Reports.display(h, alderThen), change(h, alderNow, alderThen)));
            assertThat(bySchool).contains(List.of("Birch Primary School 330/" + birch.identity().estab(),
                    Reports.display(h, now.school(birch.id(), h.id()).orElseThrow()), "No return", "Not available"));
            MeasureValue a = now.la(h.id()).orElseThrow();
            MeasureValue b = before.la(h.id()).orElseThrow();
            assertThat(bySchool.get(bySchool.size() - 1)).containsExactly("LA total", Reports.display(h, a),
                    Reports.display(h, b), change(h, sameNow.la(h.id()).orElseThrow(), b));
        }
        // Some change must be a real one, or the comparison above could pass with every figure "Not available".
        assertThat(now.headings()).anyMatch(h -> !change(h, now.la(h.id()).orElseThrow(),
                before.la(h.id()).orElseThrow()).equals("Not available"));
    }

    @Test
    void theSchoolSeesItsOwnFigureLastYearBesideThisYears() throws Exception {
        Report now = measures.of(thisYear).orElseThrow();
        Report before = measures.of(lastYear).orElseThrow();
        String html = html("/requests/" + alder.requestId() + "/report", alder.head());
        List<List<String>> rows = table(html, "own-years");
        assertThat(rows.get(0)).containsExactly("Measure", Integer.toString(year), Integer.toString(year - 1),
                "Change");
        for (int i = 0; i < now.headings().size(); i++) {
            Heading h = now.headings().get(i);
            MeasureValue a = now.school(alder.id(), h.id()).orElseThrow();
            MeasureValue b = before.school(alder.id(), h.id()).orElseThrow();
            assertThat(rows.get(i + 1)).containsExactly(h.label(), Reports.display(h, a), Reports.display(h, b),
                    change(h, a, b));
        }

        String birchPage = html("/requests/" + birch.requestId() + "/report", birch.head());
        assertThat(birchPage).doesNotContain("id=\"own-years\"");
        assertThat(text(birchPage)).contains("There is no report for your school from an earlier year");
    }

    @Test
    void aCollectionWithNoEarlierYearSaysSoInsteadOfShowingZeros() throws Exception {
        int earliest = jdbc.sql("select min(summer_year) from collection where kind = 'EYFSP'")
                .query(Integer.class).single();
        long first = jdbc.sql("insert into collection (kind, summer_year) values ('EYFSP', :y) returning id")
                .param("y", earliest - 1).query(Long.class).single();
        String html = html("/la/collections/" + first + "/report", officer);
        assertThat(html).doesNotContain("id=\"la-years\"");
        assertThat(text(html)).contains("There is no earlier year of this collection with checked returns");
        String years = text(html("/la/collections/" + first + "/report/years", officer));
        assertThat(years).doesNotContain("0%");
    }
}
