package org.openreturns.server.movers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.server.PortalTest;
import org.openreturns.server.api.ApiTokens;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.reports.calculations.Measures;
import org.openreturns.server.reports.calculations.Measures.Report;
import org.openreturns.server.requests.RequestStatus;
import org.openreturns.server.testing.Ctf;
import org.openreturns.server.testing.Fixtures;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Two schools send the same pupils in one collection (reference/rules.md §2.5): each return carries a query naming
 * the other school and the DfE's rule, the LA total counts each pupil once, and the LA decides which school keeps a
 * pupil (audited), after which only that school counts the pupil. School A sends 30 pupils; school B, later, the
 * first 10 of them, the first under another forename, which school A must never see.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MoversTest {

    private static final String OTHER_FORENAME = "Zebedee";

    @Autowired
    Fixtures f;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ObjectMapper json;

    @Autowired
    Measures measures;

    long collection;
    TestSchool a;
    TestSchool b;
    String tokenA;
    String tokenB;
    long submissionA;
    long submissionB;
    String movedUpn;
    /** The engine's own count of school A's file, and of the same file without the pupil school B keeps. */
    List<MeasureValue> engineA;
    List<MeasureValue> engineAWithoutMoved;

    @BeforeAll
    void twoSchoolsSendTheSamePupilsThroughTheApi() throws Exception {
        collection = f.collection(Collection.KS2_TA);
        int year = f.year(collection);
        a = f.school(collection, "Movers Lane Primary");
        b = f.school(collection, "Movers Hill Primary");
        tokenA = tokens.issue(a.id(), "MIS", null);
        tokenB = tokens.issue(b.id(), "MIS", null);
        byte[] fileA = Ctf.of(a, Collection.KS2_TA, year, 30, pupils -> pupils);
        byte[] fileB = Ctf.of(b, Collection.KS2_TA, year, 30, pupils -> {
            List<CtfPupil> first = new ArrayList<>(pupils.subList(0, 10));
            CtfPupil p = first.get(0);
            first.set(0, new CtfPupil(p.upn(), p.surname(), OTHER_FORENAME, p.dob(), p.sex(), p.ncYearActual(),
                    p.assessments(), p.line()));
            return first;
        });
        submissionA = upload(a, tokenA, fileA);
        f.awaitChecked(submissionA);
        submissionB = upload(b, tokenB, fileB);
        f.awaitChecked(submissionB);
        movedUpn = firstUpn(fileA);
        byte[] withoutMoved = Ctf.of(a, Collection.KS2_TA, year, 30,
                pupils -> new ArrayList<>(pupils.subList(1, pupils.size())));
        engineA = Fixtures.engineCount(List.of(withFile(a, fileA)), measures.suppressBelow());
        engineAWithoutMoved = Fixtures.engineCount(List.of(withFile(a, withoutMoved)), measures.suppressBelow());
    }

    private static TestSchool withFile(TestSchool s, byte[] file) {
        return new TestSchool(s.id(), s.identity(), s.head(), s.requestId(), file);
    }

    /** The engine's count of the measure over the file, for school A alone. */
    private static MeasureValue of(List<MeasureValue> counted, String measureId) {
        return counted.stream().filter(v -> v.school() == null && v.id().equals(measureId)).findFirst().orElseThrow();
    }

    private long upload(TestSchool school, String token, byte[] ctf) throws Exception {
        String body = mvc.perform(multipart("/api/v1/file-requests/{id}/submissions", school.requestId())
                        .file(new MockMultipartFile("file", "ks2.xml", "text/xml", ctf))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("submissionId").asLong();
    }

    private static String firstUpn(byte[] ctf) {
        String text = new String(ctf, java.nio.charset.StandardCharsets.UTF_8);
        int at = text.indexOf("<UPN>");
        return text.substring(at + 5, text.indexOf("</UPN>", at));
    }

    private JsonNode submission(long id, String token) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/submissions/{id}", id).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    @Order(1)
    void eachSubmissionCarriesTheCrossSchoolQueryNamingTheOtherSchoolAndTheRule() throws Exception {
        JsonNode ofA = submission(submissionA, tokenA);
        JsonNode ofB = submission(submissionB, tokenB);
        assertThat(ofA.get("crossSchool")).hasSize(10);
        assertThat(ofB.get("crossSchool")).hasSize(10);
        for (JsonNode q : ofA.get("crossSchool")) {
            assertThat(q.get("otherSchools").get(0).asString()).isEqualTo(b.name());
            assertThat(q.get("message").asString()).contains(b.name()).contains("test week");
        }
        for (JsonNode q : ofB.get("crossSchool")) {
            assertThat(q.get("otherSchools").get(0).asString()).isEqualTo(a.name());
        }
        List<JsonNode> findings = new ArrayList<>();
        ofA.get("findings").forEach(findings::add);
        assertThat(findings).filteredOn(n -> n.get("code").asString().equals("CROSS_SCHOOL_UPN"))
                .hasSize(10).allSatisfy(n -> assertThat(n.get("severity").asString()).isEqualTo("query"))
                .anySatisfy(n -> assertThat(n.get("upn").asString()).isEqualTo(movedUpn));
        assertThat(ofA.toString()).as("school A never sees school B's record of the pupil")
                .doesNotContain(OTHER_FORENAME);
        // The LA resolves a cross-school query, not the school: it does not hold the return back from "Checked".
        assertThat(f.status(a.requestId())).isEqualTo(RequestStatus.CHECKED);
        assertThat(f.status(b.requestId())).isEqualTo(RequestStatus.CHECKED);
    }

    @Test
    @Order(2)
    void theLaTotalCountsEachPupilOnceAndEachSchoolItsOwn() throws Exception {
        PortalUser officer = f.user("officer");
        mvc.perform(post("/la/collections/{id}/report/publication", collection).param("state", "PROVISIONAL")
                .with(user(officer)).with(csrf())).andExpect(status().is3xxRedirection());
        JsonNode report = json.readTree(mvc.perform(get("/api/v1/file-requests/{id}/report", a.requestId())
                .header("Authorization", "Bearer " + tokenA)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(report.get("measures")).isNotEmpty();
        for (JsonNode m : report.get("measures")) {
            // School B's pupils are all school A's, so the LA's figures, counting each pupil once, are A's own.
            assertThat(m.get("la").toString()).as(m.get("id").asString()).isEqualTo(m.get("school").toString());
        }
        Report counted = measures.of(collection).orElseThrow();
        assertThat(counted.total().values()).isNotEmpty().allSatisfy(v -> {
            assertThat(v.denominator()).as(v.id()).isEqualTo(of(engineA, v.id()).denominator());
            assertThat(v.numerator()).as(v.id()).isEqualTo(of(engineA, v.id()).numerator());
        });
    }

    @Test
    @Order(3)
    void theLaDecidesWhichSchoolKeepsThePupilOnAPageOnlyTheLaReaches() throws Exception {
        String pupilPage = "/la/collections/" + collection + "/movers/" + movedUpn;
        // A school is told there is nothing under /la/; a moderator may not decide.
        mvc.perform(get("/la/collections/{id}/movers", collection).with(user(a.head()))).andExpect(status().isNotFound());
        mvc.perform(get(pupilPage).with(user(a.head()))).andExpect(status().isNotFound());
        mvc.perform(post(pupilPage).param("keep", Long.toString(a.id())).with(user(a.head())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(pupilPage).param("keep", Long.toString(b.id())).with(user(f.user("moderator")))
                .with(csrf())).andExpect(status().isForbidden());

        PortalUser officer = f.user("officer");
        String live = text(mvc.perform(get("/la/collections/{id}", collection).with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(live).contains("10 pupils are in more than one school's return; 10 still to decide")
                .contains("and 10 pupils also at another school");
        String list = text(mvc.perform(get("/la/collections/{id}/movers", collection).with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list).contains(movedUpn).contains(a.name()).contains(b.name()).contains("To decide");
        long viewsBefore = f.audits("VIEW_MOVER", "collection " + collection + " upn " + movedUpn);
        String page = mvc.perform(get(pupilPage).with(user(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("type=\"radio\"").contains("name=\"keep\"").contains(OTHER_FORENAME)
                .contains("test week");
        assertThat(f.audits("VIEW_MOVER", "collection " + collection + " upn " + movedUpn))
                .as("the LA's read of both schools' records is audited").isEqualTo(viewsBefore + 2);

        String refused = text(mvc.perform(post(pupilPage).with(user(officer)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused).contains("There is a problem").contains("Select the school that reports this pupil");

        mvc.perform(post(pupilPage).param("keep", Long.toString(b.id())).with(user(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(f.audits("MOVER_RESOLVED", "collection " + collection + " upn " + movedUpn)).isEqualTo(2);

        Report counted = measures.of(collection).orElseThrow();
        for (Measures.Heading h : counted.headings()) {
            MeasureValue ofA = counted.school(a.id(), h.id()).orElseThrow();
            assertThat(ofA.denominator()).as("school A no longer counts the pupil school B keeps: " + h.id())
                    .isEqualTo(of(engineAWithoutMoved, h.id()).denominator());
            assertThat(ofA.numerator()).as(h.id()).isEqualTo(of(engineAWithoutMoved, h.id()).numerator());
            // B's copy of the pupil has the same results as A's had, so the LA total is still A's whole file.
            assertThat(counted.la(h.id()).orElseThrow().denominator()).as(h.id())
                    .isEqualTo(of(engineA, h.id()).denominator());
        }
        assertThat(counted.pupils()).filteredOn(p -> p.schoolId() == a.id()).hasSize(29);
        assertThat(counted.pupils()).filteredOn(p -> p.schoolId() == b.id()).hasSize(10);

        JsonNode ofA = submission(submissionA, tokenA);
        List<JsonNode> decided = new ArrayList<>();
        ofA.get("crossSchool").forEach(decided::add);
        assertThat(decided).filteredOn(q -> q.get("upn").asString().equals(movedUpn)).singleElement()
                .satisfies(q -> {
                    assertThat(q.get("decided").asBoolean()).isTrue();
                    assertThat(q.get("keptHere").asBoolean()).isFalse();
                    assertThat(q.get("message").asString()).contains(b.name() + " reports this pupil");
                });
        String schoolPage = mvc.perform(get("/requests/{id}", a.requestId()).with(user(a.head())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text(schoolPage)).contains("Pupils also in another school's return").contains(movedUpn)
                .contains(b.name()).contains("Counted elsewhere");
        assertThat(schoolPage).as("only the UPN and the other school's name, never its record of the pupil")
                .doesNotContain(OTHER_FORENAME).doesNotContain(b.la() + b.estab());
        String submissionPage = mvc.perform(get("/submissions/{id}", submissionA).with(user(a.head())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text(submissionPage)).contains("Pupils also in another school's return").contains(movedUpn);
        assertThat(submissionPage).doesNotContain(OTHER_FORENAME);
        String laRequest = text(mvc.perform(get("/la/requests/{id}", a.requestId()).with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(laRequest).contains("Pupils also in another school's return")
                .contains("Decided: " + b.name() + " reports this pupil.");
        String liveAfter = text(mvc.perform(get("/la/collections/{id}", collection).with(user(officer)))
                .andReturn().getResponse().getContentAsString());
        assertThat(liveAfter).contains("10 pupils are in more than one school's return; 9 still to decide");
    }

    private static String text(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ");
    }
}
