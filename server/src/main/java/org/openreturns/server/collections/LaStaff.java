package org.openreturns.server.collections;

import org.openreturns.server.identity.Actor;
import org.openreturns.server.identity.Role;

/**
 * Who may change the LA's collections and requests. The security chain already keeps school roles out of
 * {@code /la/**} and moderators away from changes; pages use this to show only the actions a user may take.
 */
public final class LaStaff {

    private LaStaff() {
    }

    public static boolean mayManage(Actor actor) {
        return actor.role() == Role.LA_ADMIN || actor.role() == Role.LA_OFFICER;
    }
}
