package org.openreturns.server.accounts;

import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openreturns.server.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Forgotten passwords: no account enumeration, throttling, single-use expiring links, the password rules. */
@PortalTest
class PasswordResetTest {

    private static final Pattern LINK = Pattern.compile("/password-reset/([A-Za-z0-9_-]{43})");
    /** Each test asks from its own address, so the per-address throttle of one test never trips another. */
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void theSignInPageLinksToTheResetPage() throws Exception {
        mvc.perform(get("/sign-in")).andExpect(content().string(containsString("href=\"/password-reset\"")));
        mvc.perform(get("/password-reset")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Reset your password")));
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAddressHasAnAccount() throws Exception {
        String known = newUser("known");
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
        String ip = nextIp();

        mvc.perform(request(known, ip)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/password-reset/sent"));
        mvc.perform(request(unknown, ip)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/password-reset/sent"));
        mvc.perform(get("/password-reset/sent")).andExpect(status().isOk())
                .andExpect(content().string(containsString("If there is an OpenReturns account")));

        assertThat(mailsTo(known)).hasSize(1);
        assertThat(mailsTo(unknown)).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PASSWORD_RESET_REQUESTED' "
                + "and actor = :a and detail = 'no such account'").param("a", unknown).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anAddressThatIsNotAnAddressGetsAGovukError() throws Exception {
        mvc.perform(post("/password-reset").param("email", "not an address").with(csrf()).with(from(nextIp())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("Enter an email address in the correct format")))
                .andExpect(content().string(containsString("govuk-form-group--error")));
        mvc.perform(post("/password-reset").param("email", "").with(csrf()).with(from(nextIp())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter an email address")));
    }

    @Test
    void oneNetworkAddressMayAskOnlySoOften() throws Exception {
        String ip = nextIp();
        for (int i = 0; i < ResetRequestThrottle.LIMIT; i++) {
            mvc.perform(request("nobody-" + i + "@example.org", ip)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(request("nobody@example.org", ip)).andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Wait 15 minutes")));
        mvc.perform(request("nobody@example.org", nextIp())).andExpect(status().is3xxRedirection());
    }

    @Test
    void oneAddressGetsAtMostThreeLinksAnHourAndTheAnswerDoesNotChange() throws Exception {
        String email = newUser("flood");
        for (int i = 0; i < 5; i++) {
            mvc.perform(request(email, nextIp())).andExpect(redirectedUrl("/password-reset/sent"));
        }
        assertThat(mailsTo(email)).hasSize(PasswordResets.RESETS_PER_ADDRESS_PER_HOUR);
    }

    @Test
    void aDisabledAccountGetsNoLink() throws Exception {
        String email = newUser("disabled");
        users.setEnabled(users.findByEmail(email).orElseThrow().id(), false);
        mvc.perform(request(email, nextIp())).andExpect(redirectedUrl("/password-reset/sent"));
        assertThat(mailsTo(email)).isEmpty();
    }

    @Test
    void theLinkSetsANewPasswordOnceAndUnlocksTheAccount() throws Exception {
        String email = newUser("reset");
        jdbc.sql("update app_user set locked_until = now() + interval '10 minutes' where email = :e")
                .param("e", email).update();
        mvc.perform(request(email, nextIp())).andExpect(redirectedUrl("/password-reset/sent"));
        String mail = mailsTo(email).get(0);
        assertThat(mail).contains("http://localhost:8080/password-reset/");
        String token = token(mail);
        assertThat(jdbc.sql("select count(*) from password_reset where token_hash = :h")
                .param("h", PasswordResets.sha256(token)).query(Long.class).single())
                .as("only the hash is stored").isEqualTo(1);

        mvc.perform(get("/password-reset/" + token)).andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(content().string(containsString("Set your password")))
                .andExpect(content().string(containsString(email)));

        mvc.perform(setPassword(token, "short", "short")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Password must be 12 characters or more")));
        mvc.perform(setPassword(token, email.toUpperCase(), email.toUpperCase())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Password must not be your email address")));
        mvc.perform(setPassword(token, "correct horse battery", "correct horse staple"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Passwords must match")));
        mvc.perform(setPassword(token, "", "")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a password")))
                .andExpect(content().string(containsString("Confirm your password")));

        mvc.perform(setPassword(token, "correct horse battery", "correct horse battery"))
                .andExpect(redirectedUrl("/password-reset/done"));
        mvc.perform(get("/password-reset/done")).andExpect(content().string(containsString("Password set")));

        PortalUser user = users.findByEmail(email).orElseThrow();
        assertThat(passwords.matches("correct horse battery", user.passwordHash())).isTrue();
        assertThat(user.isAccountNonLocked()).isTrue();
        mvc.perform(formLogin("/sign-in").userParameter("email").user(email).password("correct horse battery"))
                .andExpect(authenticated());
        mvc.perform(formLogin("/sign-in").userParameter("email").user(email).password("old-password-123"))
                .andExpect(unauthenticated());

        mvc.perform(get("/password-reset/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("This link does not work")))
                .andExpect(content().string(not(containsString("Set your password"))));
        mvc.perform(setPassword(token, "another good password", "another good password"))
                .andExpect(content().string(containsString("This link does not work")));
        assertThat(passwords.matches("correct horse battery",
                users.findByEmail(email).orElseThrow().passwordHash())).as("a used link changes nothing").isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PASSWORD_SET' and actor = :e")
                .param("e", email).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void usingOneLinkEndsTheOthers() throws Exception {
        String email = newUser("two-links");
        mvc.perform(request(email, nextIp()));
        mvc.perform(request(email, nextIp()));
        List<String> mails = mailsTo(email);
        assertThat(mails).hasSize(2);
        mvc.perform(setPassword(token(mails.get(0)), "correct horse battery", "correct horse battery"))
                .andExpect(redirectedUrl("/password-reset/done"));
        mvc.perform(get("/password-reset/" + token(mails.get(1))))
                .andExpect(content().string(containsString("This link does not work")));
    }

    @Test
    void anExpiredOrUnknownLinkSaysWhatToDo() throws Exception {
        String email = newUser("expired");
        String token = "expired-token-" + UUID.randomUUID();
        jdbc.sql("insert into password_reset (token_hash, user_id, expires_at) values (:h, :u, :at)")
                .param("h", PasswordResets.sha256(token)).param("u", users.findByEmail(email).orElseThrow().id())
                .param("at", Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES))).update();
        mvc.perform(get("/password-reset/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("This link does not work")))
                .andExpect(content().string(containsString("Ask for a new link")));
        mvc.perform(setPassword(token, "correct horse battery", "correct horse battery"))
                .andExpect(content().string(containsString("This link does not work")));
        mvc.perform(get("/password-reset/no-such-token")).andExpect(status().isOk())
                .andExpect(content().string(containsString("This link does not work")));
    }

    private String newUser(String prefix) {
        String email = prefix + "-" + UUID.randomUUID() + "@example.org";
        users.create(email, "Test " + prefix, passwords.encode("old-password-123"), Role.LA_OFFICER, null);
        return email;
    }

    private List<String> mailsTo(String email) {
        return jdbc.sql("select body from outbox_mail where to_address = :to order by id").param("to", email)
                .query(String.class).list();
    }

    static String token(String mail) {
        Matcher m = LINK.matcher(mail);
        assertThat(m.find()).as("a reset link in: " + mail).isTrue();
        return m.group(1);
    }

    private static String nextIp() {
        int n = ADDRESS.getAndIncrement();
        return "10.1." + (n / 250) + "." + (n % 250 + 1);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    private MockHttpServletRequestBuilder request(String email, String ip) {
        return post("/password-reset").param("email", email).with(csrf()).with(from(ip));
    }

    private MockHttpServletRequestBuilder setPassword(String token, String password, String confirm) {
        return post("/password-reset/" + token).param("password", password).param("confirm", confirm).with(csrf());
    }
}
