package org.openreturns.server.audit;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.server.SliceSecurity;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The audit search's date errors, without a database: a bad date is a GOV.UK error and no search is run. */
@WebMvcTest(controllers = AuditController.class, useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = AuditController.class))
@Import(SliceSecurity.class)
class AuditControllerTest {

    private static final PortalUser ADMIN = new PortalUser(1, "admin@la.example", "Admin", "", Role.LA_ADMIN, null,
            true, null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditSearch search;

    @Test
    void anUnrealDateIsLinkedToItsDayAndSearchesNothing() throws Exception {
        when(search.actions()).thenReturn(List.of("SIGNED_IN"));
        mvc.perform(get("/admin/audit").param("from-day", "31").param("from-month", "2").param("from-year", "2026")
                        .with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(view().name("audit/search"))
                .andExpect(content().string(containsString("<title>Error: Audit")))
                .andExpect(content().string(containsString(
                        "<a href=\"#from-day\">From date must be a real date, for example 27 3 2026</a>")))
                .andExpect(content().string(containsString("govuk-form-group--error")))
                .andExpect(content().string(containsString("id=\"from-error\"")));
        verify(search, never()).find(any(), anyInt(), anyLong());
    }

    @Test
    void aDateWithABoxLeftEmptyLinksToThatBox() throws Exception {
        mvc.perform(get("/admin/audit").param("to-day", "3").param("to-year", "2026").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"#to-month\">To date must include a month</a>")));
        verify(search, never()).find(any(), anyInt(), anyLong());
    }

    @Test
    void aToDateBeforeTheFromDateIsRefused() throws Exception {
        mvc.perform(get("/admin/audit").param("from-day", "3").param("from-month", "4").param("from-year", "2026")
                        .param("to-day", "2").param("to-month", "4").param("to-year", "2026").with(user(ADMIN)))
                .andExpect(content().string(containsString(
                        "<a href=\"#to-day\">To date must be the same as or after the from date</a>")));
        verify(search, never()).find(any(), anyInt(), anyLong());
    }

    @Test
    void goodDatesSearch() throws Exception {
        when(search.find(any(), anyInt(), anyLong())).thenReturn(List.of());
        mvc.perform(get("/admin/audit").param("from-day", "3").param("from-month", "4").param("from-year", "2026")
                        .with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No events match this search.")));
        verify(search).find(any(), anyInt(), anyLong());
    }

    @Test
    void withoutSigningInThereIsNoSearch() throws Exception {
        mvc.perform(get("/admin/audit").param("from-day", "31"))
                .andExpect(status().isForbidden());
        verify(search, never()).find(any(), anyInt(), anyLong());
    }
}
