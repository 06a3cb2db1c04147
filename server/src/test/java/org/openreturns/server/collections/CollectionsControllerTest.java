package org.openreturns.server.collections;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.SliceSecurity;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Role;
import org.openreturns.server.schools.SchoolRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The collection forms' error paths, without a database: the service is a mock, and a form with mistakes must
 * come back as the same page with the GOV.UK error summary (links to the field ids) and the field's own error,
 * never reaching the service. SliceSecurity says why the slice has a stand-in security chain.
 */
@WebMvcTest(controllers = CollectionsController.class, useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = CollectionsController.class))
@Import({CollectionsControllerTest.FixedClock.class, SliceSecurity.class})
class CollectionsControllerTest {

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(LocalDate.of(2026, 3, 1).atStartOfDay(ZoneId.of("Europe/London")).toInstant(),
                    ZoneId.of("Europe/London"));
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CollectionService collections;

    @MockitoBean
    SchoolRepository schools;

    private static final PortalUser OFFICER = new PortalUser(1, "officer@la.example", "Officer", "", Role.LA_OFFICER,
            null, true, null);

    private static MockHttpServletRequestBuilder asOfficer(MockHttpServletRequestBuilder request) {
        return request.with(user(OFFICER)).with(csrf());
    }

    /** A good new-collection form, with some of its fields replaced ("name=value"). */
    private static MockHttpServletRequestBuilder newCollection(String kind, String year, String... changes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", kind);
        form.put("summerYear", year);
        form.put("opensOn-day", "1");
        form.put("opensOn-month", "6");
        form.put("opensOn-year", "2026");
        form.put("laDeadline-day", "26");
        form.put("laDeadline-month", "6");
        form.put("laDeadline-year", "2026");
        for (String change : changes) {
            form.put(change.substring(0, change.indexOf('=')), change.substring(change.indexOf('=') + 1));
        }
        MockHttpServletRequestBuilder request = asOfficer(post("/la/collections"));
        form.forEach(request::param);
        return request;
    }

    @Nested
    class CreatingACollectionWithMistakes {

        @Test
        void noAssessmentChosenIsAFieldErrorLinkedFromTheSummary() throws Exception {
            mvc.perform(newCollection("", "2026"))
                    .andExpect(status().isOk())
                    .andExpect(view().name("collections/new"))
                    .andExpect(model().attributeHasFieldErrorCode("form", "kind", "NotBlank"))
                    .andExpect(content().string(containsString("There is a problem")))
                    .andExpect(content().string(containsString(
                            "<a href=\"#kind\">Select which assessment the collection is for</a>")))
                    .andExpect(content().string(containsString("govuk-form-group--error")))
                    .andExpect(content().string(containsString("id=\"kind-error\"")));
            verify(collections, never()).create(any(), anyInt(), any(), any());
        }

        @Test
        void anUnknownAssessmentIsTheSameErrorAsNone() throws Exception {
            mvc.perform(newCollection("GCSE", "2026"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(
                            "<a href=\"#kind\">Select which assessment the collection is for</a>")));
        }

        @Test
        void aMissingOrShortSummerYearSaysWhatToType() throws Exception {
            mvc.perform(newCollection("MTC", ""))
                    .andExpect(content().string(containsString(
                            "<a href=\"#summerYear\">Enter the year of the summer the assessments take place</a>")));
            mvc.perform(newCollection("MTC", "26"))
                    .andExpect(model().attributeHasFieldErrorCode("form", "summerYear", "Pattern"))
                    .andExpect(content().string(containsString(
                            "<a href=\"#summerYear\">Enter the summer year as 4 numbers, like 2026</a>")))
                    .andExpect(content().string(containsString("value=\"26\"")));
        }

        @Test
        void anUnrealDateIsLinkedToItsDayBoxAndKeepsWhatWasTyped() throws Exception {
            mvc.perform(newCollection("MTC", "2026", "opensOn-day=31", "opensOn-month=2"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(
                            "<a href=\"#opensOn-day\">Date the collection opens must be a real date</a>")))
                    .andExpect(content().string(containsString("id=\"opensOn-error\"")))
                    .andExpect(content().string(containsString("value=\"31\"")));
        }

        @Test
        void aDateWithABoxLeftEmptyNamesTheBox() throws Exception {
            mvc.perform(newCollection("MTC", "2026", "laDeadline-month="))
                    .andExpect(content().string(containsString("LA deadline must include a month")));
        }

        @Test
        void aDeadlineBeforeOpeningIsACrossFieldError() throws Exception {
            mvc.perform(newCollection("MTC", "2026", "laDeadline-month=5"))
                    .andExpect(content().string(containsString(
                            "<a href=\"#laDeadline-day\">The LA deadline must be after the date the collection opens</a>")));
        }

        @Test
        void errorsAreListedInPageOrder() throws Exception {
            String page = mvc.perform(newCollection("", "26", "laDeadline-month=5"))
                    .andReturn().getResponse().getContentAsString();
            int kind = page.indexOf("href=\"#kind\"");
            int year = page.indexOf("href=\"#summerYear\"");
            int deadline = page.indexOf("href=\"#laDeadline-day\"");
            org.assertj.core.api.Assertions.assertThat(kind).isPositive().isLessThan(year);
            org.assertj.core.api.Assertions.assertThat(year).isLessThan(deadline);
        }

        @Test
        void aCollectionThatExistsAlreadyIsRefusedByName() throws Exception {
            when(collections.find(Collection.MTC, 2026)).thenReturn(Optional.of(
                    new AssessmentCollection(7, Collection.MTC, 2026, null, null, null, null)));
            mvc.perform(newCollection("MTC", "2026"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("There is already a ")));
            verify(collections, never()).create(any(), anyInt(), any(), any());
        }
    }

    @Test
    void aGoodFormCreatesTheCollection() throws Exception {
        when(collections.create(any(), anyInt(), any(), any())).thenReturn(Optional.of(12L));
        mvc.perform(newCollection("MTC", "2026"))
                .andExpect(status().is3xxRedirection())
                .andExpect(view().name("redirect:/la/collections/12"));
    }

    @Test
    void aThresholdOverFortyIsRefusedAndNotSaved() throws Exception {
        when(collections.find(3L)).thenReturn(Optional.of(
                new AssessmentCollection(3, Collection.PHONICS, 2026, null, null, null, null)));
        mvc.perform(asOfficer(post("/la/collections/3/threshold")).param("threshold", "41"))
                .andExpect(status().isOk())
                .andExpect(view().name("collections/threshold"))
                .andExpect(content().string(containsString("<a href=\"#threshold\">Enter the threshold mark as a "
                        + "whole number from 0 to 40, or leave it empty if it is not known yet</a>")))
                .andExpect(content().string(not(containsString("Success"))));
        verify(collections, never()).setPhonicsThreshold(anyLong(), any(), any());
    }

    @Test
    void withoutACsrfTokenNothingIsCreated() throws Exception {
        mvc.perform(post("/la/collections").with(user(OFFICER)).param("kind", "MTC"))
                .andExpect(status().isForbidden());
        verify(collections, never()).create(any(), anyInt(), any(), any());
    }
}
