package org.openreturns.server.submissions;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such request, submission, file or finding, or one of another school's: the two look the same, so that a school
 * cannot learn what other schools have.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class SubmissionNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SubmissionNotFoundException(String what) {
        super(what + " not found");
    }
}
