package org.openreturns.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.server.testing.Eventually.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.accounts.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo a new user starts: two years of collections, last year complete, this year with schools in every status
 * from real uploads checked in the background, and demo schools 1 and 2 open for every collection.
 */
@SpringBootTest(properties = "openreturns.demo-uploads=true")
@AutoConfigureMockMvc
class DemoDataTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("openreturns.data-dir", dataDir::toString);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserRepository users;

    @Test
    void everyStatusIsOnShowAndLastYearIsComplete() throws Exception {
        int thisYear = AcademicYear.containing(LocalDate.now()).summerYear();
        awaitDemoUploads(thisYear);

        List<String> lastYear = statusesOf(thisYear - 1);
        assertThat(lastYear).isNotEmpty().containsOnly("ACCEPTED");

        List<String> now = statusesOf(thisYear);
        assertThat(now).contains("NOT_STARTED", "CHECKED", "FAILED_CHECKS", "ACCEPTED", "RETURNED");
        long overdue = jdbc.sql("""
                select count(*) from file_request r join collection c on c.id = r.collection_id
                where c.summer_year = :year and r.status = 'NOT_STARTED' and r.deadline < current_date""")
                .param("year", thisYear).query(Long.class).single();
        assertThat(overdue).isPositive();
        assertThat(jdbc.sql("select count(*) from finding").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from pupil_result").query(Long.class).single()).isPositive();
    }

    @Test
    void demoSchoolsOneAndTwoArePrimarySchoolsWithAnOpenRequestForEveryCollection() throws Exception {
        int thisYear = AcademicYear.containing(LocalDate.now()).summerYear();
        for (String token : List.of("demo-token-1", "demo-token-2")) {
            mvc.perform(get("/api/v1/file-requests").header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.year == " + thisYear + " && @.status == 'NOT_STARTED')].collection",
                            Matchers.containsInAnyOrder("EYFSP", "PHONICS", "KS1", "KS2_TA", "MTC")));
        }
        List<Map<String, Object>> firstTwo = jdbc.sql("select phase from school order by id limit 2").query().listOfRows();
        assertThat(firstTwo).extracting(row -> row.get("phase")).containsOnly("Primary");
    }

    /** Last year's accepted returns are what this year's reports compare with, for the LA and for each school. */
    @Test
    void yearOnYearShowsLastYearBesideThisYear() throws Exception {
        int thisYear = AcademicYear.containing(LocalDate.now()).summerYear();
        awaitDemoUploads(thisYear);
        PortalUser officer = users.findByEmail("officer@demo.openreturns.org").orElseThrow();
        for (String kind : List.of("EYFSP", "PHONICS", "KS1", "KS2_TA", "MTC")) {
            long collection = jdbc.sql("select id from collection where kind = :k and summer_year = :y")
                    .param("k", kind).param("y", thisYear).query(Long.class).single();
            String report = mvc.perform(get("/la/collections/" + collection + "/report").with(user(officer)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(report).as(kind).contains("id=\"la-years\"", "Change since " + (thisYear - 1));
            long checked = jdbc.sql("""
                    select min(id) from file_request where collection_id = :c and status in ('CHECKED', 'ACCEPTED')""")
                    .param("c", collection).query(Long.class).single();
            String school = mvc.perform(get("/requests/" + checked + "/report").with(user(officer)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(school).as(kind).contains("id=\"own-years\"", "id=\"pupil-table\"");
        }
    }

    private List<String> statusesOf(int summerYear) {
        return jdbc.sql("""
                select distinct r.status from file_request r join collection c on c.id = r.collection_id
                where c.summer_year = :year""").param("year", summerYear).query(String.class).list();
    }

    /** The uploads run in the background after start-up; they are done when this year's returns are decided. */
    private void awaitDemoUploads(int thisYear) {
        await("the demo uploads decided").atMost(Duration.ofMinutes(2))
                .until(() -> statusesOf(thisYear), statuses -> statuses.contains("RETURNED"));
    }
}
