package org.openreturns.server.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Role checks for pages that belong to one role: anyone else is refused with 403. */
public final class Access {

    private Access() {
    }

    public static PortalUser require(PortalUser user, Role role) {
        if (user == null || user.role() != role) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return user;
    }
}
