package org.openreturns.server.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.PortalTest;
import org.openreturns.server.testing.Fixtures;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The LA report says who it leaves out (issue 10, item 13): the schools in scope not yet counted, a warning with
 * their names before publishing, and a year-on-year change over the same schools in both years.
 */
@PortalTest
class ReportHonestyTest {

    @Autowired
    Fixtures f;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private MockHttpServletRequestBuilder as(String who, MockHttpServletRequestBuilder request) {
        return request.with(user(f.user(who))).with(csrf());
    }

    @Test
    void theReportNamesTheSchoolsNotCountedAndPublishingListsThemFirst() throws Exception {
        long c = f.collection(Collection.KS2_TA);
        TestSchool counted = f.upload(c, f.school(c, "Honest Counted Primary"), 10, 1);
        TestSchool silent = f.school(c, "Honest Silent Primary");

        mvc.perform(as("officer", get("/la/collections/" + c + "/report")))
                .andExpect(content().string(containsString("1 school in scope not counted yet")))
                .andExpect(content().string(containsString(silent.name())))
                .andExpect(content().string(containsString("Nothing sent yet")))
                .andExpect(content().string(containsString("1 of 2 in scope")));

        mvc.perform(as("officer", post("/la/collections/" + c + "/report/publication").param("state", "FINAL")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 school is not counted in these figures")))
                .andExpect(content().string(containsString(silent.name())))
                .andExpect(content().string(containsString("Publish as final without them")));
        assertThat(jdbc.sql("select count(*) from report_publication where collection_id = :c").param("c", c)
                .query(Integer.class).single()).as("nothing is published before the LA confirms").isZero();

        mvc.perform(as("officer", post("/la/collections/" + c + "/report/publication").param("state", "FINAL")
                .param("confirmed", "true"))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select state from report_publication where collection_id = :c").param("c", c)
                .query(String.class).single()).isEqualTo("FINAL");
        assertThat(counted.name()).isNotBlank();
    }

    @Test
    void yearOnYearComparesTheSameSchoolsAndSaysSo() throws Exception {
        int year = f.freshYear();
        long before = f.collection(Collection.KS2_TA, year - 1);
        long now = f.collection(Collection.KS2_TA, year);
        TestSchool both = f.upload(before, f.school(before, "Both Years Primary"), 12, 3);
        f.upload(before, f.school(before, "Closed Since Primary"), 12, 4);
        long request = f.request(both, Collection.KS2_TA, year);
        f.upload(now, new TestSchool(both.id(), both.identity(), both.head(), request, null), 12, 5);

        mvc.perform(as("officer", get("/la/collections/" + now + "/report")))
                .andExpect(content().string(containsString(year + " counts 1 school and " + (year - 1)
                        + " counted 2 schools; 1 is counted in both.")))
                .andExpect(content().string(containsString("the change compares only the 1 counted in both years")));
    }
}
