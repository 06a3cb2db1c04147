package org.openreturns.server.identity;

import org.springframework.http.HttpStatus;

/**
 * A page that is not there for this user (404, also for another school's things) or not for their role (403),
 * shown as a GOV.UK page rather than a problem document.
 */
public final class Refused extends RuntimeException {

    private final HttpStatus status;

    private Refused(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static Refused notFound() {
        return new Refused(HttpStatus.NOT_FOUND, "Page not found");
    }

    public static Refused forbidden() {
        return new Refused(HttpStatus.FORBIDDEN, "You cannot use this page");
    }

    public HttpStatus status() {
        return status;
    }
}
