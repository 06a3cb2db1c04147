package org.openreturns.server.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.openreturns.server.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The static files pages use are served from the service's own two handlers, and nothing else is. */
@PortalTest
class StaticResourcesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void govukFrontendTheServicesOwnAssetsAndNothingElse() throws Exception {
        mvc.perform(get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(".govuk-header")));
        mvc.perform(get("/assets/images/favicon.ico")).andExpect(status().isOk());
        mvc.perform(get("/assets/css/upload.css")).andExpect(status().isOk());
        mvc.perform(get("/assets/js/upload.js")).andExpect(status().isOk());
    }
}
