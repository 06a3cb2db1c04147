package org.openreturns.server.schools;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
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

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openreturns.server.SliceSecurity;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Editing a school, without a database: each mistake comes back as a GOV.UK error and nothing is saved. */
@WebMvcTest(controllers = SchoolsController.class, useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SchoolsController.class))
@Import(SliceSecurity.class)
class SchoolsControllerTest {

    private static final PortalUser OFFICER = new PortalUser(1, "officer@la.example", "Officer", "",
            Role.LA_OFFICER, null, true, null);
    private static final SchoolRepository.Details SCHOOL = new SchoolRepository.Details(5, "330", "2001", "100001",
            "Oak Primary", "Primary", "Community school", "Open", "B1 1AA", "A Head", null, 4, 11);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SchoolRepository schools;

    @MockitoBean
    SchoolImport importer;

    @MockitoBean
    AuditLog audit;

    private MockHttpServletRequestBuilder edit(String name, String phase, String status, String email) {
        when(schools.find(5)).thenReturn(Optional.of(SCHOOL));
        return post("/la/schools/5").param("name", name).param("phase", phase).param("status", status)
                .param("email", email).param("headName", "").with(user(OFFICER)).with(csrf());
    }

    @Nested
    class EditingWithMistakes {

        @Test
        void aMissingNameIsAFieldErrorLinkedFromTheSummary() throws Exception {
            mvc.perform(edit("  ", "Primary", "Open", ""))
                    .andExpect(status().isOk())
                    .andExpect(view().name("schools/edit"))
                    .andExpect(model().attributeHasFieldErrorCode("form", "name", "NotBlank"))
                    .andExpect(content().string(containsString("<a href=\"#name\">Enter the school&#39;s name</a>")))
                    .andExpect(content().string(containsString("id=\"name-error\"")))
                    .andExpect(content().string(containsString("govuk-input--error")));
            verify(schools, never()).update(anyLong(), any(), any(), any(), any(), any());
        }

        @Test
        void aPhaseOrStatusNotInGiasIsRefused() throws Exception {
            mvc.perform(edit("Oak Primary", "Sixth form", "Maybe", ""))
                    .andExpect(content().string(containsString(
                            "<a href=\"#phase\">Select the school&#39;s phase of education</a>")))
                    .andExpect(content().string(containsString(
                            "<a href=\"#status\">Select whether the school is open</a>")));
            verify(schools, never()).update(anyLong(), any(), any(), any(), any(), any());
        }

        @Test
        void anEmailAddressWithoutADomainIsRefusedAndKeptAsTyped() throws Exception {
            mvc.perform(edit("Oak Primary", "Primary", "Open", "office@school"))
                    .andExpect(content().string(containsString("<a href=\"#email\">Enter an email address in the "
                            + "correct format, like office@school.sch.uk</a>")))
                    .andExpect(content().string(containsString("value=\"office@school\"")));
            verify(audit, never()).record(anyString(), anyString(), any(), anyString(), anyString(), anyString());
        }
    }

    @Test
    void aGoodFormSavesAndAudits() throws Exception {
        mvc.perform(edit("Oak Primary School", "Primary", "Open", "Office@Oak.sch.uk"))
                .andExpect(status().is3xxRedirection());
        verify(schools).update(5, "Oak Primary School", "Primary", "Open", "office@oak.sch.uk", null);
    }
}
