package org.openreturns.server.accounts;

import org.openreturns.server.identity.PortalUser;
import java.time.Clock;
import java.time.Duration;
import org.openreturns.server.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a while after repeated wrong passwords, so that guessing is slow; a right password resets
 * the count. Every sign-in and every failure is audited.
 */
@Component
class SignInThrottle {

    static final int ATTEMPTS = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    SignInThrottle(UserRepository users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String email = String.valueOf(event.getAuthentication().getPrincipal());
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            users.recordFailure(email, ATTEMPTS, clock.instant().plus(LOCK));
        }
        audit.record(email, null, null, "SIGN_IN_FAILED", null, event.getException().getClass().getSimpleName());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PortalUser user) {
            users.recordSuccess(user.email());
            audit.record(user.email(), user.role().name(), user.schoolId(), "SIGNED_IN", null, null);
        }
    }
}
