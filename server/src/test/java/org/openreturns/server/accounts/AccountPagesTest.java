package org.openreturns.server.accounts;

import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Role;
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

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openreturns.server.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Headteachers manage their own school's staff; LA administrators every account; nobody else either. */
@PortalTest
class AccountPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserRepository users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aHeadSeesTheirOwnSchoolsStaffOnly() throws Exception {
        mvc.perform(get("/school/staff").with(user(demo("head1"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("staff1@demo.openreturns.org")))
                .andExpect(content().string(not(containsString("staff2@demo.openreturns.org"))))
                .andExpect(content().string(containsString("<caption")));
    }

    @Test
    void aHeadAddsAStaffMemberWhoGetsAnInvitationAndSetsTheirPassword() throws Exception {
        String email = "new-staff-" + UUID.randomUUID() + "@example.org";
        mvc.perform(post("/school/staff").param("name", "Nia New").param("email", email.toUpperCase())
                        .with(csrf()).with(user(demo("head1"))))
                .andExpect(redirectedUrl("/school/staff"))
                .andExpect(flash().attribute("invited", email));
        PortalUser created = users.findByEmail(email).orElseThrow();
        assertThat(created.role()).isEqualTo(Role.SCHOOL_STAFF);
        assertThat(created.schoolId()).isEqualTo(demo("head1").schoolId());
        assertThat(users.summary(created.id()).orElseThrow().state()).isEqualTo("Invited");

        String mail = jdbc.sql("select body from outbox_mail where to_address = :e").param("e", email)
                .query(String.class).single();
        assertThat(mail).contains("Hana Head", "within 7 days");
        String token = PasswordResetTest.token(mail);
        assertThat(jdbc.sql("select expires_at > now() + interval '6 days' from password_reset where token_hash = :h")
                .param("h", PasswordResets.sha256(token)).query(Boolean.class).single()).isTrue();
        mvc.perform(post("/password-reset/" + token).param("password", "a long new password")
                        .param("confirm", "a long new password").with(csrf()))
                .andExpect(redirectedUrl("/password-reset/done"));
        assertThat(users.summary(created.id()).orElseThrow().state()).isEqualTo("Active");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'USER_INVITED' and target = :t")
                .param("t", "user:" + email).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void addingStaffNeedsANameAndAFreshWellFormedAddress() throws Exception {
        mvc.perform(post("/school/staff").param("name", "").param("email", "nope").with(csrf())
                        .with(user(demo("head1"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter the person&#39;s full name")))
                .andExpect(content().string(containsString("Enter an email address in the correct format")));
        mvc.perform(post("/school/staff").param("name", "Copy").param("email", "staff2@demo.openreturns.org")
                        .with(csrf()).with(user(demo("head1"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("There is already an account with this email address")));
    }

    @Test
    void aHeadDisablesAndEnablesTheirStaffButNotAnotherSchools() throws Exception {
        long staff = newUser(Role.SCHOOL_STAFF, demo("head1").schoolId());
        mvc.perform(post("/school/staff/" + staff + "/disable").with(csrf()).with(user(demo("head2"))))
                .andExpect(status().isNotFound());
        assertThat(users.findById(staff).orElseThrow().isEnabled()).isTrue();

        mvc.perform(post("/school/staff/" + staff + "/disable").with(csrf()).with(user(demo("head1"))))
                .andExpect(redirectedUrl("/school/staff"));
        assertThat(users.findById(staff).orElseThrow().isEnabled()).isFalse();
        mvc.perform(post("/school/staff/" + staff + "/enable").with(csrf()).with(user(demo("head1"))))
                .andExpect(redirectedUrl("/school/staff"));
        assertThat(users.findById(staff).orElseThrow().isEnabled()).isTrue();

        long otherHead = newUser(Role.HEADTEACHER, demo("head1").schoolId());
        mvc.perform(post("/school/staff/" + otherHead + "/disable").with(csrf()).with(user(demo("head1"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/school/staff/" + demo("head1").id() + "/disable").with(csrf())
                .with(user(demo("head1")))).andExpect(status().isNotFound());
        mvc.perform(post("/school/staff/999999999/disable").with(csrf()).with(user(demo("head1"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void staffAndLaUsersCannotManageStaff() throws Exception {
        for (String who : new String[] {"staff1", "officer", "admin"}) {
            mvc.perform(get("/school/staff").with(user(demo(who)))).andExpect(status().isForbidden());
            mvc.perform(post("/school/staff").param("name", "X").param("email", "x-" + UUID.randomUUID()
                    + "@example.org").with(csrf()).with(user(demo(who)))).andExpect(status().isForbidden());
        }
    }

    @Test
    void onlyLaAdministratorsReachUserManagement() throws Exception {
        for (String who : new String[] {"officer", "moderator", "head1", "staff1"}) {
            mvc.perform(get("/admin/users").with(user(demo(who)))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/users/" + demo("staff2").id() + "/disable").with(csrf())
                    .with(user(demo(who)))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/users").with(user(demo("admin")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("head2@demo.openreturns.org")))
                .andExpect(content().string(containsString("Headteacher")));
    }

    @Test
    void anAdministratorCreatesAnAccountOfAnyRoleAndSchoolRolesNeedASchool() throws Exception {
        String email = "officer-" + UUID.randomUUID() + "@example.org";
        mvc.perform(post("/admin/users").param("name", "Ola Officer").param("email", email)
                        .param("role", "HEADTEACHER").param("school", "").with(csrf()).with(user(demo("admin"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Select the school for a headteacher account")));
        mvc.perform(post("/admin/users").param("name", "Ola Officer").param("email", email).param("role", "")
                        .with(csrf()).with(user(demo("admin"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Select a role")));
        mvc.perform(post("/admin/users").param("name", "Ola Officer").param("email", email)
                        .param("role", "LA_OFFICER").param("school", String.valueOf(demo("head1").schoolId()))
                        .with(csrf()).with(user(demo("admin"))))
                .andExpect(status().is3xxRedirection());
        PortalUser officer = users.findByEmail(email).orElseThrow();
        assertThat(officer.role()).isEqualTo(Role.LA_OFFICER);
        assertThat(officer.schoolId()).as("LA roles belong to no school").isNull();

        String head = "head-" + UUID.randomUUID() + "@example.org";
        mvc.perform(post("/admin/users").param("name", "Hal Head").param("email", head)
                        .param("role", "HEADTEACHER").param("school", String.valueOf(demo("head2").schoolId()))
                        .with(csrf()).with(user(demo("admin"))))
                .andExpect(status().is3xxRedirection());
        assertThat(users.findByEmail(head).orElseThrow().schoolId()).isEqualTo(demo("head2").schoolId());
        assertThat(jdbc.sql("select count(*) from outbox_mail where to_address = :e").param("e", head)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAdministratorUnlocksDisablesAndSendsAResetLink() throws Exception {
        long id = newUser(Role.MODERATOR, null);
        jdbc.sql("update app_user set locked_until = now() + interval '10 minutes' where id = :id").param("id", id)
                .update();
        mvc.perform(get("/admin/users/" + id).with(user(demo("admin")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Locked")))
                .andExpect(content().string(containsString("Unlock")));
        mvc.perform(post("/admin/users/" + id + "/unlock").with(csrf()).with(user(demo("admin"))))
                .andExpect(redirectedUrl("/admin/users/" + id));
        assertThat(users.findById(id).orElseThrow().isAccountNonLocked()).isTrue();

        mvc.perform(post("/admin/users/" + id + "/reset").with(csrf()).with(user(demo("admin"))))
                .andExpect(redirectedUrl("/admin/users/" + id));
        String email = users.findById(id).orElseThrow().email();
        assertThat(jdbc.sql("select count(*) from outbox_mail where to_address = :e and subject like 'Reset%'")
                .param("e", email).query(Long.class).single()).isEqualTo(1);

        mvc.perform(post("/admin/users/" + id + "/disable").with(csrf()).with(user(demo("admin"))))
                .andExpect(redirectedUrl("/admin/users/" + id));
        assertThat(users.findById(id).orElseThrow().isEnabled()).isFalse();
        mvc.perform(post("/admin/users/" + id + "/enable").with(csrf()).with(user(demo("admin"))))
                .andExpect(redirectedUrl("/admin/users/" + id));
        assertThat(users.findById(id).orElseThrow().isEnabled()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where target = :t and action in "
                + "('USER_UNLOCKED', 'PASSWORD_RESET_SENT', 'USER_DISABLED', 'USER_ENABLED')")
                .param("t", "user:" + email).query(Long.class).single()).isEqualTo(4);

        mvc.perform(post("/admin/users/" + id + "/explode").with(csrf()).with(user(demo("admin"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/users/999999999").with(user(demo("admin")))).andExpect(status().isNotFound());
    }

    @Test
    void aDisabledUserIsSignedOutOnTheirNextPage() throws Exception {
        long id = newUser(Role.SCHOOL_STAFF, demo("head1").schoolId());
        PortalUser signedIn = users.findById(id).orElseThrow();
        mvc.perform(get("/").with(user(signedIn))).andExpect(status().isOk());
        mvc.perform(post("/school/staff/" + id + "/disable").with(csrf()).with(user(demo("head1"))))
                .andExpect(redirectedUrl("/school/staff"));
        mvc.perform(get("/").with(user(signedIn))).andExpect(redirectedUrl("/sign-in"));
    }

    private long newUser(Role role, Long school) {
        return users.create("u-" + UUID.randomUUID() + "@example.org", "Una User", passwords.encode("x-password-123"),
                role, school);
    }

    private PortalUser demo(String name) {
        return users.findByEmail(name + "@demo.openreturns.org").orElseThrow();
    }
}
