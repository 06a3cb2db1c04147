package org.openreturns.server.identity;

import org.springframework.security.core.Authentication;

/**
 * Who is doing something, whether a signed-in person or an API token, in the one shape that authorisation and the
 * audit trail need. A school actor may only ever reach its own school's data.
 */
public record Actor(Long userId, String name, Role role, Long schoolId, Channel channel) {

    public enum Channel { WEB, API, SYSTEM }

    public static Actor of(Authentication authentication) {
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof PortalUser user) {
            return new Actor(user.id(), user.email(), user.role(), user.schoolId(), Channel.WEB);
        }
        if (principal instanceof ApiClient client) {
            return new Actor(null, "api-token:" + client.tokenId() + " (" + client.label() + ")", null,
                    client.schoolId(), Channel.API);
        }
        throw new IllegalStateException("No signed-in user or API token");
    }

    /** Background work and demo seeding, which act for nobody in particular. */
    public static Actor system(String what) {
        return new Actor(null, what, null, null, Channel.SYSTEM);
    }

    public boolean isLaStaff() {
        return role != null && !role.isSchoolRole();
    }

    /** LA staff see every school; a school user or token only its own. */
    public boolean maySee(long schoolId) {
        return isLaStaff() || (this.schoolId != null && this.schoolId == schoolId);
    }

    public String roleName() {
        return role == null ? channel.name() : role.name();
    }
}
