package org.openreturns.server.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.PortalTest;
import org.openreturns.server.api.ApiTokens;
import org.openreturns.server.reports.calculations.Measures;
import org.openreturns.server.testing.Ctf;
import org.openreturns.server.testing.Fixtures;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * Nothing changes behind the LA's back (issue 10, item 12): a school's upload after the LA accepted its return is only
 * a proposed replacement until the LA accepts it; late uploads are taken and marked; final figures stay final until
 * the LA reopens the collection; no upload before a collection opens. Schools upload through the API, as an MIS does.
 */
@PortalTest
class AcceptedReturnTest {

    private static final String OFFICER = "officer@demo.openreturns.org";

    @Autowired
    Fixtures f;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ObjectMapper json;

    @Autowired
    Measures measures;

    @Autowired
    Clock clock;

    private MockHttpServletRequestBuilder as(String who, MockHttpServletRequestBuilder request) {
        return request.with(user(f.user(who))).with(csrf());
    }

    private ResultActions upload(String token, long requestId, byte[] ctf) throws Exception {
        return mvc.perform(multipart("/api/v1/file-requests/{id}/submissions", requestId)
                .file(new MockMultipartFile("file", "ks2.xml", "text/xml", ctf))
                .header("Authorization", "Bearer " + token));
    }

    /** Uploads through the API and waits for the check; the new version's id. */
    private long uploaded(String token, long requestId, byte[] ctf) throws Exception {
        String body = upload(token, requestId, ctf).andExpect(status().isAccepted()).andReturn().getResponse()
                .getContentAsString();
        long id = json.readTree(body).get("submissionId").asLong();
        assertThat(f.awaitChecked(id)).isEqualTo("CHECKED");
        return id;
    }

    private long current(long requestId) {
        return jdbc.sql("select id from current_submission where file_request_id = :r").param("r", requestId)
                .query(Long.class).single();
    }

    /** The version the collection's report counts for the school, and how many of its pupils it counts. */
    private long counted(long collectionId, long schoolId) {
        return measures.of(collectionId).orElseThrow().reported(schoolId).orElseThrow().submissionId();
    }

    private long countedPupils(long collectionId, long schoolId) {
        return measures.of(collectionId).orElseThrow().pupils().stream().filter(p -> p.schoolId() == schoolId)
                .count();
    }

    /** A school with an accepted first version of 10 pupils; returns the school, its token and the version. */
    private record Accepted(long collection, int year, TestSchool school, String token, long version) {
    }

    private Accepted accepted(String name) throws Exception {
        long c = f.collection(Collection.KS2_TA);
        int year = f.year(c);
        TestSchool school = f.school(c, name);
        String token = tokens.issue(school.id(), "MIS", null);
        // The first 10 of the 20 pupils later versions send, so that a later version drops nobody (which would be a
        // query to explain before the LA may accept it).
        long v1 = uploaded(token, school.requestId(), Ctf.of(school, Collection.KS2_TA, year, 20,
                p -> new ArrayList<>(p.subList(0, 10))));
        assertThat(f.status(school.requestId())).isEqualTo(RequestStatus.CHECKED);
        mvc.perform(as("officer", post("/la/requests/" + school.requestId() + "/accept")));
        assertThat(f.status(school.requestId())).isEqualTo(RequestStatus.ACCEPTED);
        return new Accepted(c, year, school, token, v1);
    }

