package org.openreturns.server.identity;

/** Who a user is to the service; school roles always belong to one school, LA roles to none. */
public enum Role {
    LA_ADMIN("LA administrator", false),
    LA_OFFICER("LA data officer", false),
    MODERATOR("Moderator", false),
    HEADTEACHER("Headteacher", true),
    SCHOOL_STAFF("School staff", true);

    private final String label;
    private final boolean school;

    Role(String label, boolean school) {
        this.label = label;
        this.school = school;
    }

    public String label() {
        return label;
    }

    public boolean isSchoolRole() {
        return school;
    }

    /** The Spring Security authority, "ROLE_LA_ADMIN". */
    public String authority() {
        return "ROLE_" + name();
    }
}
