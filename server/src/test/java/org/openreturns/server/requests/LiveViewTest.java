package org.openreturns.server.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.testing.Fixtures;
import org.openreturns.server.PortalTest;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.collections.CollectionService;
import org.openreturns.server.collections.Dates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The LA's live view of a collection: counts, overdue from the clock, filters, sorting and the CSV export. */
@PortalTest
class LiveViewTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CollectionService collections;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.openreturns.server.movers.Movers movers;

    @Autowired
    Clock clock;

    long collection;
    LocalDate today;

    @BeforeEach
    void fiveSchoolsInEveryState() {
        int year = fixtures.freshYear();
        collection = collections.create(Collection.PHONICS, year, Dates.typical(Collection.PHONICS, year),
                Actor.system("test")).orElseThrow();
        today = LocalDate.now(clock);
        long alpha = fixtures.primary("Alpha Live Primary");
        long bravo = fixtures.primary("Bravo Live Primary");
        long charlie = fixtures.primary("Charlie Live Primary");
        long delta = fixtures.primary("Delta Live Primary");
        long echo = fixtures.primary("Echo Live Primary");
        collections.setScope(collection, Set.of(alpha, bravo, charlie, delta, echo), Actor.system("test"));

        Instant now = Instant.now();
        long a = fixtures.request(collection, alpha, RequestStatus.CHECKED, today.plusDays(5));
        fixtures.submission(a, 1, "FAILED_CHECKS", 3, 1, now.minus(Duration.ofHours(2)));
        fixtures.submission(a, 2, "CHECKED", 0, 0, now.minus(Duration.ofHours(1)));
        long b = fixtures.request(collection, bravo, RequestStatus.FAILED_CHECKS, today.minusDays(1));
        fixtures.submission(b, 1, "FAILED_CHECKS", 5, 2, now.minus(Duration.ofMinutes(30)));
        fixtures.request(collection, charlie, RequestStatus.NOT_STARTED, today.minusDays(1));
        long d = fixtures.request(collection, delta, RequestStatus.ACCEPTED, today.minusDays(1));
        fixtures.submission(d, 1, "CHECKED", 0, 4, now.minus(Duration.ofDays(1)));
    }

    private String page(String query) throws Exception {
        return mvc.perform(get("/la/collections/" + collection + query).with(user(fixtures.user("officer"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void countsEveryStatusAndDerivesOverdueFromTheDeadlineAndStatus() throws Exception {
        String html = page("");
        assertThat(html).contains("id=\"count-CHECKED\">1<", "id=\"count-FAILED_CHECKS\">1<",
                "id=\"count-NOT_STARTED\">1<", "id=\"count-ACCEPTED\">1<", "id=\"count-RETURNED\">0<",
                "id=\"count-OVERDUE\">2<", "id=\"count-NOT_ISSUED\">1<", "5 of 5 schools", "Updated at");
        assertThat(html).contains("Alpha Live Primary", "Echo Live Primary", "Not issued");

        LiveView.View view = new LiveView(jdbc, movers, Clock.fixed(today.minusDays(3)
                .atStartOfDay(ZoneId.of("Europe/London")).toInstant(), ZoneId.of("Europe/London"))).view(collection, LiveView.Filter.none(), LiveView.Sort.NAME,
                false);
        assertThat(view.overdue()).as("three days earlier nothing was overdue yet").isZero();
        LiveView.View later = new LiveView(jdbc, movers, Clock.fixed(today.plusDays(10).atStartOfDay(
                ZoneId.of("Europe/London")).toInstant(), ZoneId.of("Europe/London"))).view(collection,
                LiveView.Filter.none(), LiveView.Sort.NAME, false);
        assertThat(later.rows()).filteredOn(LiveView.Row::overdue).extracting(LiveView.Row::schoolName)
                .as("checked and accepted requests are never overdue")
                .containsExactly("Bravo Live Primary", "Charlie Live Primary");
        assertThat(later.rows()).filteredOn(r -> r.schoolName().startsWith("Alpha")).singleElement()
                .satisfies(r -> {
                    assertThat(r.errors()).as("the latest version's errors").isZero();
                    assertThat(r.lastUpload()).isNotNull();
                });
    }

    @Test
    void filtersByStatusOverdueAndName() throws Exception {
        assertThat(page("?status=FAILED_CHECKS")).contains("Bravo Live Primary", "1 of 5 schools")
                .doesNotContain("Alpha Live Primary");
        assertThat(page("?overdue=true")).contains("Bravo Live Primary", "Charlie Live Primary", "2 of 5 schools")
                .doesNotContain("Delta Live Primary", "Alpha Live Primary");
        assertThat(page("?q=charlie")).contains("Charlie Live Primary", "1 of 5 schools");
        assertThat(page("?status=NOT_ISSUED")).contains("Echo Live Primary", "1 of 5 schools");
        assertThat(page("?status=NONSENSE")).contains("5 of 5 schools");
    }

    @Test
    void sortsByAColumnBothWaysWithAriaSort() throws Exception {
        String byErrors = page("?sort=errors&dir=desc");
        assertThat(byErrors).contains("aria-sort=\"descending\"");
        assertThat(order(byErrors, "Bravo", "Alpha", "Delta")).isTrue();
        String byName = page("?sort=name&dir=desc");
        assertThat(order(byName, "Echo", "Delta", "Charlie", "Bravo", "Alpha")).isTrue();
        String byDeadline = page("?sort=deadline&dir=asc&overdue=true");
        assertThat(byDeadline).contains("sort=deadline&amp;dir=desc");
        assertThat(byDeadline).as("a sort link keeps the filter").contains("overdue=true&amp;sort=name&amp;dir=asc");
    }

    @Test
    void exportsTheFilteredViewAsCsvAndAuditsIt() throws Exception {
        long before = fixtures.audits("EXPORT", "collection:" + collection);
        String csv = mvc.perform(get("/la/collections/" + collection + "/schools.csv?overdue=true&sort=name")
                        .with(user(fixtures.user("moderator"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"phonics-")))
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("DfE number,URN,School,Status,Last upload,Errors,Queries,Deadline,Overdue,Late");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("Bravo Live Primary", "Failed checks", ",5,2,", today.minusDays(1).toString(),
                "Yes");
        assertThat(lines.get(2)).contains("Charlie Live Primary", "Not started", "Yes");
        assertThat(fixtures.audits("EXPORT", "collection:" + collection)).isEqualTo(before + 1);
    }

    @Test
    void moderatorsSeeTheViewWithoutActionsAndSchoolsSeeNothing() throws Exception {
        mvc.perform(get("/la/collections/" + collection).with(user(fixtures.user("moderator"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bravo Live Primary")))
                .andExpect(content().string(not(containsString("Issue file requests"))));
        mvc.perform(get("/la/collections/" + collection).with(user(fixtures.user("officer"))))
                .andExpect(content().string(containsString("Issue file requests")));
        mvc.perform(get("/la/collections/" + collection + "/schools.csv").with(user(fixtures.user("head1"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/la/collections/999999999").with(user(fixtures.user("officer"))))
                .andExpect(status().isNotFound());
    }

    private static boolean order(String html, String... names) {
        int last = -1;
        for (String name : names) {
            int at = html.indexOf(name + " Live Primary</a>");
            if (at < 0) {
                at = html.indexOf(name + " Live Primary</span>");
            }
            if (at <= last) {
                return false;
            }
            last = at;
        }
        return true;
    }
}
