package org.openreturns.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.ctf.CtfStream;
import org.openreturns.engine.ctf.CtfWriter;
import org.openreturns.engine.measures.MeasureBook;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.engine.measures.PupilGroup;
import org.openreturns.engine.measures.PupilGroup.Breakdown;
import org.openreturns.engine.measures.Suppression;
import org.openreturns.engine.synthetic.GeneratorSettings;
import org.openreturns.engine.synthetic.SyntheticLa;
import org.openreturns.engine.validation.PupilListener;
import org.openreturns.engine.validation.ReturnValidator;
import org.openreturns.engine.validation.ValidationOptions;
import org.openreturns.server.PortalTest;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.identity.PortalUser;
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
 * The breakdowns by pupil group on the school's and the LA's pages and downloads equal the engine's own measures
 * over the same generated files with each group's pupils picked out; small groups are suppressed; a file without
 * the characteristics says the breakdown is not available rather than showing zeros.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupReportsTest {

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

    long collection;
    AcademicYear year;
    TestSchool rowan;
    TestSchool sycamore;
    TestSchool bare;
    PortalUser officer;

    @BeforeAll
    void uploadThreeSchools() throws Exception {
        collection = f.collection(Collection.KS2_TA);
        year = AcademicYear.ofSummer(f.year(collection));
        rowan = f.upload(collection, f.school(collection, "Rowan Primary School"), 40, 61);
        sycamore = f.upload(collection, f.school(collection, "Sycamore Primary School"), 30, 62);
        bare = uploadWithoutCharacteristics(f, f.school(collection, "Teasel Primary School"), 12, 63);
        officer = users.findByEmail("officer@demo.openreturns.org").orElseThrow();
    }

    /** The generator's file with every pupil's FSM, SEN, language and care blocks taken out, as an MTC-style file. */
    private TestSchool uploadWithoutCharacteristics(Fixtures f, TestSchool school, int pupils, long seed)
            throws Exception {
        Path dir = Files.createTempDirectory("openreturns-groups-test");
        GeneratorSettings settings = GeneratorSettings.defaults().withYear(year).withPupilsPerSchool(pupils)
                .withSeed(seed);
        SyntheticLa.generate(settings, List.of(school.identity()), dir);
        String name = SyntheticLa.fileName(school.identity(), Collection.KS2_TA);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CtfStream in = new CtfReader().open(Files.newInputStream(dir.resolve(name)));
                CtfWriter writer = CtfWriter.open(out, in.header())) {
            CtfPupil p;
            while ((p = in.next()) != null) {
                writer.write(new CtfPupil(p.upn(), p.surname(), p.forename(), p.dob(), p.sex(), p.ncYearActual(),
                        p.assessments(), 0));
            }
        }
        byte[] content = out.toByteArray();
        assertThat(new String(content, StandardCharsets.UTF_8)).doesNotContain("FSMhistory").contains("<Sex>");
        Receipt receipt = intake.receive(Actor.system("groups test"), school.requestId(),
                List.of(new UploadedFile(name, content)), null);
        f.awaitChecked(receipt.submissionId());
        return new TestSchool(school.id(), school.identity(), school.head(), school.requestId(), content);
    }

    private int suppressBelow() {
        return jdbc.sql("select suppress_below from report_setting where id = 1").query(Integer.class).single();
    }

    /** The engine's measures over the schools' files, counting only the group's pupils: the known answer. */
    private List<MeasureValue> engineCount(PupilGroup group, List<TestSchool> schools) {
        MeasureBook book = new MeasureBook(new Suppression(suppressBelow()));
        ReturnValidator validator = new ReturnValidator(new CtfReader(), ValidationOptions.defaults());
        for (TestSchool s : schools) {
            PupilListener school = book.school(Long.toString(s.id()));
            validator.validate("test.xml", new ByteArrayInputStream(s.file()), (context, pupil) -> {
                if (PupilGroup.of(group.breakdown(), pupil.pupil(), context.year()) == group) {
                    school.onPupil(context, pupil);
                }
            });
        }
        return book.results();
    }

    /** Each measure of the school (null: the total), in the order the book gives them; null where none counted. */
    private static List<MeasureValue> of(List<MeasureValue> values, TestSchool school, List<String> ids) {
        List<MeasureValue> out = new ArrayList<>();
        for (String id : ids) {
            out.add(values.stream().filter(v -> v.id().equals(id)
                    && (school == null ? v.school() == null : Long.toString(school.id()).equals(v.school())))
                    .findFirst().orElse(null));
        }
        return out;
    }

    private List<String> measureIds() {
        return engineCount(PupilGroup.GIRLS, List.of(rowan)).stream().filter(v -> v.school() == null)
                .map(MeasureValue::id).toList();
    }

    /** KS2 TA measures are all percentages: whole numbers, as rules.md §3 says pages show them. */
    private static String shown(MeasureValue v) {
        if (v == null || v.denominator() == 0) {
            return "No pupils";
        }
        if (v.suppressed()) {
            return "Suppressed";
        }
        return BigDecimal.valueOf(v.value()).setScale(0, RoundingMode.HALF_UP) + "%";
    }

    private String html(String path, PortalUser who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String text(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ").strip();
    }

    /** The text of each body row of the table with the id, or empty when there is no such table. */
    private static List<String> rows(String html, String tableId) {
        int at = html.indexOf("id=\"" + tableId + "\"");
        if (at < 0) {
            return List.of();
        }
        String table = html.substring(at, html.indexOf("</table>", at));
        String body = table.substring(table.indexOf("<tbody"));
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)<tr[^>]*>(.*?)</tr>").matcher(body);
        while (m.find()) {
            rows.add(text(m.group(1)));
        }
        return rows;
    }

    private static String tableId(Breakdown b) {
        return "groups-" + b.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void publish(String state) throws Exception {
        mvc.perform(post("/la/collections/{id}/report/publication", collection).param("state", state)
                .with(user(officer)).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void theSchoolsGroupFiguresEqualTheEnginesOverItsPupilsOfEachGroupAndTheLasOncePublished() throws Exception {
        List<String> ids = measureIds();
        publish("NOT_PUBLISHED");
        String before = html("/requests/" + rowan.requestId() + "/report", rowan.head());
        assertThat(text(before)).contains("By pupil group");
        int groupsChecked = 0;
        for (Breakdown b : Breakdown.values()) {
            List<String> rows = rows(before, tableId(b));
            assertThat(rows).as(b.name()).hasSize(b.groups().size());
            for (PupilGroup g : b.groups()) {
                StringBuilder row = new StringBuilder(g.label());
                of(engineCount(g, List.of(rowan)), rowan, ids).forEach(v -> row.append(' ').append(shown(v)));
                assertThat(rows).as(g.name()).contains(row.toString());
                groupsChecked++;
            }
        }
        assertThat(groupsChecked).isEqualTo(PupilGroup.values().length);

        publish("PROVISIONAL");
        try {
            String after = html("/requests/" + rowan.requestId() + "/report", rowan.head());
            List<TestSchool> all = List.of(rowan, sycamore, bare);
            for (PupilGroup g : List.of(PupilGroup.DISADVANTAGED, PupilGroup.NOT_DISADVANTAGED, PupilGroup.BOYS,
                    PupilGroup.SEN_SUPPORT, PupilGroup.OTHER_THAN_ENGLISH)) {
                List<MeasureValue> own = of(engineCount(g, List.of(rowan)), rowan, ids);
                List<MeasureValue> la = of(engineCount(g, all), null, ids);
                StringBuilder row = new StringBuilder(g.label());
                for (int m = 0; m < ids.size(); m++) {
                    row.append(' ').append(shown(own.get(m))).append(' ').append(shown(la.get(m)));
                }
                assertThat(rows(after, tableId(g.breakdown()))).as(g.name()).contains(row.toString());
            }
        } finally {
            publish("NOT_PUBLISHED");
        }
    }

    @Test
    void aGroupUnderTheThresholdIsSuppressedThoughTheSchoolIsNot() throws Exception {
        List<String> ids = measureIds();
        int before = suppressBelow();
        // 40 pupils, so the school's own figures show, but SEN support (about 12%) and EHC plans (3%) fall under 10.
        jdbc.sql("update report_setting set suppress_below = 10").update();
        try {
            String html = html("/requests/" + rowan.requestId() + "/report", rowan.head());
            List<PupilGroup> small = new ArrayList<>();
            for (PupilGroup g : PupilGroup.values()) {
                List<MeasureValue> values = of(engineCount(g, List.of(rowan)), rowan, ids);
                StringBuilder row = new StringBuilder(g.label());
                values.forEach(v -> row.append(' ').append(shown(v)));
                assertThat(rows(html, tableId(g.breakdown()))).as(g.name()).contains(row.toString());
                if (values.stream().anyMatch(v -> v != null && v.suppressed())) {
                    small.add(g);
                    assertThat(row.toString()).contains("Suppressed");
                }
            }
            assertThat(small).contains(PupilGroup.SEN_SUPPORT);
            assertThat(rows(html, "groups-sex")).noneMatch(r -> r.contains("Suppressed"));
            assertThat(text(html)).contains("fewer than 10 pupils");
        } finally {
            jdbc.sql("update report_setting set suppress_below = :n").param("n", before).update();
        }
    }

    @Test
    void aFileWithoutTheCharacteristicsSaysTheBreakdownIsNotAvailableRatherThanShowingZeros() throws Exception {
        String html = html("/requests/" + bare.requestId() + "/report", bare.head());
        String text = text(html);
        assertThat(text).contains("Your file does not include free school meals or looked-after history for any "
                + "pupil, so this breakdown is not available.")
                .contains("Your file does not include SEN history for any pupil")
                .contains("Your file does not include first language for any pupil");
        assertThat(rows(html, tableId(Breakdown.DISADVANTAGE))).isEmpty();
        assertThat(rows(html, tableId(Breakdown.SEN))).isEmpty();
        assertThat(rows(html, tableId(Breakdown.EAL))).isEmpty();
        assertThat(rows(html, tableId(Breakdown.SEX))).hasSize(2);

        String la = html("/la/collections/" + collection + "/report/groups", officer);
        assertThat(text(la)).contains("12 pupils' records in schools' files do not include SEN history");
    }

    @Test
    void theLaPageShowsTheLaTotalOfEachGroup() throws Exception {
        List<String> ids = measureIds();
        List<TestSchool> all = List.of(rowan, sycamore, bare);
        String html = html("/la/collections/" + collection + "/report/groups", officer);
        for (PupilGroup g : PupilGroup.values()) {
            StringBuilder row = new StringBuilder(g.label());
            of(engineCount(g, all), null, ids).forEach(v -> row.append(' ').append(shown(v)));
            assertThat(rows(html, tableId(g.breakdown()))).as(g.name()).contains(row.toString());
        }
        assertThat(html("/la/collections/" + collection + "/report", officer))
                .contains("/la/collections/" + collection + "/report/groups");
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'REPORT_VIEWED' and target = :t
                 and detail like '%by pupil group'""").param("t", "collection " + collection).query(Long.class)
                .single()).isPositive();
    }

    @Test
    void theGroupDownloadsHoldTheSameFigures() throws Exception {
        List<String> ids = measureIds();
        byte[] bytes = mvc.perform(get("/requests/{id}/report/groups.csv", rowan.requestId()).with(user(rowan.head())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<CSVRecord> csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(bytes, StandardCharsets.UTF_8))).getRecords();
        List<MeasureValue> girls = of(engineCount(PupilGroup.GIRLS, List.of(rowan)), rowan, ids);
        for (int m = 0; m < ids.size(); m++) {
            String id = ids.get(m);
            MeasureValue v = girls.get(m);
            CSVRecord r = csv.stream().filter(x -> x.get("Group").equals("Girls") && x.get("Measure id").equals(id))
                    .findFirst().orElseThrow();
            assertThat(r.get("School")).isEqualTo("Rowan Primary School");
            assertThat(r.get("Breakdown")).isEqualTo("Sex");
            assertThat(r.get("Pupils counted")).isEqualTo(Long.toString(v.denominator()));
            assertThat(r.get("Suppressed")).isEqualTo(v.suppressed() ? "Yes" : "No");
        }
        assertThat(csv).noneMatch(r -> r.get("School").equals("LA total"));

        byte[] la = mvc.perform(get("/la/collections/{id}/report/groups.csv", collection).with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String laText = new String(la, StandardCharsets.UTF_8);
        assertThat(laText).contains("Sycamore Primary School").contains("LA total").contains("Disadvantaged");
        mvc.perform(get("/la/collections/{id}/report/groups.xlsx", collection).with(user(officer)))
                .andExpect(status().isOk());
        mvc.perform(get("/requests/{id}/report/groups.xlsx", rowan.requestId()).with(user(rowan.head())))
                .andExpect(status().isOk());
    }

    @Test
    void anotherSchoolCannotSeeTheGroups() throws Exception {
        mvc.perform(get("/requests/{id}/report", rowan.requestId()).with(user(sycamore.head())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/requests/{id}/report/groups.csv", rowan.requestId()).with(user(sycamore.head())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/requests/{id}/report/groups.xlsx", rowan.requestId()).with(user(sycamore.head())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/la/collections/{id}/report/groups", collection).with(user(rowan.head())))
                .andExpect(status().isNotFound());
    }
}
