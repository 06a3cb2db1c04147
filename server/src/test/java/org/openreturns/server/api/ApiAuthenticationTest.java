package org.openreturns.server.api;

import org.openreturns.server.identity.ApiClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openreturns.server.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The API answers only to a live token, and never with the sign-in page. */
@PortalTest
class ApiAuthenticationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Test
    void withoutATokenTheApiAnswers401WithAProblemDocument() throws Exception {
        mvc.perform(get("/api/v1/school"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("API token")));
    }

    @Test
    void anUnknownTokenIs401() throws Exception {
        mvc.perform(get("/api/v1/school").header("Authorization", "Bearer demo-token-9999"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void demoSchoolsHaveWellKnownTokensAndARevokedTokenStopsWorking() {
        ApiClient first = tokens.authenticate("demo-token-1").orElseThrow();
        ApiClient second = tokens.authenticate("demo-token-2").orElseThrow();
        assertThat(first.schoolId()).isNotEqualTo(second.schoolId());

        String token = tokens.issue(first.schoolId(), "Test script", null);
        ApiClient fresh = tokens.authenticate(token).orElseThrow();
        assertThat(fresh.schoolId()).isEqualTo(first.schoolId());
        assertThat(tokens.revoke(second.schoolId(), fresh.tokenId())).as("another school cannot revoke it").isFalse();
        assertThat(tokens.revoke(first.schoolId(), fresh.tokenId())).isTrue();
        assertThat(tokens.authenticate(token)).isEmpty();
    }
}
