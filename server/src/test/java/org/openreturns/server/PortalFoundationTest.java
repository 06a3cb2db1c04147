package org.openreturns.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openreturns.server.accounts.UserRepository;
import org.openreturns.server.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The service starts on its embedded PostgreSQL with demo data, and sign-in works and is throttled. */
@PortalTest
class PortalFoundationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserRepository users;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void healthIsUpOnTheEmbeddedDatabase() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void demoModeSeedsTheLasSchoolsAndAUserForEveryRole() {
        // Other tests add schools of their own, without URNs or in another LA: the demo's came from its GIAS file.
        assertThat(jdbc.sql("select count(*) from school where la_code = '330' and urn is not null")
                .query(Long.class).single()).isEqualTo(41);
        assertThat(users.findByEmail("ADMIN@demo.openreturns.org")).isPresent();
        assertThat(users.findByEmail("head1@demo.openreturns.org").orElseThrow().schoolId()).isNotNull();
    }

    @Test
    void pagesNeedASignedInUser() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/sign-in"));
        mvc.perform(get("/sign-in")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sign in to OpenReturns")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("demonstration data")));
    }

    @Test
    void aDemoUserSignsInAndSeesTheirRole() throws Exception {
        mvc.perform(formLogin("/sign-in").userParameter("email").user("head1@demo.openreturns.org")
                        .password("demo-password"))
                .andExpect(authenticated().withRoles("HEADTEACHER"))
                .andExpect(redirectedUrl("/"));
        assertThat(audit.count("SIGNED_IN")).isPositive();
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
        String email = "staff2@demo.openreturns.org";
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/sign-in").userParameter("email").user(email).password("wrong"))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/sign-in?error"));
        }
        mvc.perform(formLogin("/sign-in").userParameter("email").user(email).password("demo-password"))
                .andExpect(unauthenticated());
        assertThat(users.findByEmail(email).orElseThrow().isAccountNonLocked()).isFalse();
        assertThat(audit.count("SIGN_IN_FAILED")).isGreaterThanOrEqualTo(6);
    }
}
