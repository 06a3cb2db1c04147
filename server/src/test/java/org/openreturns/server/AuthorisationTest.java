package org.openreturns.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.server.testing.Eventually.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import java.nio.charset.StandardCharsets;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Role;
import org.openreturns.server.api.ApiTokens;
import org.openreturns.server.submissions.Receipt;
import org.openreturns.server.submissions.SubmissionIntake;
import org.openreturns.server.submissions.UploadedFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.openreturns.server.accounts.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the service, called by every kind of caller: nobody, each LA role, the headteacher and staff of
 * school A (which owns the data in the paths), the same of school B, and each school's API token. A caller that
 * may not reach an endpoint gets the sign-in page or 401 (nobody), 403 (wrong role) or 404 (another school's data,
 * so that its existence is not revealed either); one that may gets anything else but a server error. A new endpoint
 * that is not in the table fails the test, so nothing is added without deciding who may call it.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationTest {

    /** Who may call an endpoint; every other caller must be turned away. */
    enum Access {
        PUBLIC, SIGNED_IN, LA_ADMIN, LA_MANAGE, LA_VIEW, SCHOOL_A_OR_LA_VIEW, SCHOOL_A, HEAD_A, ANY_HEAD, TOKEN_A,
        ANY_TOKEN
    }

    /** The callers, each checked against every endpoint. */
    enum Caller {
        NOBODY, ADMIN, OFFICER, MODERATOR, HEAD_A, STAFF_A, HEAD_B, STAFF_B, TOKEN_A, TOKEN_B;

        boolean allowed(Access access) {
            return switch (access) {
                case PUBLIC -> true;
                case SIGNED_IN -> this != NOBODY && this != TOKEN_A && this != TOKEN_B;
                case LA_ADMIN -> this == ADMIN;
                case LA_MANAGE -> this == ADMIN || this == OFFICER;
                case LA_VIEW -> this == ADMIN || this == OFFICER || this == MODERATOR;
                case SCHOOL_A_OR_LA_VIEW -> this == ADMIN || this == OFFICER || this == MODERATOR || this == HEAD_A
                        || this == STAFF_A;
                case SCHOOL_A -> this == HEAD_A || this == STAFF_A;
                case HEAD_A -> this == HEAD_A;
                case ANY_HEAD -> this == HEAD_A || this == HEAD_B;
                case TOKEN_A -> this == TOKEN_A;
                case ANY_TOKEN -> this == TOKEN_A || this == TOKEN_B;
            };
        }

        boolean isToken() {
            return this == TOKEN_A || this == TOKEN_B;
        }
    }

    /** What the paths point at: school A's things, and things of the LA that school users must not reach. */
    record Fixture(long schoolA, long collection, long requestA, long submissionA, long fileA, long findingA,
            long staffA, long tokenA, long mail) {
    }

    record Endpoint(HttpMethod method, String pattern, Function<Fixture, String> path, Access access) {
    }

    static Endpoint e(String method, String pattern, Function<Fixture, String> path, Access access) {
        return new Endpoint(HttpMethod.valueOf(method), pattern, path, access);
    }

    static Endpoint e(String method, String pattern, Access access) {
        return e(method, pattern, f -> pattern, access);
    }

    /**
     * Every mapped endpoint and who may call it. POSTs are sent without a form, so an allowed caller meets the
     * form's own validation and changes nothing; a caller turned away must be turned away before that.
     */
    static final List<Endpoint> ENDPOINTS = List.of(
            e("GET", "/", Access.SIGNED_IN),
            e("GET", "/sign-in", Access.PUBLIC),
            e("GET", "/password-reset", Access.PUBLIC),
            e("POST", "/password-reset", Access.PUBLIC),
            e("GET", "/password-reset/sent", Access.PUBLIC),
            e("GET", "/password-reset/done", Access.PUBLIC),
            e("GET", "/password-reset/{token}", f -> "/password-reset/not-a-real-token", Access.PUBLIC),
            e("POST", "/password-reset/{token}", f -> "/password-reset/not-a-real-token", Access.PUBLIC),
            // The school's own pages: each school user sees their own school's, LA staff are sent to theirs.
            e("GET", "/requests", Access.SIGNED_IN),
            e("GET", "/requests/{id}", f -> "/requests/" + f.requestA(), Access.SCHOOL_A_OR_LA_VIEW),
            e("POST", "/requests/{id}/submissions", f -> "/requests/" + f.requestA() + "/submissions", Access.SCHOOL_A),
            e("GET", "/submissions/{id}", f -> "/submissions/" + f.submissionA(), Access.SCHOOL_A_OR_LA_VIEW),
            e("GET", "/submissions/{submissionId}/files/{fileId}",
                    f -> "/submissions/" + f.submissionA() + "/files/" + f.fileA(), Access.SCHOOL_A_OR_LA_VIEW),
            e("POST", "/submissions/{submissionId}/findings/{findingId}/explanation",
                    f -> "/submissions/" + f.submissionA() + "/findings/" + f.findingA() + "/explanation",
                    Access.SCHOOL_A),
            e("GET", "/requests/{id}/report", f -> "/requests/" + f.requestA() + "/report",
                    Access.SCHOOL_A_OR_LA_VIEW),
            e("GET", "/requests/{id}/report.csv", f -> "/requests/" + f.requestA() + "/report.csv",
                    Access.SCHOOL_A_OR_LA_VIEW),
            e("GET", "/requests/{id}/report.xlsx", f -> "/requests/" + f.requestA() + "/report.xlsx",
                    Access.SCHOOL_A_OR_LA_VIEW),
            e("GET", "/requests/{id}/report/pupils.csv", f -> "/requests/" + f.requestA() + "/report/pupils.csv",
                    Access.SCHOOL_A_OR_LA_VIEW),
            e("GET", "/requests/{id}/report/pupils.xlsx", f -> "/requests/" + f.requestA() + "/report/pupils.xlsx",
                    Access.SCHOOL_A_OR_LA_VIEW),
            e("GET", "/requests/{id}/report/groups.csv", f -> "/requests/" + f.requestA() + "/report/groups.csv",
                    Access.SCHOOL_A_OR_LA_VIEW),
            e("GET", "/requests/{id}/report/groups.xlsx", f -> "/requests/" + f.requestA() + "/report/groups.xlsx",
                    Access.SCHOOL_A_OR_LA_VIEW),
            e("GET", "/requests/{id}/report.pdf", f -> "/requests/" + f.requestA() + "/report.pdf",
                    Access.SCHOOL_A_OR_LA_VIEW),
            e("GET", "/requests/{id}/parents-report", f -> "/requests/" + f.requestA() + "/parents-report",
                    Access.SCHOOL_A_OR_LA_VIEW),
            e("GET", "/requests/{id}/parents-report.pdf", f -> "/requests/" + f.requestA() + "/parents-report.pdf",
                    Access.SCHOOL_A_OR_LA_VIEW),
            e("GET", "/school/staff", Access.ANY_HEAD),
            e("GET", "/school/staff/new", Access.ANY_HEAD),
            e("POST", "/school/staff", Access.ANY_HEAD),
            e("POST", "/school/staff/{id}/disable", f -> "/school/staff/" + f.staffA() + "/disable", Access.HEAD_A),
            e("POST", "/school/staff/{id}/enable", f -> "/school/staff/" + f.staffA() + "/enable", Access.HEAD_A),
            e("GET", "/school/tokens", Access.ANY_HEAD),
            e("GET", "/school/tokens/new", Access.ANY_HEAD),
            e("POST", "/school/tokens", Access.ANY_HEAD),
            e("GET", "/school/tokens/created", Access.ANY_HEAD),
            e("GET", "/school/tokens/{id}/revoke", f -> "/school/tokens/" + f.tokenA() + "/revoke", Access.HEAD_A),
            e("POST", "/school/tokens/{id}/revoke", f -> "/school/tokens/" + f.tokenA() + "/revoke", Access.HEAD_A),
            // The LA's pages: moderators may look at the collections and schools' returns, not change them.
            e("GET", "/la/collections", Access.LA_VIEW),
            e("POST", "/la/collections", Access.LA_MANAGE),
            e("GET", "/la/collections/new", Access.LA_MANAGE),
            e("POST", "/la/collections/copy", Access.LA_MANAGE),
            e("GET", "/la/collections/{id}", f -> "/la/collections/" + f.collection(), Access.LA_VIEW),
            e("GET", "/la/collections/{id}/schools.csv", f -> "/la/collections/" + f.collection() + "/schools.csv",
                    Access.LA_VIEW),
            e("GET", "/la/collections/{id}/dates", f -> "/la/collections/" + f.collection() + "/dates",
                    Access.LA_MANAGE),
            e("POST", "/la/collections/{id}/dates", f -> "/la/collections/" + f.collection() + "/dates",
                    Access.LA_MANAGE),
            e("GET", "/la/collections/{id}/issue", f -> "/la/collections/" + f.collection() + "/issue",
                    Access.LA_MANAGE),
            e("POST", "/la/collections/{id}/issue", f -> "/la/collections/" + f.collection() + "/issue",
                    Access.LA_MANAGE),
            e("GET", "/la/collections/{id}/issued", f -> "/la/collections/" + f.collection() + "/issued",
                    Access.LA_MANAGE),
            e("GET", "/la/collections/{id}/scope", f -> "/la/collections/" + f.collection() + "/scope",
                    Access.LA_MANAGE),
            e("POST", "/la/collections/{id}/scope", f -> "/la/collections/" + f.collection() + "/scope",
                    Access.LA_MANAGE),
            e("GET", "/la/collections/{id}/cohort", f -> "/la/collections/" + f.collection() + "/cohort",
                    Access.LA_MANAGE),
            e("POST", "/la/collections/{id}/cohort", f -> "/la/collections/" + f.collection() + "/cohort",
                    Access.LA_MANAGE),
            e("GET", "/la/collections/{id}/threshold", f -> "/la/collections/" + f.collection() + "/threshold",
                    Access.LA_MANAGE),
            e("POST", "/la/collections/{id}/threshold", f -> "/la/collections/" + f.collection() + "/threshold",
                    Access.LA_MANAGE),
            e("GET", "/la/collections/{id}/schools/{schoolId}/deadline",
                    f -> "/la/collections/" + f.collection() + "/schools/" + f.schoolA() + "/deadline",
                    Access.LA_MANAGE),
            e("POST", "/la/collections/{id}/schools/{schoolId}/deadline",
                    f -> "/la/collections/" + f.collection() + "/schools/" + f.schoolA() + "/deadline",
                    Access.LA_MANAGE),
            e("GET", "/la/collections/{id}/report", f -> "/la/collections/" + f.collection() + "/report",
                    Access.LA_VIEW),
            e("GET", "/la/collections/{id}/report.csv", f -> "/la/collections/" + f.collection() + "/report.csv",
                    Access.LA_VIEW),
            e("GET", "/la/collections/{id}/report.xlsx", f -> "/la/collections/" + f.collection() + "/report.xlsx",
                    Access.LA_VIEW),
            e("GET", "/la/collections/{id}/report/years",
                    f -> "/la/collections/" + f.collection() + "/report/years", Access.LA_VIEW),
            e("GET", "/la/collections/{id}/report/years.pdf",
                    f -> "/la/collections/" + f.collection() + "/report/years.pdf", Access.LA_VIEW),
            e("GET", "/la/collections/{id}/report/years.csv",
                    f -> "/la/collections/" + f.collection() + "/report/years.csv", Access.LA_VIEW),
            e("GET", "/la/collections/{id}/report/years.xlsx",
                    f -> "/la/collections/" + f.collection() + "/report/years.xlsx", Access.LA_VIEW),
            e("GET", "/la/collections/{id}/report/groups.pdf",
                    f -> "/la/collections/" + f.collection() + "/report/groups.pdf", Access.LA_VIEW),
            e("GET", "/la/collections/{id}/report/groups", f -> "/la/collections/" + f.collection()
                    + "/report/groups", Access.LA_VIEW),
            e("GET", "/la/collections/{id}/report/groups.csv", f -> "/la/collections/" + f.collection()
                    + "/report/groups.csv", Access.LA_VIEW),
            e("GET", "/la/collections/{id}/report/groups.xlsx", f -> "/la/collections/" + f.collection()
                    + "/report/groups.xlsx", Access.LA_VIEW),
            e("GET", "/la/collections/{id}/report.pdf", f -> "/la/collections/" + f.collection() + "/report.pdf",
                    Access.LA_VIEW),
            e("GET", "/la/collections/{id}/school-reports.zip",
                    f -> "/la/collections/" + f.collection() + "/school-reports.zip", Access.LA_VIEW),
            e("POST", "/la/collections/{id}/report/publication",
                    f -> "/la/collections/" + f.collection() + "/report/publication", Access.LA_MANAGE),
            e("POST", "/la/collections/{id}/report/reopen",
                    f -> "/la/collections/" + f.collection() + "/report/reopen", Access.LA_MANAGE),
            e("GET", "/la/collections/{id}/suppression",
                    f -> "/la/collections/" + f.collection() + "/suppression", Access.LA_MANAGE),
            e("POST", "/la/collections/{id}/suppression",
                    f -> "/la/collections/" + f.collection() + "/suppression", Access.LA_MANAGE),
            e("GET", "/la/collections/{id}/national", f -> "/la/collections/" + f.collection() + "/national",
                    Access.LA_MANAGE),
            e("POST", "/la/collections/{id}/national", f -> "/la/collections/" + f.collection() + "/national",
                    Access.LA_MANAGE),
            // Pupils in two schools' returns: the LA decides which keeps each; the UPN is made up, so a caller let
            // through meets "not found" rather than a decision.
            e("GET", "/la/collections/{id}/movers", f -> "/la/collections/" + f.collection() + "/movers",
                    Access.LA_MANAGE),
            e("GET", "/la/collections/{id}/movers/{upn}",
                    f -> "/la/collections/" + f.collection() + "/movers/A999999999999", Access.LA_MANAGE),
            e("POST", "/la/collections/{id}/movers/{upn}",
                    f -> "/la/collections/" + f.collection() + "/movers/A999999999999", Access.LA_MANAGE),
            e("GET", "/la/requests/{id}", f -> "/la/requests/" + f.requestA(), Access.LA_VIEW),
            e("POST", "/la/requests/{id}/accept", f -> "/la/requests/" + f.requestA() + "/accept", Access.LA_MANAGE),
            e("POST", "/la/requests/{id}/return", f -> "/la/requests/" + f.requestA() + "/return", Access.LA_MANAGE),
            e("POST", "/la/requests/{id}/replacement/accept",
                    f -> "/la/requests/" + f.requestA() + "/replacement/accept", Access.LA_MANAGE),
            e("POST", "/la/requests/{id}/replacement/decline",
                    f -> "/la/requests/" + f.requestA() + "/replacement/decline", Access.LA_MANAGE),
            e("GET", "/la/schools", Access.LA_VIEW),
            e("GET", "/la/schools/import", Access.LA_MANAGE),
            e("POST", "/la/schools/import", Access.LA_MANAGE),
            e("GET", "/la/schools/{id}", f -> "/la/schools/" + f.schoolA(), Access.LA_MANAGE),
            e("POST", "/la/schools/{id}", f -> "/la/schools/" + f.schoolA(), Access.LA_MANAGE),
            // The administrator's pages.
            e("GET", "/admin/audit", Access.LA_ADMIN),
            e("GET", "/admin/outbox", Access.LA_ADMIN),
            e("GET", "/admin/outbox/{id}", f -> "/admin/outbox/" + f.mail(), Access.LA_ADMIN),
            e("POST", "/admin/outbox/{id}/send", f -> "/admin/outbox/" + f.mail() + "/send", Access.LA_ADMIN),
            e("GET", "/admin/users", Access.LA_ADMIN),
            e("GET", "/admin/users/new", Access.LA_ADMIN),
            e("POST", "/admin/users", Access.LA_ADMIN),
            e("GET", "/admin/users/{id}", f -> "/admin/users/" + f.staffA(), Access.LA_ADMIN),
            e("POST", "/admin/users/{id}/{action}", f -> "/admin/users/" + f.staffA() + "/unlock", Access.LA_ADMIN),
            // The API: a token acts for its own school only.
            e("GET", "/api/v1/school", Access.ANY_TOKEN),
            e("GET", "/api/v1/file-requests", Access.ANY_TOKEN),
            e("POST", "/api/v1/file-requests/{id}/submissions",
                    f -> "/api/v1/file-requests/" + f.requestA() + "/submissions", Access.TOKEN_A),
            e("GET", "/api/v1/file-requests/{id}/report", f -> "/api/v1/file-requests/" + f.requestA() + "/report",
                    Access.TOKEN_A),
            e("GET", "/api/v1/file-requests/{id}/report.pdf",
                    f -> "/api/v1/file-requests/" + f.requestA() + "/report.pdf", Access.TOKEN_A),
            e("GET", "/api/v1/submissions/{id}", f -> "/api/v1/submissions/" + f.submissionA(), Access.TOKEN_A));

    /** Framework endpoints that are not the service's own. */
    static final Set<String> NOT_OURS = Set.of("/error");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserRepository users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubmissionIntake intake;

    @Autowired
    ApiTokens tokens;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Fixture fixture;
    Map<Caller, PortalUser> people;

    @BeforeAll
    void makeTheFixture() throws InterruptedException {
        PortalUser headA = person("head1@demo.openreturns.org");
        PortalUser headB = person("head2@demo.openreturns.org");
        people = Map.of(Caller.ADMIN, person("admin@demo.openreturns.org"),
                Caller.OFFICER, person("officer@demo.openreturns.org"),
                Caller.MODERATOR, person("moderator@demo.openreturns.org"),
                Caller.HEAD_A, headA, Caller.STAFF_A, person("staff1@demo.openreturns.org"),
                Caller.HEAD_B, headB, Caller.STAFF_B, person("staff2@demo.openreturns.org"));
        long schoolA = headA.schoolId();
        long collection = jdbc.sql("insert into collection (kind, summer_year) values ('PHONICS', 2074) returning id")
                .query(Long.class).single();
        long requestA = jdbc.sql("""
                insert into file_request (collection_id, school_id, title, deadline)
                values (:c, :s, 'Phonics 2074', date '2074-06-27') returning id""")
                .param("c", collection).param("s", schoolA).query(Long.class).single();
        Receipt receipt = intake.receive(Actor.system("authorisation test"), requestA,
                List.of(new UploadedFile("PHO.xml", "<CTfile/>".getBytes(StandardCharsets.UTF_8))), null);
        awaitChecked(receipt.submissionId());
        long findingA = jdbc.sql("""
                insert into finding (submission_id, severity, code, message)
                values (:s, 'query', 'test.query', 'A query to explain') returning id""")
                .param("s", receipt.submissionId()).query(Long.class).single();
        long staffA = users.create("authorisation-staff@demo.openreturns.org", "Staff For Tests", "{noop}x",
                Role.SCHOOL_STAFF, schoolA);
        long tokenA = tokens.authenticate(tokens.issue(schoolA, "Authorisation test", null)).orElseThrow().tokenId();
        long mail = jdbc.sql("""
                insert into outbox_mail (to_address, subject, body) values ('x@example.org', 'Test', 'Body')
                returning id""").query(Long.class).single();
        fixture = new Fixture(schoolA, collection, requestA, receipt.submissionId(), receipt.files().get(0).id(),
                findingA, staffA, tokenA, mail);
    }

    /** The check rewrites a submission's findings, so the fixture's own finding is added once it has finished. */
    private void awaitChecked(long submissionId) {
        await("the fixture's submission checked").until(() -> jdbc
                .sql("select processed_at is not null from submission where id = :id").param("id", submissionId)
                .query(Boolean.class).single());
    }

    private PortalUser person(String email) {
        return users.findByEmail(email).orElseThrow();
    }

    @Test
    void everyEndpointIsInTheTable() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (NOT_OURS.contains(pattern) || pattern.startsWith("/api/openapi") || pattern.startsWith("/api/docs")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    mapped.add(method + " " + pattern);
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        ENDPOINTS.forEach(endpoint -> listed.add(endpoint.method() + " " + endpoint.pattern()));
        assertThat(listed).as("endpoints in the table").containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void everyCallerGetsExactlyTheAccessTheTableGives() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                MockHttpServletResponse response = call(endpoint, caller);
                String verdict = verdict(endpoint, caller, response);
                if (verdict != null) {
                    wrong.add(endpoint.method() + " " + endpoint.pattern() + " as " + caller + ": " + verdict);
                }
            }
        }
        assertThat(wrong).as("calls that got the wrong access").isEmpty();
    }

    private MockHttpServletResponse call(Endpoint endpoint, Caller caller) throws Exception {
        String path = endpoint.path().apply(fixture);
        // POSTs go as an empty multipart form, which every form and upload endpoint reads.
        AbstractMockHttpServletRequestBuilder<?> request = endpoint.method() == HttpMethod.GET
                ? request(HttpMethod.GET, path)
                : multipart(HttpMethod.POST, path).with(csrf());
        if (caller == Caller.TOKEN_A) {
            request.header("Authorization", "Bearer demo-token-1");
        } else if (caller == Caller.TOKEN_B) {
            request.header("Authorization", "Bearer demo-token-2");
        } else if (caller != Caller.NOBODY) {
            request.with(user(people.get(caller)));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Null when the response is what the caller should get; otherwise what is wrong with it. */
    private static String verdict(Endpoint endpoint, Caller caller, MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        boolean toSignIn = status == 302 && location != null && location.contains("/sign-in");
        boolean api = endpoint.pattern().startsWith("/api/");
        boolean turnedAway = status == 401 || status == 403 || status == 404 || toSignIn;
        if (status >= 500) {
            return "server error " + status;
        }
        if (caller.allowed(endpoint.access())) {
            return turnedAway ? "turned away with " + status + (toSignIn ? " to sign-in" : "") : null;
        }
        if (!turnedAway) {
            return "let in with " + status;
        }
        if (caller.isToken() && !api) {
            return toSignIn ? null : "a token on a page must be sent to sign in, got " + status;
        }
        if (caller == Caller.NOBODY) {
            return api ? (status == 401 ? null : "nobody should get 401, got " + status)
                    : (toSignIn || endpoint.access() == Access.TOKEN_A && status == 401 ? null : "nobody not sent to sign-in");
        }
        // Callers of school B whose role would be let in at their own school: anything but 404 tells them school A's
        // thing exists. A caller with the wrong role anyway may be told 403.
        boolean otherSchool = switch (endpoint.access()) {
            case SCHOOL_A, SCHOOL_A_OR_LA_VIEW -> caller == Caller.HEAD_B || caller == Caller.STAFF_B;
            case HEAD_A -> caller == Caller.HEAD_B;
            case TOKEN_A -> caller == Caller.TOKEN_B;
            default -> caller == Caller.HEAD_B || caller == Caller.STAFF_B;
        };
        boolean schoolData = endpoint.access() == Access.SCHOOL_A || endpoint.access() == Access.SCHOOL_A_OR_LA_VIEW
                || endpoint.access() == Access.HEAD_A || endpoint.access() == Access.TOKEN_A
                || endpoint.pattern().startsWith("/la/");
        if (otherSchool && schoolData && status != 404 && !(api && !caller.isToken())) {
            return "another school's data must be 404, got " + status;
        }
        return null;
    }
}