    @Test
    void anUploadAfterAcceptanceIsOnlyProposedUntilTheLaAcceptsItThenTheFiguresFollow() throws Exception {
        Accepted a = accepted("Replacement Proposed Primary");
        long request = a.school().requestId();

        long v2 = uploaded(a.token(), request, Ctf.of(a.school(), Collection.KS2_TA, a.year(), 20, p -> p));

        assertThat(f.status(request)).as("the LA's acceptance stands").isEqualTo(RequestStatus.ACCEPTED);
        assertThat(current(request)).as("the accepted version stays the return").isEqualTo(a.version());
        assertThat(counted(a.collection(), a.school().id())).isEqualTo(a.version());
        assertThat(countedPupils(a.collection(), a.school().id())).isEqualTo(10);
        mvc.perform(get("/api/v1/submissions/{id}", v2).header("Authorization", "Bearer " + a.token()))
                .andExpect(jsonPath("$.status").value("CHECKED"))
                .andExpect(jsonPath("$.current").value(false))
                .andExpect(jsonPath("$.proposed").value(true));
        mvc.perform(get("/api/v1/submissions/{id}", a.version()).header("Authorization", "Bearer " + a.token()))
                .andExpect(jsonPath("$.current").value(true));
        assertThat(jdbc.sql("""
                select count(*) from outbox_mail where to_address = :to and subject like 'Replacement proposed:%'
                  and body like :link""")
                .param("to", OFFICER).param("link", "%/la/requests/" + request + "%").query(Integer.class).single())
                .as("the LA is told at once").isEqualTo(1);
        mvc.perform(as("officer", get("/la/requests/" + request)))
                .andExpect(content().string(containsString("Accepted by the LA, replacement proposed")))
                .andExpect(content().string(containsString("Accept the replacement")));
        mvc.perform(as("officer", get("/la/collections/" + a.collection() + "/schools.csv")))
                .andExpect(content().string(containsString("Accepted by the LA, replacement proposed")));
        mvc.perform(as(a.school().head().email(), get("/requests/" + request)))
                .andExpect(content().string(containsString("proposed replacement")));

        mvc.perform(as("officer", post("/la/requests/" + request + "/replacement/accept")))
                .andExpect(status().is3xxRedirection());

        assertThat(f.status(request)).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(current(request)).isEqualTo(v2);
        assertThat(counted(a.collection(), a.school().id())).isEqualTo(v2);
        assertThat(countedPupils(a.collection(), a.school().id())).isEqualTo(20);
        assertThat(f.audits("REPLACEMENT_ACCEPTED", "file_request:" + request)).isEqualTo(1);
    }

    @Test
    void aDeclinedReplacementLeavesTheAcceptedVersionAndTellsTheSchoolWhy() throws Exception {
        Accepted a = accepted("Replacement Declined Primary");
        long request = a.school().requestId();
        long v2 = uploaded(a.token(), request, Ctf.of(a.school(), Collection.KS2_TA, a.year(), 12, p -> p));

        mvc.perform(as("officer", post("/la/requests/" + request + "/replacement/decline")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a message telling the school why")));
        mvc.perform(as("officer", post("/la/requests/" + request + "/replacement/decline")
                        .param("declineMessage", "Version 1 was right: keep it.")))
                .andExpect(status().is3xxRedirection());

        assertThat(f.status(request)).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(current(request)).isEqualTo(a.version());
        assertThat(f.audits("REPLACEMENT_DECLINED", "file_request:" + request)).isEqualTo(1);
        assertThat(jdbc.sql("""
                select body from outbox_mail where to_address = :to and subject like 'Replacement declined:%'""")
                .param("to", a.school().head().email()).query(String.class).list())
                .singleElement().asString().contains("Version 1 was right: keep it.");
        mvc.perform(get("/api/v1/submissions/{id}", v2).header("Authorization", "Bearer " + a.token()))
                .andExpect(jsonPath("$.proposed").value(false));
        mvc.perform(as(a.school().head().email(), get("/requests/" + request)))
                .andExpect(content().string(containsString("Version 1 was right: keep it.")));
    }

    @Test
    void aFileSentAfterTheDeadlineIsTakenAndMarkedLate() throws Exception {
        long c = f.collection(Collection.KS2_TA);
        int year = f.year(c);
        TestSchool late = f.school(c, "Late Sender Primary");
        TestSchool onTime = f.school(c, "On Time Sender Primary");
        jdbc.sql("update file_request set deadline = :d where id = :id")
                .param("d", LocalDate.now(clock).minusDays(3)).param("id", late.requestId()).update();
        String lateToken = tokens.issue(late.id(), "MIS", null);
        String onTimeToken = tokens.issue(onTime.id(), "MIS", null);

        uploaded(lateToken, late.requestId(), Ctf.of(late, Collection.KS2_TA, year, 5, p -> p));
        uploaded(onTimeToken, onTime.requestId(), Ctf.of(onTime, Collection.KS2_TA, year, 5, p -> p));

        assertThat(f.status(late.requestId())).isEqualTo(RequestStatus.CHECKED);
        mvc.perform(get("/api/v1/file-requests").header("Authorization", "Bearer " + lateToken))
                .andExpect(jsonPath("$[?(@.id == " + late.requestId() + ")].late").value(true));
        mvc.perform(get("/api/v1/file-requests").header("Authorization", "Bearer " + onTimeToken))
                .andExpect(jsonPath("$[?(@.id == " + onTime.requestId() + ")].late").value(false));
        mvc.perform(as(late.head().email(), get("/requests/" + late.requestId())))
                .andExpect(content().string(containsString("arrived after the deadline")));
        String csv = mvc.perform(as("officer", get("/la/collections/" + c + "/schools.csv")))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().filter(l -> l.contains("Late Sender Primary")).findFirst().orElseThrow())
                .endsWith(",Yes");
        assertThat(csv.lines().filter(l -> l.contains("On Time Sender Primary")).findFirst().orElseThrow())
                .endsWith(",No");
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith("Overdue,Late");
    }

    @Test
    void finalFiguresStayUntilTheLaReopensTheCollectionSayingWhy() throws Exception {
        Accepted a = accepted("Final Figures Primary");
        long request = a.school().requestId();
        mvc.perform(as("admin", post("/la/collections/" + a.collection() + "/report/publication")
                .param("state", "FINAL").param("confirmed", "true"))).andExpect(status().is3xxRedirection());

        upload(a.token(), request, Ctf.of(a.school(), Collection.KS2_TA, a.year(), 20, p -> p))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("published the final figures")))
                .andExpect(jsonPath("$.detail").value(containsString("reopen the collection")));
        mvc.perform(as("officer", post("/la/requests/" + request + "/return").param("message", "Fix it")))
                .andExpect(status().is3xxRedirection());
        assertThat(f.status(request)).as("a return would take the school out of final figures")
                .isEqualTo(RequestStatus.ACCEPTED);
        assertThat(countedPupils(a.collection(), a.school().id())).isEqualTo(10);

