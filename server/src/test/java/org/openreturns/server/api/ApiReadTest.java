package org.openreturns.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openreturns.server.PortalTest;
import org.openreturns.server.testing.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The read API answers for the token's own school only, and its OpenAPI description is public. */
@PortalTest
class ApiReadTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Fixtures fixtures;

    @Test
    void theSchoolIsTheTokensOwn() throws Exception {
        Map<String, Object> first = schoolOf("demo-token-1");
        Map<String, Object> second = schoolOf("demo-token-2");
        mvc.perform(get("/api/v1/school").header("Authorization", "Bearer demo-token-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.la").value("330"))
                .andExpect(jsonPath("$.estab").value(first.get("estab")))
                .andExpect(jsonPath("$.urn").value(first.get("urn")))
                .andExpect(jsonPath("$.name").value(first.get("name")));
        mvc.perform(get("/api/v1/school").header("Authorization", "Bearer demo-token-2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(second.get("name")));
        assertThat(first.get("name")).isNotEqualTo(second.get("name"));
    }

    @Test
    void withoutALiveTokenBothReadsAre401() throws Exception {
        mvc.perform(get("/api/v1/file-requests")).andExpect(status().isUnauthorized());
        long school = tokens.authenticate("demo-token-3").orElseThrow().schoolId();
        String token = tokens.issue(school, "Soon revoked", null);
        mvc.perform(get("/api/v1/school").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        tokens.revoke(school, tokens.authenticate(token).orElseThrow().tokenId());
        mvc.perform(get("/api/v1/school").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/file-requests").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void fileRequestsAreOnlyTheTokensSchoolsWithOverdueDerived() throws Exception {
        long school5 = tokens.authenticate("demo-token-5").orElseThrow().schoolId();
        long school6 = tokens.authenticate("demo-token-6").orElseThrow().schoolId();
        int year = fixtures.freshYear();
        long collection = jdbc.sql("insert into collection (kind, summer_year) values ('KS1', :y) "
                + "on conflict (kind, summer_year) do update set kind = excluded.kind returning id")
                .param("y", year).query(Long.class).single();
        LocalDate past = LocalDate.now().minusDays(3);
        LocalDate future = LocalDate.now().plusDays(30);
        long overdue = request(collection, school5, "KS1 for five", past, "NOT_STARTED");
        long other = request(collection, school6, "KS1 for six", future, "RECEIVED");
        long phonics = jdbc.sql("insert into collection (kind, summer_year) values ('PHONICS', :y) "
                + "on conflict (kind, summer_year) do update set kind = excluded.kind returning id")
                .param("y", year).query(Long.class).single();
        long acceptedLate = request(phonics, school5, "Phonics for five", past, "ACCEPTED");

        mvc.perform(get("/api/v1/file-requests").header("Authorization", "Bearer demo-token-5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) overdue)))
                .andExpect(jsonPath("$[*].id", hasItem((int) acceptedLate)))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) other))))
                .andExpect(jsonPath("$[?(@.id == " + overdue + ")].collection").value("KS1"))
                .andExpect(jsonPath("$[?(@.id == " + overdue + ")].year").value(year))
                .andExpect(jsonPath("$[?(@.id == " + overdue + ")].title").value("KS1 for five"))
                .andExpect(jsonPath("$[?(@.id == " + overdue + ")].deadline").value(past.toString()))
                .andExpect(jsonPath("$[?(@.id == " + overdue + ")].status").value("NOT_STARTED"))
                .andExpect(jsonPath("$[?(@.id == " + overdue + ")].overdue").value(true))
                .andExpect(jsonPath("$[?(@.id == " + acceptedLate + ")].overdue").value(false));
        mvc.perform(get("/api/v1/file-requests").header("Authorization", "Bearer demo-token-6"))
                .andExpect(jsonPath("$[*].id", hasItem((int) other)))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) overdue))))
                .andExpect(jsonPath("$[?(@.id == " + other + ")].overdue").value(false));
        MvcResult none = mvc.perform(get("/api/v1/file-requests").header("Authorization", "Bearer demo-token-7"))
                .andExpect(status().isOk()).andReturn();
        assertThat(none.getResponse().getContentAsString()).doesNotContain("KS1 for five", "KS1 for six");
    }

    @Test
    void theOpenApiDescriptionIsPublicAndDescribesEveryEndpointAndBearerTokens() throws Exception {
        mvc.perform(get("/api/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi", containsString("3.")))
                .andExpect(jsonPath("$.components.securitySchemes.bearerToken.scheme").value("bearer"))
                .andExpect(jsonPath("$.security[0].bearerToken").isArray())
                .andExpect(jsonPath("$.paths['/api/v1/school'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/file-requests'].get.responses['401']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/file-requests/{id}/submissions'].post.responses['202']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/submissions/{id}'].get.responses['404']").exists())
                .andExpect(jsonPath("$.components.schemas.FileRequestJson.properties.overdue").exists())
                .andExpect(jsonPath("$.components.schemas.Problem.properties.detail").exists())
                .andExpect(jsonPath("$.paths.*.*.parameters[*].name", everyItem(not("client"))));
        mvc.perform(get("/api/docs")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theDocsPageIsServedWithoutAToken() throws Exception {
        String location = mvc.perform(get("/api/docs")).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isNotNull();
        assertThat(location).as("the Swagger UI sits under /api, where no token is needed").startsWith("/api/");
        mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(content().string(containsString("swagger")));
        mvc.perform(get("/api/swagger-ui/swagger-initializer.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/openapi")));
    }

    private Map<String, Object> schoolOf(String token) {
        long id = tokens.authenticate(token).orElseThrow().schoolId();
        return jdbc.sql("select estab, urn, name from school where id = :id").param("id", id).query().singleRow();
    }

    private long request(long collection, long school, String title, LocalDate deadline, String status) {
        return jdbc.sql("""
                insert into file_request (collection_id, school_id, title, deadline, status)
                values (:c, :s, :t, :d, :st) returning id""")
                .param("c", collection).param("s", school).param("t", title).param("d", deadline)
                .param("st", status).query(Long.class).single();
    }
}
