package org.openreturns.server.api;

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

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openreturns.server.PortalTest;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.accounts.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A headteacher makes and revokes their school's API tokens; nobody else can, and no other school's. */
@PortalTest
class SchoolTokensPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserRepository users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHeadCreatesATokenSeesItOnceAndItWorksForTheirSchool() throws Exception {
        PortalUser head = demo("head1");
        String label = "MIS " + UUID.randomUUID();
        MvcResult created = mvc.perform(post("/school/tokens").param("label", label).with(csrf()).with(user(head)))
                .andExpect(redirectedUrl("/school/tokens/created"))
                .andExpect(flash().attribute("label", label))
                .andReturn();
        String token = (String) created.getFlashMap().get("token");
        assertThat(token).startsWith("ort_");

        // The token reaches the next page through the session, as in a browser, and only once.
        jakarta.servlet.http.Cookie session = created.getResponse().getCookie("SESSION");
        mvc.perform(get("/school/tokens/created").with(user(head)).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(token)))
                .andExpect(content().string(containsString("Copy the token now")));
        mvc.perform(get("/school/tokens/created").with(user(head)).cookie(session))
                .andExpect(redirectedUrl("/school/tokens"));
        mvc.perform(get("/school/tokens").with(user(head))).andExpect(status().isOk())
                .andExpect(content().string(containsString(label)))
                .andExpect(content().string(not(containsString(token))));

        assertThat(tokens.authenticate(token).orElseThrow().schoolId()).isEqualTo(head.schoolId());
        mvc.perform(get("/api/v1/school").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'API_TOKEN_CREATED' and detail = :l")
                .param("l", label).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTokenNeedsAName() throws Exception {
        mvc.perform(post("/school/tokens").param("label", " ").with(csrf()).with(user(demo("head1"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a name for the token")))
                .andExpect(content().string(containsString("govuk-error-summary")));
        mvc.perform(post("/school/tokens").param("label", "x".repeat(101)).with(csrf()).with(user(demo("head1"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Name must be 100 characters or fewer")));
    }

    @Test
    void revokingAsksFirstThenTheTokenStopsWorking() throws Exception {
        PortalUser head = demo("head1");
        String token = tokens.issue(head.schoolId(), "To revoke", head.id());
        long id = tokens.authenticate(token).orElseThrow().tokenId();

        mvc.perform(get("/school/tokens/" + id + "/revoke").with(user(head))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Are you sure you want to revoke To revoke?")));
        assertThat(tokens.authenticate(token)).as("asking is not revoking").isPresent();
        mvc.perform(post("/school/tokens/" + id + "/revoke").with(csrf()).with(user(head)))
                .andExpect(redirectedUrl("/school/tokens"))
                .andExpect(flash().attribute("revoked", "To revoke"));
        assertThat(tokens.authenticate(token)).isEmpty();
        mvc.perform(get("/api/v1/school").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/school/tokens/" + id + "/revoke").with(csrf()).with(user(head)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anotherSchoolsTokenIsNotFound() throws Exception {
        PortalUser head1 = demo("head1");
        String token = tokens.issue(head1.schoolId(), "School one's " + UUID.randomUUID(), head1.id());
        long id = tokens.authenticate(token).orElseThrow().tokenId();
        PortalUser head2 = demo("head2");
        mvc.perform(get("/school/tokens/" + id + "/revoke").with(user(head2))).andExpect(status().isNotFound());
        mvc.perform(post("/school/tokens/" + id + "/revoke").with(csrf()).with(user(head2)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/school/tokens").with(user(head2)))
                .andExpect(content().string(not(containsString("School one's"))));
        assertThat(tokens.authenticate(token)).isPresent();
    }

    @Test
    void onlyHeadteachersManageTokens() throws Exception {
        for (String who : new String[] {"staff1", "admin", "officer", "moderator"}) {
            mvc.perform(get("/school/tokens").with(user(demo(who)))).andExpect(status().isForbidden());
            mvc.perform(post("/school/tokens").param("label", "Sneaky").with(csrf()).with(user(demo(who))))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/school/tokens")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/sign-in"));
    }

    private PortalUser demo(String name) {
        return users.findByEmail(name + "@demo.openreturns.org").orElseThrow();
    }
}