        mvc.perform(as("officer", post("/la/collections/" + a.collection() + "/report/reopen")))
                .andExpect(status().is3xxRedirection());
        assertThat(publication(a.collection())).as("no reopening without a reason").isEqualTo("FINAL");
        mvc.perform(as("officer", post("/la/collections/" + a.collection() + "/report/reopen")
                .param("reason", "The school found a wrong result"))).andExpect(status().is3xxRedirection());
        assertThat(publication(a.collection())).isEqualTo("PROVISIONAL");
        assertThat(f.audits("COLLECTION_REOPENED", "collection " + a.collection())).isEqualTo(1);

        long v2 = uploaded(a.token(), request, Ctf.of(a.school(), Collection.KS2_TA, a.year(), 20, p -> p));
        mvc.perform(as("officer", post("/la/requests/" + request + "/replacement/accept")));
        assertThat(counted(a.collection(), a.school().id())).isEqualTo(v2);
    }

    @Test
    void anUploadBeforeTheCollectionOpensIsRefusedWithTheOpeningDate() throws Exception {
        long c = f.collection(Collection.KS2_TA);
        int year = f.year(c);
        LocalDate opens = LocalDate.now(clock).plusDays(10);
        jdbc.sql("update collection set opens_on = :d where id = :id").param("d", opens).param("id", c).update();
        TestSchool school = f.school(c, "Too Early Primary");
        String token = tokens.issue(school.id(), "MIS", null);
        String date = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(opens);

        upload(token, school.requestId(), Ctf.of(school, Collection.KS2_TA, year, 5, p -> p))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("opens on")))
                .andExpect(jsonPath("$.detail").value(containsString(date)));
        assertThat(jdbc.sql("select count(*) from submission where file_request_id = :r")
                .param("r", school.requestId()).query(Integer.class).single()).isZero();
        mvc.perform(as(school.head().email(), get("/requests/" + school.requestId())))
                .andExpect(content().string(containsString("collection opens on")))
                .andExpect(content().string(containsString(date)));
    }

    private String publication(long collectionId) {
        return jdbc.sql("select state from report_publication where collection_id = :c").param("c", collectionId)
                .query(String.class).single();
    }
}
