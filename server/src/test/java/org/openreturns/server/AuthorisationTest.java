package org.openreturns.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
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
import org.openreturns.server.accounts.PortalUser;
import org.openreturns.server.accounts.Role;
import org.openreturns.server.accounts.UserRepository;
import org.openreturns.server.api.ApiTokens;
import org.openreturns.server.mail.Mailer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
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
        PUBLIC, SIGNED_IN, LA_ADMIN, LA_MANAGE, LA_VIEW, SCHOOL_A_OR_LA_VIEW, SCHOOL_A, HEAD_A, TOKEN_A,
        /** Any headteacher, for their own school (no school in the path). */
        HEAD,
        /** Any school's token, for its own school. */
        TOKEN
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
                case TOKEN_A -> this == TOKEN_A;
                case HEAD -> this == HEAD_A || this == HEAD_B;
                case TOKEN -> this == TOKEN_A || this == TOKEN_B;
            };
        }

        boolean isToken() {
            return this == TOKEN_A || this == TOKEN_B;
        }
    }

    /** What the paths point at: school A's things. */
    record Fixture(long schoolA, long schoolB, long staffA, long tokenA, long outboxMessage) {
    }

    record Endpoint(HttpMethod method, String pattern, Function<Fixture, String> path, Access access) {
    }

    static Endpoint e(String method, String pattern, Function<Fixture, String> path, Access access) {
        return new Endpoint(HttpMethod.valueOf(method), pattern, path, access);
    }

    static Endpoint e(String method, String pattern, Access access) {
        return e(method, pattern, f -> pattern, access);
    }

    /** Every mapped endpoint and who may call it. */
    static final List<Endpoint> ENDPOINTS = List.of(
            e("GET", "/", Access.SIGNED_IN),
            e("GET", "/sign-in", Access.PUBLIC),
            e("GET", "/password-reset", Access.PUBLIC),
            e("POST", "/password-reset", Access.PUBLIC),
            e("GET", "/password-reset/sent", Access.PUBLIC),
            e("GET", "/password-reset/done", Access.PUBLIC),
            e("GET", "/password-reset/{token}", f -> "/password-reset/not-a-token", Access.PUBLIC),
            e("POST", "/password-reset/{token}", f -> "/password-reset/not-a-token", Access.PUBLIC),
            e("GET", "/school/staff", Access.HEAD),
            e("GET", "/school/staff/new", Access.HEAD),
            e("POST", "/school/staff", Access.HEAD),
            e("POST", "/school/staff/{id}/disable", f -> "/school/staff/" + f.staffA() + "/disable", Access.HEAD_A),
            e("POST", "/school/staff/{id}/enable", f -> "/school/staff/" + f.staffA() + "/enable", Access.HEAD_A),
            e("GET", "/school/tokens", Access.HEAD),
            e("GET", "/school/tokens/new", Access.HEAD),
            e("POST", "/school/tokens", Access.HEAD),
            e("GET", "/school/tokens/created", Access.HEAD),
            e("GET", "/school/tokens/{id}/revoke", f -> "/school/tokens/" + f.tokenA() + "/revoke", Access.HEAD_A),
            e("POST", "/school/tokens/{id}/revoke", f -> "/school/tokens/" + f.tokenA() + "/revoke", Access.HEAD_A),
            e("GET", "/admin/outbox", Access.LA_ADMIN),
            e("GET", "/admin/outbox/{id}", f -> "/admin/outbox/" + f.outboxMessage(), Access.LA_ADMIN),
            e("POST", "/admin/outbox/{id}/send", f -> "/admin/outbox/" + f.outboxMessage() + "/send", Access.LA_ADMIN),
            e("GET", "/admin/audit", Access.LA_ADMIN),
            e("GET", "/admin/users", Access.LA_ADMIN),
            e("GET", "/admin/users/new", Access.LA_ADMIN),
            e("POST", "/admin/users", Access.LA_ADMIN),
            e("GET", "/admin/users/{id}", f -> "/admin/users/" + f.staffA(), Access.LA_ADMIN),
            e("POST", "/admin/users/{id}/{action}", f -> "/admin/users/" + f.staffA() + "/unlock", Access.LA_ADMIN),
            e("GET", "/api/v1/school", Access.TOKEN),
            e("GET", "/api/v1/file-requests", Access.TOKEN));

    /** Framework endpoints that are not the service's own. */
    static final Set<String> NOT_OURS = Set.of("/error");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Mailer mailer;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Fixture fixture;
    Map<Caller, PortalUser> people;

    @BeforeAll
    void makeTheFixture() {
        PortalUser headA = person("head1@demo.openreturns.org");
        PortalUser headB = person("head2@demo.openreturns.org");
        people = Map.of(Caller.ADMIN, person("admin@demo.openreturns.org"),
                Caller.OFFICER, person("officer@demo.openreturns.org"),
                Caller.MODERATOR, person("moderator@demo.openreturns.org"),
                Caller.HEAD_A, headA, Caller.STAFF_A, person("staff1@demo.openreturns.org"),
                Caller.HEAD_B, headB, Caller.STAFF_B, person("staff2@demo.openreturns.org"));
        long staffA = users.create("authorisation-staff@example.org", "Authorisation Staff",
                passwords.encode("not-a-real-password"), Role.SCHOOL_STAFF, headA.schoolId());
        String token = tokens.issue(headA.schoolId(), "Authorisation test", headA.id());
        fixture = new Fixture(headA.schoolId(), headB.schoolId(), staffA,
                tokens.authenticate(token).orElseThrow().tokenId(),
                mailer.send("authorisation@example.org", "Authorisation test", "Body"));
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
        MockHttpServletRequestBuilder request = request(endpoint.method(), endpoint.path().apply(fixture));
        if (endpoint.method() != HttpMethod.GET) {
            request.with(csrf());
        }
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
        if (caller == Caller.NOBODY) {
            return api ? (status == 401 ? null : "nobody should get 401, got " + status)
                    : (toSignIn || endpoint.access() == Access.TOKEN_A && status == 401 ? null : "nobody not sent to sign-in");
        }
        boolean otherSchool = caller == Caller.HEAD_B || caller == Caller.STAFF_B || caller == Caller.TOKEN_B;
        boolean schoolData = endpoint.access() == Access.SCHOOL_A || endpoint.access() == Access.SCHOOL_A_OR_LA_VIEW
                || endpoint.access() == Access.HEAD_A || endpoint.access() == Access.TOKEN_A;
        // A person is nobody to the API, and a token is nobody to the pages: both are turned away before any data.
        if (otherSchool && schoolData && status != 404 && api == caller.isToken()) {
            return "another school's data must be 404, got " + status;
        }
        return null;
    }
}
