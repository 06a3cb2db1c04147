package org.openreturns.server.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.PortalTest;
import org.openreturns.server.accounts.UserRepository;
import org.openreturns.server.api.ApiTokens;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.openreturns.server.testing.Ctf;
import org.openreturns.server.testing.Fixtures;

/** An MIS or script uploads with a school's token, gets the receipt at once (202) and polls for the findings. */
@PortalTest
class SubmissionApiTest {

    @Autowired
    Fixtures f;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ObjectMapper json;

    @Test
    void uploadAnswers202WithTheReceiptAndTheSubmissionThenShowsItsFindings() throws Exception {
        TestSchool school = f.school("Api Primary School");
        String token = tokens.issue(school.id(), "MIS", null);
        long requestId = f.request(school, Collection.KS2_TA, 2026);
        byte[] ctf = Ctf.of(school, Collection.KS2_TA, 2026, 30, Ctf::withError);

        String body = mvc.perform(multipart("/api/v1/file-requests/{id}/submissions", requestId)
                        .file(new MockMultipartFile("file", "ks2.xml", "text/xml", ctf)).param("comment", "From MIS")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.comment").value("From MIS"))
                .andExpect(jsonPath("$.files[0].name").value("ks2.xml"))
                .andExpect(jsonPath("$.files[0].sizeBytes").value(ctf.length))
                .andExpect(jsonPath("$.files[0].sha256").value(SubmissionIntake.sha256(ctf)))
                .andReturn().getResponse().getContentAsString();
        assertThat(jdbc.sql("select body from outbox_mail where to_address = :to and subject like 'Receipt: %'")
                .param("to", school.head().email()).query(String.class).list())
                .as("an API upload's receipt goes to the headteacher").singleElement().asString()
                .contains("through the API").contains(SubmissionIntake.sha256(ctf));
        JsonNode receipt = json.readTree(body);
        long submissionId = receipt.get("submissionId").asLong();
        assertThat(receipt.get("receivedBy").asString()).contains("MIS");
        assertThat(jdbc.sql("select submitted_via from submission where id = :id").param("id", submissionId)
                .query(String.class).single()).isEqualTo("API");

        f.awaitChecked(submissionId);
        mvc.perform(get("/api/v1/submissions/{id}", submissionId).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CHECKED"))
                .andExpect(jsonPath("$.pupils").value(30))
                .andExpect(jsonPath("$.current").value(true))
                .andExpect(jsonPath("$.findings[*].code").value(hasItem("pupil.surnameMissing")))
                .andExpect(jsonPath("$.findings[*].severity").value(hasItem("error")))
                .andExpect(jsonPath("$.findings[0].message").isString());
    }

    @Test
    void anotherSchoolsTokenGets404AndARefusedUploadGetsAProblemWithTheReason() throws Exception {
        TestSchool owner = f.school("Api Owner School");
        TestSchool other = f.school("Api Other School");
        String ownerToken = tokens.issue(owner.id(), "MIS", null);
        String otherToken = tokens.issue(other.id(), "MIS", null);
        long requestId = f.request(owner, Collection.KS2_TA, 2026);
        byte[] ctf = Ctf.of(owner, Collection.KS2_TA, 2026, 5, p -> p);

        mvc.perform(multipart("/api/v1/file-requests/{id}/submissions", requestId)
                        .file(new MockMultipartFile("file", "ks2.xml", "text/xml", ctf))
                        .header("Authorization", "Bearer " + otherToken))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/file-requests/{id}/submissions", requestId)
                        .file(new MockMultipartFile("file", "empty.xml", "text/xml", new byte[0]))
                        .header("Authorization", "Bearer " + ownerToken))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("empty.xml is empty")));
        String body = mvc.perform(multipart("/api/v1/file-requests/{id}/submissions", requestId)
                        .file(new MockMultipartFile("file", "ks2.xml", "text/xml", ctf))
                        .header("Authorization", "Bearer " + ownerToken))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long submissionId = json.readTree(body).get("submissionId").asLong();

        mvc.perform(get("/api/v1/submissions/{id}", submissionId).header("Authorization", "Bearer " + otherToken))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/submissions/{id}", submissionId)).andExpect(status().isUnauthorized());
        mvc.perform(multipart("/api/v1/file-requests/{id}/submissions", 999_999_999L)
                        .file(new MockMultipartFile("file", "ks2.xml", "text/xml", ctf))
                        .header("Authorization", "Bearer " + ownerToken))
                .andExpect(status().isNotFound());
    }
}
