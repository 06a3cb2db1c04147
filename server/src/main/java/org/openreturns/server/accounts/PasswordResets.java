package org.openreturns.server.accounts;

import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Role;
import org.openreturns.server.identity.Actor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.mail.Mailer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links that let someone set their password: a reset they asked for (1 hour), or an invitation to a new account
 * (7 days). The link holds a random token; only its SHA-256 is stored, it works once, and using it signs nobody in.
 */
@Service
public class PasswordResets {

    static final Duration RESET_VALID = Duration.ofHours(1);
    static final Duration INVITE_VALID = Duration.ofDays(7);
    /** More reset e-mails than this to one address in an hour are quietly not sent, so nobody can flood a mailbox. */
    static final int RESETS_PER_ADDRESS_PER_HOUR = 3;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Mailer mailer;
    private final AuditLog audit;
    private final Clock clock;

    PasswordResets(JdbcClient jdbc, UserRepository users, PasswordEncoder passwords, Mailer mailer, AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.passwords = passwords;
        this.mailer = mailer;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Someone asked for a reset link for this address. Whether or not it has an account, the caller answers the
     * same; only the audit trail says what happened.
     */
    @Transactional
    public void requestReset(String email) {
        Optional<PortalUser> found = users.findByEmail(email);
        String outcome;
        if (found.isEmpty()) {
            outcome = "no such account";
        } else if (!found.get().isEnabled()) {
            outcome = "account disabled";
        } else if (recentLinks(found.get().id()) >= RESETS_PER_ADDRESS_PER_HOUR) {
            outcome = "too many requests for this address";
        } else {
            sendReset(found.get());
            outcome = "link sent";
        }
        audit.record(email.strip().toLowerCase(), found.map(u -> u.role().name()).orElse(null),
                found.map(PortalUser::schoolId).orElse(null), "PASSWORD_RESET_REQUESTED", null, outcome);
    }

    /** An administrator sends a user a reset link. */
    @Transactional
    public void sendResetFor(Actor by, long userId) {
        PortalUser user = users.findById(userId).orElseThrow();
        sendReset(user);
        audit.record(by.name(), by.roleName(), user.schoolId(), "PASSWORD_RESET_SENT", "user:" + user.email(), null);
    }

    /** Makes an account with no usable password and e-mails its owner a link to set one. */
    @Transactional
    public long invite(Actor by, String email, String displayName, Role role, Long schoolId, String schoolName) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        long id = users.createInvited(email, displayName, passwords.encode(Base64.getEncoder().encodeToString(secret)),
                role, schoolId);
        String token = newToken(id, INVITE_VALID);
        String where = schoolName == null ? "the local authority" : schoolName;
        String inviter = by.userId() == null ? by.name()
                : users.findById(by.userId()).map(PortalUser::displayName).orElse(by.name());
        mailer.send(email.strip().toLowerCase(), "You have an OpenReturns account", """
                Hello %s,

                %s has made you an OpenReturns account (%s) for %s.

                To choose your password, open this link within 7 days:

                %s

                Then sign in at %s with this email address.

                If you were not expecting this, you can ignore this email.
                """.formatted(displayName, inviter, role.label(), where, link(token), mailer.link("/sign-in")));
        audit.record(by.name(), by.roleName(), schoolId, "USER_INVITED", "user:" + email.strip().toLowerCase(),
                role.name());
        return id;
    }

    /** The user a link is for, while it is unused, unexpired and the account enabled. */
    public Optional<PortalUser> userFor(String token) {
        return jdbc.sql("""
                select user_id from password_reset where token_hash = :hash and used_at is null and expires_at > :now""")
                .param("hash", sha256(token)).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).optional()
                .flatMap(users::findById)
                .filter(PortalUser::isEnabled);
    }

    /**
     * Sets the password through a link, which is then used up together with every other open link of that user;
     * empty when the link no longer works (used meanwhile, expired, or the account disabled).
     */
    @Transactional
    public Optional<PortalUser> complete(String token, String newPassword) {
        Optional<PortalUser> user = jdbc.sql("""
                update password_reset set used_at = :now
                where token_hash = :hash and used_at is null and expires_at > :now returning user_id""")
                .param("hash", sha256(token)).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).optional()
                .flatMap(users::findById)
                .filter(PortalUser::isEnabled);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        PortalUser u = user.get();
        users.setPassword(u.id(), passwords.encode(newPassword));
        jdbc.sql("update password_reset set used_at = :now where user_id = :user and used_at is null")
                .param("now", Timestamp.from(clock.instant())).param("user", u.id()).update();
        audit.record(u.email(), u.role().name(), u.schoolId(), "PASSWORD_SET", "user:" + u.email(), "by e-mailed link");
        return user;
    }

    private void sendReset(PortalUser user) {
        String token = newToken(user.id(), RESET_VALID);
        mailer.send(user.email(), "Reset your OpenReturns password", """
                Hello %s,

                Someone asked to reset the password of your OpenReturns account (%s). If it was you, open this link \
                within 1 hour to choose a new password:

                %s

                The link works once. If you did not ask, ignore this email: your password has not changed.
                """.formatted(user.displayName(), user.email(), link(token)));
    }

    private long recentLinks(long userId) {
        return jdbc.sql("select count(*) from password_reset where user_id = :user and created_at > :since")
                .param("user", userId).param("since", Timestamp.from(clock.instant().minus(Duration.ofHours(1))))
                .query(Long.class).single();
    }

    private String newToken(long userId, Duration valid) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into password_reset (token_hash, user_id, expires_at, created_at)
                values (:hash, :user, :expires, :now)""")
                .param("hash", sha256(token)).param("user", userId)
                .param("expires", Timestamp.from(clock.instant().plus(valid)))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return token;
    }

    private String link(String token) {
        return mailer.link("/password-reset/" + token);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
