package org.openreturns.server.accounts;

import org.openreturns.server.identity.Refused;
import org.openreturns.server.identity.Role;
import org.openreturns.server.identity.Actor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openreturns.server.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing accounts: a headteacher their school's staff, an LA administrator everyone. Every change is audited,
 * and a user outside the actor's reach is reported as not found.
 */
@Service
class Accounts {

    private final UserRepository users;
    private final PasswordResets resets;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    Accounts(UserRepository users, PasswordResets resets, AuditLog audit, JdbcClient jdbc) {
        this.users = users;
        this.resets = resets;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** The form a new account comes from: what was typed, for showing it again with its errors. */
    record NewAccount(String name, String email, Role role, Long schoolId) {
    }

    /** Field id to message for a new account; empty when it can be made. */
    Map<String, String> check(NewAccount account) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (account.name() == null || account.name().isBlank()) {
            errors.put("name", "Enter the person's full name");
        } else if (account.name().strip().length() > 100) {
            errors.put("name", "Full name must be 100 characters or fewer");
        }
        String emailError = PasswordRules.emailError(account.email());
        if (emailError != null) {
            errors.put("email", emailError);
        } else if (users.existsByEmail(account.email())) {
            errors.put("email", "There is already an account with this email address");
        }
        if (account.role() == null) {
            errors.put("role", "Select a role");
        } else if (account.role().isSchoolRole() && account.schoolId() == null) {
            errors.put("school", "Select the school for a " + account.role().label().toLowerCase() + " account");
        } else if (account.role().isSchoolRole() && schoolName(account.schoolId()) == null) {
            errors.put("school", "Select a school from the list");
        }
        return errors;
    }

    /** Makes the account without a password and e-mails its owner an invitation to set one. */
    @Transactional
    long create(Actor by, NewAccount account) {
        Long school = account.role().isSchoolRole() ? account.schoolId() : null;
        return resets.invite(by, account.email().strip(), account.name().strip(), account.role(), school,
                school == null ? null : schoolName(school));
    }

    /** A user the actor may manage: any for an LA administrator, only their school's staff for a headteacher. */
    UserSummary manageable(Actor by, long userId) {
        UserSummary user = users.summary(userId).orElseThrow(Refused::notFound);
        if (by.role() == Role.LA_ADMIN) {
            return user;
        }
        if (by.role() == Role.HEADTEACHER && user.role() == Role.SCHOOL_STAFF && by.schoolId() != null
                && by.schoolId().equals(user.schoolId())) {
            return user;
        }
        throw Refused.notFound();
    }

    @Transactional
    void setEnabled(Actor by, long userId, boolean enabled) {
        UserSummary user = manageable(by, userId);
        if (by.userId() != null && by.userId() == userId) {
            throw Refused.forbidden();
        }
        users.setEnabled(userId, enabled);
        audit.record(by.name(), by.roleName(), user.schoolId(), enabled ? "USER_ENABLED" : "USER_DISABLED",
                "user:" + user.email(), null);
    }

    @Transactional
    void unlock(Actor by, long userId) {
        UserSummary user = manageable(by, userId);
        users.unlock(userId);
        audit.record(by.name(), by.roleName(), user.schoolId(), "USER_UNLOCKED", "user:" + user.email(), null);
    }

    @Transactional
    void sendResetLink(Actor by, long userId) {
        manageable(by, userId);
        resets.sendResetFor(by, userId);
    }

    String schoolName(Long schoolId) {
        if (schoolId == null) {
            return null;
        }
        return jdbc.sql("select name from school where id = :id").param("id", schoolId).query(String.class)
                .optional().orElse(null);
    }
}
