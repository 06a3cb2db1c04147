package org.openreturns.server.identity;

/** Role checks for pages that belong to one role: anyone else is refused with 403. */
public final class Access {

    private Access() {
    }

    public static PortalUser require(PortalUser user, Role role) {
        if (user == null || user.role() != role) {
            throw Refused.forbidden();
        }
        return user;
    }
}
