package org.openreturns.server.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in person: their role and, for school roles, their one school. Every read of pupil data is authorised
 * against {@link #schoolId()}.
 */
public record PortalUser(long id, String email, String displayName, String passwordHash, Role role, Long schoolId,
        boolean enabled, Instant lockedUntil) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    public boolean isLaStaff() {
        return !role.isSchoolRole();
    }
}
