package org.openreturns.server.accounts;

import org.openreturns.server.identity.Role;
import java.time.Instant;

/** A user as the staff and user management pages list them. */
record UserSummary(long id, String email, String displayName, Role role, Long schoolId, String schoolName,
        String dfeNumber, boolean enabled, Instant lockedUntil, boolean passwordSet) {

    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now());
    }

    /** Disabled, locked, invited (no password set yet) or active, as a GOV.UK tag. */
    public String state() {
        if (!enabled) {
            return "Disabled";
        }
        if (locked()) {
            return "Locked";
        }
        return passwordSet ? "Active" : "Invited";
    }

    public String tagClass() {
        return switch (state()) {
            case "Disabled" -> "govuk-tag--grey";
            case "Locked" -> "govuk-tag--red";
            case "Invited" -> "govuk-tag--blue";
            default -> "govuk-tag--green";
        };
    }
}
