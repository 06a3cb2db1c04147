package org.openreturns.server.mail;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openreturns.server.PortalTest;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.accounts.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Without a mail server, mail waits in the outbox, where LA administrators (and only they) can read it. */
@PortalTest
class OutboxPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Mailer mailer;

    @Autowired
    UserRepository users;

    @Test
    void anAdministratorReadsAMessageThatWasNotSent() throws Exception {
        String to = "reader-" + UUID.randomUUID() + "@example.org";
        long id = mailer.send(to, "Outbox subject", "First paragraph.\n\nhttp://localhost:8080/some/link");
        mvc.perform(get("/admin/outbox").with(user(demo("admin")))).andExpect(status().isOk())
                .andExpect(content().string(containsString(to)))
                .andExpect(content().string(containsString("No mail server is configured")))
                .andExpect(content().string(containsString("href=\"/admin/outbox/" + id + "\"")));
        mvc.perform(get("/admin/outbox/" + id).with(user(demo("admin")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Outbox subject")))
                .andExpect(content().string(containsString("http://localhost:8080/some/link")))
                .andExpect(content().string(containsString("Not sent")))
                .andExpect(content().string(not(containsString("Send again"))));
        mvc.perform(get("/admin/outbox/999999999").with(user(demo("admin")))).andExpect(status().isNotFound());
    }

    @Test
    void aLongOutboxPagesNewestFirstWithOlderAndNewerLinks() throws Exception {
        for (int i = 0; i <= OutboxController.PAGE_SIZE; i++) {
            mailer.send("paging-" + i + "@example.org", "Paging " + i, "Body");
        }
        mvc.perform(get("/admin/outbox").with(user(demo("admin")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/outbox?page=2\" rel=\"next\"")))
                .andExpect(content().string(not(containsString("rel=\"prev\""))));
        mvc.perform(get("/admin/outbox?page=2").with(user(demo("admin")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/outbox?page=1\" rel=\"prev\"")))
                .andExpect(content().string(containsString("Newer<span class=\"govuk-visually-hidden\"> messages")));
    }

    @Test
    void nobodyElseReadsTheOutbox() throws Exception {
        long id = mailer.send("private@example.org", "Private", "A reset link");
        for (String who : new String[] {"officer", "moderator", "head1", "staff1"}) {
            mvc.perform(get("/admin/outbox").with(user(demo(who)))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/outbox/" + id).with(user(demo(who)))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/outbox/" + id + "/send").with(csrf()).with(user(demo(who))))
                    .andExpect(status().isForbidden());
        }
    }

    private PortalUser demo(String name) {
        return users.findByEmail(name + "@demo.openreturns.org").orElseThrow();
    }
}
