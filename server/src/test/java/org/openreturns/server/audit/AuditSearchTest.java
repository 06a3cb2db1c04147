package org.openreturns.server.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openreturns.server.PortalTest;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.accounts.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** LA administrators search the audit trail by who, what, which school and when, a page at a time. */
@PortalTest
class AuditSearchTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Test
    void searchByActorActionSchoolAndDates() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long school = demo("head1").schoolId();
        String dfe = jdbc.sql("select la_code || estab from school where id = :id").param("id", school)
                .query(String.class).single();
        String name = jdbc.sql("select name from school where id = :id").param("id", school).query(String.class)
                .single();
        event("alice-" + tag + "@example.org", "PUPIL_DATA_VIEWED", school, "target-a-" + tag, 2020, 5, 10);
        event("bob-" + tag + "@example.org", "SUBMISSION_UPLOADED", school, "target-b-" + tag, 2020, 6, 10);
        event("alice-" + tag + "@example.org", "SUBMISSION_UPLOADED", null, "target-c-" + tag, 2020, 7, 10);

        mvc.perform(get("/admin/audit").param("actor", "ALICE-" + tag).with(user(demo("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("target-a-" + tag)))
                .andExpect(content().string(containsString("target-c-" + tag)))
                .andExpect(content().string(not(containsString("target-b-" + tag))));
        mvc.perform(get("/admin/audit").param("actor", tag).param("action", "SUBMISSION_UPLOADED")
                        .with(user(demo("admin"))))
                .andExpect(content().string(not(containsString("target-a-" + tag))))
                .andExpect(content().string(containsString("target-b-" + tag)))
                .andExpect(content().string(containsString("target-c-" + tag)));
        mvc.perform(get("/admin/audit").param("actor", tag).param("school", dfe).with(user(demo("admin"))))
                .andExpect(content().string(containsString("target-a-" + tag)))
                .andExpect(content().string(containsString("target-b-" + tag)))
                .andExpect(content().string(not(containsString("target-c-" + tag))));
        mvc.perform(get("/admin/audit").param("actor", tag).param("school", name.substring(0, 6).toLowerCase())
                        .with(user(demo("admin"))))
                .andExpect(content().string(containsString("target-a-" + tag)))
                .andExpect(content().string(not(containsString("target-c-" + tag))));
        mvc.perform(get("/admin/audit").param("actor", tag)
                        .param("from-day", "1").param("from-month", "6").param("from-year", "2020")
                        .param("to-day", "30").param("to-month", "6").param("to-year", "2020")
                        .with(user(demo("admin"))))
                .andExpect(content().string(not(containsString("target-a-" + tag))))
                .andExpect(content().string(containsString("target-b-" + tag)))
                .andExpect(content().string(not(containsString("target-c-" + tag))));
        mvc.perform(get("/admin/audit").param("actor", "%").with(user(demo("admin"))))
                .andExpect(content().string(not(containsString("target-a-" + tag))));
    }

    @Test
    void newestFirstFiftyAPageWithLinksThatKeepTheSearch() throws Exception {
        String actor = "pager-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 55; i++) {
            jdbc.sql("insert into audit_event (at, actor, action, target) values "
                    + "(timestamptz '2021-01-01 12:00:00+00' + make_interval(mins => :i), :a, 'PAGED', :t)")
                    .param("i", i).param("a", actor).param("t", "event-" + String.format("%02d", i)).update();
        }
        String first = mvc.perform(get("/admin/audit").param("actor", actor).with(user(demo("admin"))))
                .andExpect(content().string(containsString("event-54")))
                .andExpect(content().string(containsString("event-05")))
                .andExpect(content().string(not(containsString("event-04"))))
                .andExpect(content().string(containsString("Events 1 to 50")))
                .andExpect(content().string(containsString("rel=\"next\"")))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(first.indexOf("event-54")).isLessThan(first.indexOf("event-53"));
        mvc.perform(get("/admin/audit").param("actor", actor).param("page", "2").with(user(demo("admin"))))
                .andExpect(content().string(containsString("event-04")))
                .andExpect(content().string(containsString("event-00")))
                .andExpect(content().string(not(containsString("event-05"))))
                .andExpect(content().string(containsString("rel=\"prev\"")))
                .andExpect(content().string(not(containsString("rel=\"next\""))))
                .andExpect(content().string(containsString("actor=" + actor + "&amp;page=1")));
    }

    @Test
    void anUnrealDateIsAGovukErrorNotAFailure() throws Exception {
        mvc.perform(get("/admin/audit").param("from-day", "31").param("from-month", "2").param("from-year", "2026")
                        .with(user(demo("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("From date must be a real date")))
                .andExpect(content().string(containsString("href=\"#from-day\"")));
        mvc.perform(get("/admin/audit").param("to-day", "3").param("to-year", "2026").with(user(demo("admin"))))
                .andExpect(content().string(containsString("To date must include a month")));
        mvc.perform(get("/admin/audit").param("from-day", "3").param("from-month", "3").param("from-year", "2026")
                        .param("to-day", "2").param("to-month", "3").param("to-year", "2026")
                        .with(user(demo("admin"))))
                .andExpect(content().string(containsString("To date must be the same as or after the from date")));
        mvc.perform(get("/admin/audit").param("page", "abc").with(user(demo("admin")))).andExpect(status().isOk());
    }

    @Test
    void aSignInIsRecordedWithTheAddressItCameFrom() throws Exception {
        mvc.perform(post("/sign-in").param("email", "moderator@demo.openreturns.org")
                        .param("password", "demo-password").with(csrf()).with(request -> {
                            request.setRemoteAddr("192.0.2.44");
                            return request;
                        }))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/audit").param("actor", "moderator@demo.openreturns.org")
                        .param("action", "SIGNED_IN").with(user(demo("admin"))))
                .andExpect(content().string(containsString("from 192.0.2.44")));
    }

    @Test
    void onlyLaAdministratorsSearch() throws Exception {
        for (String who : new String[] {"officer", "moderator", "head1", "staff1"}) {
            mvc.perform(get("/admin/audit").with(user(demo(who)))).andExpect(status().isForbidden());
        }
    }

    private void event(String actor, String action, Long school, String target, int year, int month, int day) {
        jdbc.sql("insert into audit_event (at, actor, action, school_id, target) values (:at, :a, :ac, :s, :t)")
                .param("at", Timestamp.from(LocalDate.of(year, month, day).atTime(12, 0)
                        .atZone(ZoneId.of("Europe/London")).toInstant()))
                .param("a", actor).param("ac", action).param("s", school).param("t", target).update();
    }

    private PortalUser demo(String name) {
        return users.findByEmail(name + "@demo.openreturns.org").orElseThrow();
    }
}
