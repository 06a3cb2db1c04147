package org.openreturns.server.collections;

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

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.testing.Fixtures;
import org.openreturns.server.PortalTest;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.requests.RequestStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating, copying and configuring collections through the LA's pages, and who may do it. */
@PortalTest
@RecordApplicationEvents
class CollectionsPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CollectionService collections;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    CollectionSetup setup;

    private MockHttpServletRequestBuilder asOfficer(MockHttpServletRequestBuilder request) {
        return request.with(user(fixtures.user("officer"))).with(csrf());
    }

    private static MockHttpServletRequestBuilder dates(MockHttpServletRequestBuilder request, LocalDate opens,
            LocalDate la, LocalDate dfe) {
        date(request, "opensOn", opens);
        date(request, "laDeadline", la);
        return date(request, "dfeDeadline", dfe);
    }

    private static MockHttpServletRequestBuilder date(MockHttpServletRequestBuilder request, String name,
            LocalDate d) {
        return request.param(name + "-day", d == null ? "" : Integer.toString(d.getDayOfMonth()))
                .param(name + "-month", d == null ? "" : Integer.toString(d.getMonthValue()))
                .param(name + "-year", d == null ? "" : Integer.toString(d.getYear()));
    }

    private long create(Collection kind, int year) {
        return collections.create(kind, year, Dates.typical(kind, year), Actor.system("test")).orElseThrow();
    }

    @Test
    void anOfficerCreatesACollectionWhoseDefaultScopeFitsItsYearGroup() throws Exception {
        int year = fixtures.freshYear();
        long infant = fixtures.school("Little Infant School", "Primary", 4, 7, "Open");
        long junior = fixtures.school("Big Junior School", "Primary", 7, 11, "Open");
        long closed = fixtures.school("Closed Primary School", "Primary", 4, 11, "Closed");
        long nursery = fixtures.school("Tiny Nursery School", "Nursery", 2, 5, "Open");
        long special = fixtures.school("Hill Special School", "Not applicable", 3, 19, "Open");
        long unknownAges = fixtures.school("Old Record Primary", "Primary", null, null, "Open");

        String location = mvc.perform(dates(asOfficer(post("/la/collections")).param("kind", "KS2_TA")
                        .param("summerYear", Integer.toString(year)), LocalDate.of(year, 5, 18),
                        LocalDate.of(year, 6, 19), LocalDate.of(year, 6, 26)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        AssessmentCollection ks2 = collections.find(Collection.KS2_TA, year).orElseThrow();
        assertThat(location).isEqualTo("/la/collections/" + ks2.id());
        assertThat(ks2.laDeadline()).isEqualTo(LocalDate.of(year, 6, 19));
        assertThat(scopeOf(ks2.id())).contains(junior, special, unknownAges).doesNotContain(infant, closed, nursery);

        long eyfsp = create(Collection.EYFSP, year);
        assertThat(scopeOf(eyfsp)).contains(infant, special, unknownAges).doesNotContain(junior, closed, nursery);
        long phonics = create(Collection.PHONICS, year);
        assertThat(scopeOf(phonics)).contains(infant).doesNotContain(junior);
        long mtc = create(Collection.MTC, year);
        assertThat(scopeOf(mtc)).contains(junior).doesNotContain(infant);

        mvc.perform(get("/la/collections").with(user(fixtures.user("officer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString((year - 1) + "/" + (year % 100))))
                .andExpect(content().string(containsString("Key stage 2 teacher assessment")))
                .andExpect(content().string(containsString("Create a collection")));
    }

    @Test
    void aCollectionFormWithMistakesSaysWhatToFix() throws Exception {
        int year = fixtures.freshYear();
        mvc.perform(dates(asOfficer(post("/la/collections")).param("summerYear", "26"),
                        LocalDate.of(year, 6, 30), LocalDate.of(year, 6, 1), null))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("Select which assessment the collection is for")))
                .andExpect(content().string(containsString("Enter the summer year as 4 numbers")))
                .andExpect(content().string(
                        containsString("The LA deadline must be after the date the collection opens")))
                .andExpect(content().string(containsString("govuk-form-group--error")));
        mvc.perform(asOfficer(post("/la/collections")).param("kind", "MTC").param("summerYear", Integer.toString(year))
                        .param("opensOn-day", "31").param("opensOn-month", "2").param("opensOn-year", "2040")
                        .param("laDeadline-day", "3").param("laDeadline-year", "2040"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Date the collection opens must be a real date")))
                .andExpect(content().string(containsString("LA deadline must include a month")))
                .andExpect(content().string(containsString("value=\"31\"")));
        assertThat(collections.find(Collection.MTC, year)).isEmpty();

        create(Collection.MTC, year);
        mvc.perform(dates(asOfficer(post("/la/collections")).param("kind", "MTC")
                        .param("summerYear", Integer.toString(year)), LocalDate.of(year, 6, 1),
                        LocalDate.of(year, 6, 20), null))
                .andExpect(status().isOk())
                .andExpect(content().string(
                        containsString("There is already a Multiplication tables check collection")));
    }

    @Test
    void copyingLastYearMovesDatesScopeAndOwnDeadlinesOnAYearAndSkipsWhatExists() throws Exception {
        int year = fixtures.freshYear();
        long a = fixtures.primary("Copy Primary A");
        long b = fixtures.primary("Copy Primary B");
        long closedSince = fixtures.primary("Copy Primary Closing");
        long oldKs1 = create(Collection.KS1, year - 1);
        collections.setScope(oldKs1, Set.of(a, b, closedSince), Actor.system("test"));
        collections.setDeadlineOverride(oldKs1, b, LocalDate.of(year - 1, 7, 3), Actor.system("test"));
        long oldMtc = create(Collection.MTC, year - 1);
        long existingMtc = collections.create(Collection.MTC, year, new Dates(LocalDate.of(year, 6, 2),
                LocalDate.of(year, 6, 22), null), Actor.system("test")).orElseThrow();
        jdbc.sql("update school set status = 'Closed' where id = :id").param("id", closedSince).update();

        mvc.perform(asOfficer(post("/la/collections/copy")).param("summerYear", Integer.toString(year)))
                .andExpect(redirectedUrl("/la/collections"))
                .andExpect(flash().attribute("success", containsString("1 collection copied")))
                .andExpect(flash().attribute("success", containsString("1 already existed")));

        AssessmentCollection ks1 = collections.find(Collection.KS1, year).orElseThrow();
        AssessmentCollection before = collections.find(oldKs1).orElseThrow();
        assertThat(ks1.opensOn()).isEqualTo(before.opensOn().plusYears(1));
        assertThat(ks1.laDeadline()).isEqualTo(before.laDeadline().plusYears(1));
        assertThat(collections.scope(ks1.id())).extracting(CollectionService.ScopedSchool::schoolId)
                .containsExactlyInAnyOrder(a, b);
        assertThat(collections.scope(ks1.id())).filteredOn(s -> s.schoolId() == b).singleElement()
                .extracting(CollectionService.ScopedSchool::deadlineOverride).isEqualTo(LocalDate.of(year, 7, 3));
        assertThat(collections.find(existingMtc).orElseThrow().laDeadline()).isEqualTo(LocalDate.of(year, 6, 22));
        assertThat(oldMtc).isNotEqualTo(existingMtc);

        mvc.perform(asOfficer(post("/la/collections/copy")).param("summerYear", Integer.toString(year)))
                .andExpect(flash().attribute("success", containsString("0 collections copied")));
    }

    @Test
    void changingDatesMovesRequestsOnTheLaDeadlineButNotSchoolsOwnDeadlines() throws Exception {
        int year = fixtures.freshYear();
        long id = create(Collection.EYFSP, year);
        long plain = fixtures.primary("Dates Primary Plain");
        long own = fixtures.primary("Dates Primary Own");
        collections.setScope(id, Set.of(plain, own), Actor.system("test"));
        collections.setDeadlineOverride(id, own, LocalDate.of(year, 7, 7), Actor.system("test"));
        LocalDate la = collections.find(id).orElseThrow().laDeadline();
        long plainRequest = fixtures.request(id, plain, RequestStatus.NOT_STARTED, la);
        long ownRequest = fixtures.request(id, own, RequestStatus.NOT_STARTED, LocalDate.of(year, 7, 7));

        mvc.perform(dates(asOfficer(post("/la/collections/" + id + "/dates")), LocalDate.of(year, 6, 1),
                        LocalDate.of(year, 6, 24), null))
                .andExpect(redirectedUrl("/la/collections/" + id));
        assertThat(collections.find(id).orElseThrow().laDeadline()).isEqualTo(LocalDate.of(year, 6, 24));
        assertThat(deadline(plainRequest)).isEqualTo(LocalDate.of(year, 6, 24));
        assertThat(deadline(ownRequest)).isEqualTo(LocalDate.of(year, 7, 7));

        mvc.perform(dates(asOfficer(post("/la/collections/" + id + "/dates")), LocalDate.of(year, 6, 1),
                        LocalDate.of(year, 6, 24), LocalDate.of(year, 6, 2)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The DfE deadline must be on or after the LA deadline")));
        assertThat(collections.find(id).orElseThrow().dfeDeadline()).isNull();
    }

    @Test
    void theThresholdCannotMoveFinalFiguresUntilTheLaReopensTheCollection() throws Exception {
        int year = fixtures.freshYear();
        long id = create(Collection.PHONICS, year);
        mvc.perform(asOfficer(post("/la/collections/" + id + "/threshold")).param("threshold", "31"));
        mvc.perform(asOfficer(post("/la/collections/" + id + "/report/publication")).param("state", "FINAL")
                .param("confirmed", "true")).andExpect(status().is3xxRedirection());
        int eventsBefore = (int) events.stream(PhonicsThresholdChanged.class).count();

        mvc.perform(asOfficer(post("/la/collections/" + id + "/threshold")).param("threshold", "32"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("final figures")))
                .andExpect(content().string(containsString("Reopen the collection")));
        assertThat(collections.find(id).orElseThrow().phonicsThreshold()).isEqualTo(31);
        assertThat(events.stream(PhonicsThresholdChanged.class)).hasSize(eventsBefore);

        mvc.perform(asOfficer(post("/la/collections/" + id + "/report/reopen")).param("reason", "Threshold typo"));
        mvc.perform(asOfficer(post("/la/collections/" + id + "/threshold")).param("threshold", "32"))
                .andExpect(redirectedUrl("/la/collections/" + id));
        assertThat(collections.find(id).orElseThrow().phonicsThreshold()).isEqualTo(32);
    }

    @Test
    void settingThePhonicsThresholdPublishesTheEventOnlyWhenItChanges() throws Exception {
        int year = fixtures.freshYear();
        long id = create(Collection.PHONICS, year);
        assertThat(collections.find(id).orElseThrow().phonicsThreshold()).as("unknown for a future year").isNull();

        mvc.perform(asOfficer(post("/la/collections/" + id + "/threshold")).param("threshold", "41"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the threshold mark as a whole number from 0 to 40")));
        mvc.perform(asOfficer(post("/la/collections/" + id + "/threshold")).param("threshold", "thirty"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("There is a problem")));
        assertThat(events.stream(PhonicsThresholdChanged.class)).isEmpty();

        mvc.perform(asOfficer(post("/la/collections/" + id + "/threshold")).param("threshold", "31"))
                .andExpect(redirectedUrl("/la/collections/" + id));
        assertThat(collections.find(id).orElseThrow().phonicsThreshold()).isEqualTo(31);
        assertThat(events.stream(PhonicsThresholdChanged.class))
                .containsExactly(new PhonicsThresholdChanged(id, year, 31));

        mvc.perform(asOfficer(post("/la/collections/" + id + "/threshold")).param("threshold", "31"));
        assertThat(events.stream(PhonicsThresholdChanged.class)).hasSize(1);

        mvc.perform(asOfficer(post("/la/collections/" + id + "/threshold")).param("threshold", ""))
                .andExpect(redirectedUrl("/la/collections/" + id));
        assertThat(collections.find(id).orElseThrow().phonicsThreshold()).isNull();
        assertThat(events.stream(PhonicsThresholdChanged.class)).last()
                .isEqualTo(new PhonicsThresholdChanged(id, year, null));

        long ks1 = create(Collection.KS1, year);
        mvc.perform(asOfficer(get("/la/collections/" + ks1 + "/threshold"))).andExpect(status().isNotFound());
    }

    @Test
    void aWholeYearCanBeSetUpAtOnceAndAgainWithoutDuplicates() {
        int year = fixtures.freshYear();
        List<Long> ids = setup.createYear(year, Actor.system("demo"));
        assertThat(ids).hasSize(Collection.values().length);
        for (Collection kind : Collection.values()) {
            AssessmentCollection c = collections.find(kind, year).orElseThrow();
            assertThat(c.dates()).isEqualTo(Dates.typical(kind, year));
            assertThat(c.dates().problems()).as(kind + " typical dates are consistent").isEmpty();
            assertThat(collections.scope(c.id())).isNotEmpty();
        }
        assertThat(setup.createYear(year, Actor.system("demo"))).containsExactlyElementsOf(ids);
    }

    @Test
    void insideAnotherTransactionTheThresholdEventWaitsForItsCommit() {
        int year = fixtures.freshYear();
        long id = create(Collection.PHONICS, year);
        transaction.executeWithoutResult(status -> {
            collections.setPhonicsThreshold(id, 30, Actor.system("test"));
            assertThat(events.stream(PhonicsThresholdChanged.class)).as("not before the commit").isEmpty();
        });
        assertThat(events.stream(PhonicsThresholdChanged.class))
                .containsExactly(new PhonicsThresholdChanged(id, year, 30));
    }

    @Test
    void theScopePageSetsSchoolsKeepsThoseWithRequestsAndGivesOwnDeadlines() throws Exception {
        int year = fixtures.freshYear();
        long id = create(Collection.KS1, year);
        long a = fixtures.primary("Scope Primary A");
        long b = fixtures.primary("Scope Primary B");
        long withRequest = fixtures.primary("Scope Primary Requested");
        collections.setScope(id, Set.of(withRequest), Actor.system("test"));
        LocalDate la = collections.find(id).orElseThrow().laDeadline();
        long request = fixtures.request(id, withRequest, RequestStatus.NOT_STARTED, la);

        mvc.perform(asOfficer(get("/la/collections/" + id + "/scope")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Scope Primary Requested")))
                .andExpect(content().string(containsString("(request issued)")));
        mvc.perform(asOfficer(post("/la/collections/" + id + "/scope")).param("school", Long.toString(a))
                        .param("school", Long.toString(b)).param("school", "not-a-number"))
                .andExpect(redirectedUrl("/la/collections/" + id));
        assertThat(scopeOf(id)).containsExactlyInAnyOrder(a, b, withRequest);

        String deadlinePage = "/la/collections/" + id + "/schools/" + withRequest + "/deadline";
        mvc.perform(date(asOfficer(post(deadlinePage)), "deadline", LocalDate.of(year, 7, 10)))
                .andExpect(redirectedUrl("/la/collections/" + id + "/scope"));
        assertThat(deadline(request)).isEqualTo(LocalDate.of(year, 7, 10));
        mvc.perform(asOfficer(post(deadlinePage)).param("deadline-day", "40").param("deadline-month", "7")
                        .param("deadline-year", Integer.toString(year)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("School&#39;s deadline must be a real date")));
        mvc.perform(date(asOfficer(post(deadlinePage)), "deadline", null))
                .andExpect(redirectedUrl("/la/collections/" + id + "/scope"));
        assertThat(deadline(request)).isEqualTo(la);

        long outside = fixtures.primary("Scope Primary Outside");
        mvc.perform(asOfficer(get("/la/collections/" + id + "/schools/" + outside + "/deadline")))
                .andExpect(status().isNotFound());

        mvc.perform(asOfficer(post("/la/collections/" + id + "/scope")).param("useDefault", "true"))
                .andExpect(redirectedUrl("/la/collections/" + id));
        assertThat(scopeOf(id)).contains(a, b, withRequest, outside);
    }

    @Test
    void theListStillShowsOnceTheLastYearTheEngineKnowsHasACollectionButOffersNoCopyBeyondIt() throws Exception {
        fixtures.collection(Collection.KS1, Fixtures.LAST_YEAR);

        mvc.perform(get("/la/collections").with(user(fixtures.user("officer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString((Fixtures.LAST_YEAR - 1) + "/" + (Fixtures.LAST_YEAR % 100))))
                .andExpect(content().string(not(containsString("/la/collections/copy"))));
        mvc.perform(asOfficer(post("/la/collections/copy")).param("summerYear", Integer.toString(Fixtures.LAST_YEAR + 1)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void moderatorsMayLookButNotChangeAndSchoolsSeeNothing() throws Exception {
        int year = fixtures.freshYear();
        long id = create(Collection.MTC, year);
        mvc.perform(get("/la/collections").with(user(fixtures.user("moderator"))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Create a collection"))));
        mvc.perform(get("/la/collections/" + id).with(user(fixtures.user("moderator"))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/dates\""))));
        mvc.perform(get("/la/collections/new").with(user(fixtures.user("moderator"))))
                .andExpect(status().isForbidden());
        mvc.perform(dates(post("/la/collections").with(user(fixtures.user("moderator"))).with(csrf())
                        .param("kind", "KS1").param("summerYear", Integer.toString(year)), LocalDate.of(year, 6, 1),
                        LocalDate.of(year, 6, 20), null))
                .andExpect(status().isForbidden());
        mvc.perform(post("/la/collections/" + id + "/scope").with(user(fixtures.user("moderator"))).with(csrf())
                .param("useDefault", "true")).andExpect(status().isForbidden());
        assertThat(collections.find(Collection.KS1, year)).isEmpty();

        for (String school : new String[] {"head1", "staff1"}) {
            mvc.perform(get("/la/collections").with(user(fixtures.user(school)))).andExpect(status().isNotFound());
            mvc.perform(get("/la/collections/" + id).with(user(fixtures.user(school))))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/la/collections/copy").with(user(fixtures.user(school))).with(csrf())
                    .param("summerYear", Integer.toString(year + 1))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/la/collections")).andExpect(redirectedUrl("/sign-in"));
    }

    private Set<Long> scopeOf(long id) {
        return Set.copyOf(collections.scope(id).stream().map(CollectionService.ScopedSchool::schoolId).toList());
    }

    private LocalDate deadline(long requestId) {
        return jdbc.sql("select deadline from file_request where id = :id").param("id", requestId)
                .query(LocalDate.class).single();
    }
}
