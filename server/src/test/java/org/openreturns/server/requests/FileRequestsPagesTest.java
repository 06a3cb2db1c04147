package org.openreturns.server.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.testing.Fixtures;
import org.openreturns.server.PortalTest;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.collections.AssessmentCollection;
import org.openreturns.server.collections.CollectionService;
import org.openreturns.server.collections.Dates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Issuing file requests, a school's request as the LA sees it, and the LA's accept and return decisions. */
@PortalTest
class FileRequestsPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CollectionService collections;

    @Autowired
    FileRequests requests;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private MockHttpServletRequestBuilder as(String who, MockHttpServletRequestBuilder request) {
        return request.with(user(fixtures.user(who))).with(csrf());
    }

    private AssessmentCollection collection(Collection kind) {
        int year = fixtures.freshYear();
        long id = collections.create(kind, year, Dates.typical(kind, year), Actor.system("test")).orElseThrow();
        return collections.find(id).orElseThrow();
    }

    /** A headteacher account of the school, to receive its notices; returns the address. */
    private String headOf(long schoolId) {
        String email = "head-" + schoolId + "-" + System.nanoTime() + "@example.org";
        jdbc.sql("""
                insert into app_user (email, display_name, password_hash, role, school_id)
                values (:e, 'Test Head', 'not-a-hash', 'HEADTEACHER', :s)""").param("e", email).param("s", schoolId)
                .update();
        return email;
    }

    private List<String> mailTo(String address) {
        return jdbc.sql("select subject || '\n' || body from outbox_mail where to_address = :a order by id")
                .param("a", address).query(String.class).list();
    }

    private int requestCount(long collection) {
        return jdbc.sql("select count(*) from file_request where collection_id = :c").param("c", collection)
                .query(Integer.class).single();
    }

    @Test
    void issuingSendsOneRequestPerSchoolInScopeOnceWithOwnDeadlinesWinning() throws Exception {
        AssessmentCollection c = collection(Collection.KS2_TA);
        long a = fixtures.primary("Issue Primary A");
        long b = fixtures.primary("Issue Primary B");
        long own = fixtures.primary("Issue Primary Own Deadline");
        collections.setScope(c.id(), Set.of(a, b, own), Actor.system("test"));
        collections.setDeadlineOverride(c.id(), own, c.laDeadline().plusDays(7), Actor.system("test"));
        String headOfOwn = headOf(own);

        mvc.perform(as("officer", get("/la/collections/" + c.id() + "/issue")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + c.title() + "\"")))
                .andExpect(content().string(containsString("each of the 3 schools")))
                .andExpect(content().string(containsString("value=\"" + c.laDeadline().getYear() + "\"")));

        LocalDate deadline = LocalDate.now(clock).plusDays(20);
        MvcResult issuing = mvc.perform(as("officer", post("/la/collections/" + c.id() + "/issue"))
                        .param("title", "KS2 TA please")
                        .param("description", "Send your CTF")
                        .param("deadline-day", Integer.toString(deadline.getDayOfMonth()))
                        .param("deadline-month", Integer.toString(deadline.getMonthValue()))
                        .param("deadline-year", Integer.toString(deadline.getYear())))
                .andExpect(redirectedUrl("/la/collections/" + c.id() + "/issued"))
                .andExpect(flash().attribute("issued", 3)).andReturn();
        assertThat(requestCount(c.id())).isEqualTo(3);
        assertThat(jdbc.sql("select deadline from file_request where collection_id = :c and school_id = :s")
                .param("c", c.id()).param("s", own).query(LocalDate.class).single())
                .isEqualTo(c.laDeadline().plusDays(7));
        assertThat(jdbc.sql("select deadline from file_request where collection_id = :c and school_id = :s")
                .param("c", c.id()).param("s", a).query(LocalDate.class).single()).isEqualTo(deadline);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'REQUEST_ISSUED' and school_id = :s")
                .param("s", b).query(Integer.class).single()).isEqualTo(1);
        long ownRequest = jdbc.sql("select id from file_request where collection_id = :c and school_id = :s")
                .param("c", c.id()).param("s", own).query(Long.class).single();
        assertThat(mailTo(headOfOwn)).as("the school is told of its request, its own deadline and where to upload")
                .singleElement().asString().startsWith("File request: KS2 TA please")
                .contains(c.laDeadline().plusDays(7).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)))
                .contains("/requests/" + ownRequest);

        jakarta.servlet.http.Cookie session = issuing.getResponse().getCookie("SESSION");
        mvc.perform(as("officer", get("/la/collections/" + c.id() + "/issued")).cookie(session))
                .andExpect(content().string(containsString("govuk-panel--confirmation")))
                .andExpect(content().string(containsString("3 file requests issued")));
        mvc.perform(as("officer", get("/la/collections/" + c.id() + "/issued")).cookie(session))
                .andExpect(redirectedUrl("/la/collections/" + c.id()));

        assertThat(requests.issueAll(c.id(), "Again", null, deadline, Actor.system("test")))
                .as("issuing again reaches nobody new").isZero();
        long late = fixtures.primary("Issue Primary Late Addition");
        collections.setScope(c.id(), Set.of(a, b, own, late), Actor.system("test"));
        assertThat(requests.issueAll(c.id(), "Again", null, deadline, Actor.system("test"))).isEqualTo(1);
        assertThat(requestCount(c.id())).isEqualTo(4);
        mvc.perform(as("officer", get("/la/collections/" + c.id() + "/issue")))
                .andExpect(content().string(containsString("Every school in scope already has a file request")));
    }

    @Test
    void anIssueFormWithMistakesIssuesNothing() throws Exception {
        AssessmentCollection c = collection(Collection.MTC);
        collections.setScope(c.id(), Set.of(fixtures.primary("Issue Error Primary")), Actor.system("test"));
        LocalDate past = LocalDate.now(clock).minusDays(1);
        mvc.perform(as("officer", post("/la/collections/" + c.id() + "/issue")).param("title", " ")
                        .param("deadline-day", Integer.toString(past.getDayOfMonth()))
                        .param("deadline-month", Integer.toString(past.getMonthValue()))
                        .param("deadline-year", Integer.toString(past.getYear())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("Enter a title for the file request")))
                .andExpect(content().string(containsString("The deadline must be today or in the future")));
        mvc.perform(as("officer", post("/la/collections/" + c.id() + "/issue")).param("title", "MTC"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the deadline")));
        assertThat(requestCount(c.id())).isZero();
        mvc.perform(as("moderator", post("/la/collections/" + c.id() + "/issue")).param("title", "MTC"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theRequestPageShowsVersionsAndFindingsAndAuditsTheView() throws Exception {
        AssessmentCollection c = collection(Collection.KS2_TA);
        long school = fixtures.primary("Detail Primary");
        long request = fixtures.request(c.id(), school, RequestStatus.QUERIES_TO_EXPLAIN, c.laDeadline());
        long v1 = fixtures.submission(request, 1, "FAILED_CHECKS", 1, 0, Instant.now().minusSeconds(7200));
        fixtures.finding(v1, "error", "OLD01", "A123456789012", "An old error that was fixed");
        long v2 = fixtures.submission(request, 2, "QUERIES_TO_EXPLAIN", 0, 1, Instant.now());
        fixtures.finding(v2, "query", "KS2Q07", "B987654321098", "Reading TA is EXS but the pupil is working below");
        jdbc.sql("""
                insert into pupil_result (submission_id, upn, surname, forename, dob, sex, nc_year, results)
                values (:s, 'B987654321098', 'Okafor', 'Chidi', date '2014-10-02', 'M', '6',
                        '{"KS2.WRIT": "EXS", "KS2.SCI": "HNM"}'::jsonb)""").param("s", v2).update();

        mvc.perform(as("officer", get("/la/requests/" + request)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chidi Okafor")))
                .andExpect(content().string(containsString("KS2.SCI: HNM, KS2.WRIT: EXS")))
                .andExpect(content().string(containsString("2 Oct 2014")))
                .andExpect(content().string(containsString("1 query")))
                .andExpect(content().string(containsString("Detail Primary")))
                .andExpect(content().string(containsString("B987654321098")))
                .andExpect(content().string(containsString("KS2Q07")))
                .andExpect(content().string(not(containsString("OLD01"))))
                .andExpect(content().string(containsString("Queries to explain")))
                .andExpect(content().string(containsString("explain or correct every query")))
                .andExpect(content().string(containsString("Return to the school")));
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'VIEW_PUPIL_DATA' and school_id = :s
                  and target = :t and actor = 'officer@demo.openreturns.org'""")
                .param("s", school).param("t", "file_request:" + request).query(Integer.class).single()).isEqualTo(1);

        mvc.perform(as("moderator", get("/la/requests/" + request)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Return to the school"))));
        mvc.perform(as("head1", get("/la/requests/" + request))).andExpect(status().isNotFound());
        mvc.perform(as("staff2", get("/la/requests/" + request))).andExpect(status().isNotFound());
        mvc.perform(as("officer", get("/la/requests/999999999"))).andExpect(status().isNotFound());
    }

    @Test
    void onlyACheckedRequestCanBeAccepted() throws Exception {
        AssessmentCollection c = collection(Collection.EYFSP);
        long checked = fixtures.request(c.id(), fixtures.primary("Accept Primary Checked"), RequestStatus.CHECKED,
                c.laDeadline());
        fixtures.submission(checked, 1, "CHECKED", 0, 0, Instant.now());
        long failed = fixtures.request(c.id(), fixtures.primary("Accept Primary Failed"),
                RequestStatus.FAILED_CHECKS, c.laDeadline());
        fixtures.submission(failed, 1, "FAILED_CHECKS", 2, 0, Instant.now());

        mvc.perform(as("officer", get("/la/requests/" + failed)))
                .andExpect(content().string(containsString("You cannot accept this request yet")))
                .andExpect(content().string(containsString("failed its checks")))
                .andExpect(content().string(not(containsString("/accept\""))));
        mvc.perform(as("officer", post("/la/requests/" + failed + "/accept")))
                .andExpect(redirectedUrl("/la/requests/" + failed))
                .andExpect(flash().attribute("problem", containsString("could not be accepted")));
        assertThat(fixtures.status(failed)).isEqualTo(RequestStatus.FAILED_CHECKS);

        mvc.perform(as("moderator", post("/la/requests/" + checked + "/accept"))).andExpect(status().isForbidden());
        mvc.perform(as("head1", post("/la/requests/" + checked + "/accept"))).andExpect(status().isNotFound());
        assertThat(fixtures.status(checked)).isEqualTo(RequestStatus.CHECKED);

        mvc.perform(as("officer", post("/la/requests/" + checked + "/accept")))
                .andExpect(redirectedUrl("/la/requests/" + checked))
                .andExpect(flash().attribute("success", "Accepted."));
        assertThat(fixtures.status(checked)).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(requests.find(checked).orElseThrow().acceptedAt()).isNotNull();
        assertThat(requests.find(checked).orElseThrow().acceptedBy()).isEqualTo("Olu Officer");
        assertThat(fixtures.audits("REQUEST_ACCEPTED", "file_request:" + checked)).isEqualTo(1);
        mvc.perform(as("officer", get("/la/requests/" + checked)))
                .andExpect(content().string(containsString("Accepted by the LA")))
                .andExpect(content().string(containsString("by Olu Officer")));
    }

    @Test
    void returningNeedsAMessageAndSomethingToReturn() throws Exception {
        AssessmentCollection c = collection(Collection.KS1);
        long checkedSchool = fixtures.primary("Return Primary Checked");
        long checked = fixtures.request(c.id(), checkedSchool, RequestStatus.CHECKED, c.laDeadline());
        String head = headOf(checkedSchool);
        fixtures.submission(checked, 1, "CHECKED", 0, 0, Instant.now());
        long notStarted = fixtures.request(c.id(), fixtures.primary("Return Primary Nothing"),
                RequestStatus.NOT_STARTED, c.laDeadline());

        mvc.perform(as("officer", post("/la/requests/" + checked + "/return")).param("message", "   "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("Enter a message telling the school what to change")))
                .andExpect(content().string(containsString("govuk-textarea--error")));
        assertThat(fixtures.status(checked)).isEqualTo(RequestStatus.CHECKED);

        mvc.perform(as("officer", post("/la/requests/" + checked + "/return"))
                        .param("message", "Pupil B987 should be in Year 2: please correct and resend."))
                .andExpect(redirectedUrl("/la/requests/" + checked));
        FileRequests.Request returned = requests.find(checked).orElseThrow();
        assertThat(returned.status()).isEqualTo(RequestStatus.RETURNED);
        assertThat(returned.laMessage()).isEqualTo("Pupil B987 should be in Year 2: please correct and resend.");
        assertThat(returned.returnedAt()).isNotNull();
        assertThat(fixtures.audits("REQUEST_RETURNED", "file_request:" + checked)).isEqualTo(1);
        assertThat(mailTo(head)).as("the school is told why, and where to send the file again").singleElement()
                .asString().startsWith("Returned to you: ")
                .contains("Pupil B987 should be in Year 2: please correct and resend.")
                .contains("/requests/" + checked);
        mvc.perform(as("officer", get("/la/requests/" + checked)))
                .andExpect(content().string(containsString("Pupil B987 should be in Year 2")))
                .andExpect(content().string(containsString("returned to the school")));

        mvc.perform(as("officer", post("/la/requests/" + notStarted + "/return")).param("message", "Send it"))
                .andExpect(flash().attribute("problem", containsString("could not be returned")));
        assertThat(fixtures.status(notStarted)).isEqualTo(RequestStatus.NOT_STARTED);
        mvc.perform(as("moderator", post("/la/requests/" + notStarted + "/return")).param("message", "Send it"))
                .andExpect(status().isForbidden());
    }
}
