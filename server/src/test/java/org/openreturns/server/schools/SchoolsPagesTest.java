package org.openreturns.server.schools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import org.openreturns.server.testing.Fixtures;
import org.openreturns.server.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** The LA's school list: search, edit with validation, and GIAS import with clear messages. */
@PortalTest
class SchoolsPagesTest {

    private static final String HEADER = "URN,LA (code),EstablishmentNumber,EstablishmentName,"
            + "EstablishmentStatus (name),PhaseOfEducation (name),StatutoryLowAge,StatutoryHighAge,Postcode,"
            + "HeadTitle (name),HeadFirstName,HeadLastName\r\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SchoolRepository schools;

    private <B extends AbstractMockHttpServletRequestBuilder<B>> B as(String who, B request) {
        return request.with(user(fixtures.user(who))).with(csrf());
    }

    private static MockMultipartFile gias(String csv) {
        return new MockMultipartFile("file", "edubasealldata.csv", "text/csv",
                csv.getBytes(Charset.forName("windows-1252")));
    }

    private static SchoolImport.Outcome outcome(ResultActions result) {
        return (SchoolImport.Outcome) result.andReturn().getFlashMap().get("outcome");
    }

    @Test
    void theListSearchesByNameAndNumber() throws Exception {
        fixtures.school("Searchable Wren Primary", "Primary", 4, 11, "Open");
        mvc.perform(as("officer", get("/la/schools")).param("q", "wren prim"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Searchable Wren Primary")))
                .andExpect(content().string(containsString("1 school<")))
                .andExpect(content().string(not(containsString("Oakfield Primary School"))));
        mvc.perform(as("officer", get("/la/schools")).param("q", "3302001"))
                .andExpect(content().string(containsString("Oakfield Primary School")));
        mvc.perform(as("officer", get("/la/schools")).param("q", "100%_nothing"))
                .andExpect(content().string(containsString("No schools match.")));
        mvc.perform(as("moderator", get("/la/schools")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Import schools from GIAS"))));
        mvc.perform(as("head1", get("/la/schools"))).andExpect(status().isNotFound());
    }

    @Test
    void anOfficerEditsASchoolAndMistakesAreExplained() throws Exception {
        long id = fixtures.school("Edit Me Primary", "Primary", 4, 11, "Open");
        mvc.perform(as("officer", get("/la/schools/" + id)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"Edit Me Primary\"")));

        mvc.perform(as("officer", post("/la/schools/" + id)).param("name", " ").param("phase", "Infant")
                        .param("status", "Open").param("email", "not an email"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("Enter the school&#39;s name")))
                .andExpect(content().string(containsString("Select the school&#39;s phase of education")))
                .andExpect(content().string(containsString("Enter an email address in the correct format")))
                .andExpect(content().string(containsString("value=\"not an email\"")));
        assertThat(schools.find(id).orElseThrow().name()).isEqualTo("Edit Me Primary");

        mvc.perform(as("officer", post("/la/schools/" + id)).param("name", "Edited Primary")
                        .param("phase", "Primary").param("status", "Open, but proposed to close")
                        .param("email", "Office@Edited.sch.uk").param("headName", "Ms Ada Lovelace"))
                .andExpect(redirectedUrl("/la/schools"));
        SchoolRepository.Details edited = schools.find(id).orElseThrow();
        assertThat(edited.name()).isEqualTo("Edited Primary");
        assertThat(edited.status()).isEqualTo("Open, but proposed to close");
        assertThat(edited.email()).isEqualTo("office@edited.sch.uk");
        assertThat(edited.headName()).isEqualTo("Ms Ada Lovelace");
        assertThat(fixtures.audits("SCHOOL_UPDATED", "school:" + id)).isEqualTo(1);

        mvc.perform(as("moderator", get("/la/schools/" + id))).andExpect(status().isForbidden());
        mvc.perform(as("head1", get("/la/schools/" + id))).andExpect(status().isNotFound());
        mvc.perform(as("staff1", post("/la/schools/" + id)).param("name", "Hacked")).andExpect(status().isNotFound());
        mvc.perform(as("officer", get("/la/schools/999999999"))).andExpect(status().isNotFound());
    }

    @Test
    void aGiasFileAddsThenUpdatesSchoolsAndReportsBadRows() throws Exception {
        String csv = HEADER
                + "880001,878,2001,St Ann\u2019s Primary,Open,Primary,4,11,ZZ1 1AA,Ms,Si\u00f4n,Jones\r\n"
                + "880002,878,2002,Wood Infant School,Open,Primary,4,7,ZZ1 1AB,,,\r\n"
                + "880003,878,20X3,Broken Primary,Open,Primary,4,11,ZZ1 1AC,,,\r\n"
                + "880004,879,2004,Other LA Primary,Open,Primary,4,11,ZZ1 1AD,,,\r\n";
        mvc.perform(as("officer", multipart("/la/schools/import").file(gias(csv))).param("laCode", "878"))
                .andExpect(redirectedUrl("/la/schools/import"))
                .andExpect(flash().attribute("outcome", new SchoolImport.Outcome(2, 0, 1,
                        java.util.List.of("Line 4: URN '880003' or establishment number '20X3' is not valid; the "
                                + "school was not imported."))));
        assertThat(schools.search("880001")).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("St Ann\u2019s Primary");
            assertThat(s.headName()).isEqualTo("Ms Si\u00f4n Jones");
            assertThat(s.highAge()).isEqualTo(11);
        });
        assertThat(schools.search("880002")).singleElement().extracting(SchoolRepository.Details::highAge)
                .isEqualTo(7);

        ResultActions secondImport = mvc.perform(as("officer", multipart("/la/schools/import")
                .file(gias(csv.replace("Wood Infant", "Woodland Infant")))).param("laCode", "878"));
        SchoolImport.Outcome again = outcome(secondImport);
        assertThat(again.added()).isZero();
        assertThat(again.updated()).isEqualTo(2);
        assertThat(schools.search("880002")).singleElement().extracting(SchoolRepository.Details::name)
                .isEqualTo("Woodland Infant School");

        // The outcome reaches the page it redirects to through the session, as in a browser.
        mvc.perform(as("officer", get("/la/schools/import"))
                        .cookie(secondImport.andReturn().getResponse().getCookie("SESSION")))
                .andExpect(content().string(containsString("edubasealldata.csv imported: 0 schools added, 2 updated.")))
                .andExpect(content().string(containsString("Line 4: URN &#39;880003&#39; or establishment number")));
    }

    @Test
    void aClashingDfeNumberIsReportedNotImported() throws Exception {
        String first = HEADER + "880011,878,2011,First Holder Primary,Open,Primary,4,11,ZZ2 1AA,,,\r\n";
        mvc.perform(as("officer", multipart("/la/schools/import").file(gias(first))).param("laCode", "878"))
                .andExpect(redirectedUrl("/la/schools/import"));
        String clash = HEADER + "880012,878,2011,New Academy Primary,Open,Primary,4,11,ZZ2 1AA,,,\r\n";
        SchoolImport.Outcome outcome = outcome(mvc.perform(as("officer", multipart("/la/schools/import")
                .file(gias(clash))).param("laCode", "878")));
        assertThat(outcome.problems()).singleElement().asString()
                .contains("DfE number 878/2011 already belongs to the school with URN 880011");
        assertThat(schools.search("880012")).isEmpty();
    }

    @Test
    void badFilesAndCodesGetPlainMessages() throws Exception {
        mvc.perform(as("officer", multipart("/la/schools/import")).param("laCode", "878"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Select the GIAS CSV file to import")));
        mvc.perform(as("officer", multipart("/la/schools/import").file(gias(HEADER))).param("laCode", "78"))
                .andExpect(content().string(containsString("Enter your LA&#39;s 3-digit code, like 330")));
        mvc.perform(as("officer", multipart("/la/schools/import").file(gias("Name,Address\r\nA,B\r\n")))
                        .param("laCode", "878"))
                .andExpect(status().isOk())
                .andExpect(content().string(
                        containsString("edubasealldata.csv: The file has no &#39;URN&#39; column")));
        mvc.perform(as("officer", multipart("/la/schools/import").file(gias(HEADER
                        + "880021,878,2021,A Secondary,Open,Secondary,11,18,,,,\r\n"))).param("laCode", "878"))
                .andExpect(content().string(containsString("has no open schools with LA code 878")));
        mvc.perform(as("officer", multipart("/la/schools/import").file(gias("URN,\"LA (code),x\r\n1,\"2")))
                        .param("laCode", "878"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")));
        mvc.perform(as("moderator", multipart("/la/schools/import").file(gias(HEADER))).param("laCode", "878"))
                .andExpect(status().isForbidden());
    }
}
