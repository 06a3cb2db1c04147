package org.openreturns.server.requests;

/**
 * Where a school's file request stands. Stored on {@code file_request.status}; "overdue" is not stored but derived
 * from the deadline (see {@link #isOpen()}), so it never goes stale.
 */
public enum RequestStatus {
    NOT_STARTED("Not started", "govuk-tag--grey"),
    RECEIVED("Received", "govuk-tag--blue"),
    CHECKING("Checking", "govuk-tag--light-blue"),
    FAILED_CHECKS("Failed checks", "govuk-tag--red"),
    QUERIES_TO_EXPLAIN("Queries to explain", "govuk-tag--yellow"),
    CHECKED("Checked", "govuk-tag--turquoise"),
    ACCEPTED("Accepted by the LA", "govuk-tag--green"),
    RETURNED("Returned to the school", "govuk-tag--orange");

    private final String label;
    private final String tagClass;

    RequestStatus(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    public String label() {
        return label;
    }

    /** The GOV.UK tag modifier that colours this status. */
    public String tagClass() {
        return tagClass;
    }

    /** Still waiting for the school: a request in one of these states is overdue once its deadline has passed. */
    public boolean isOpen() {
        return this == NOT_STARTED || this == FAILED_CHECKS || this == QUERIES_TO_EXPLAIN || this == RETURNED;
    }

    /** The status a checked submission leaves its request in. */
    public static RequestStatus afterChecks(int errors, int unexplainedQueries) {
        if (errors > 0) {
            return FAILED_CHECKS;
        }
        return unexplainedQueries > 0 ? QUERIES_TO_EXPLAIN : CHECKED;
    }
}
