package org.openreturns.server.submissions;

/** An upload that was not stored, with a message for the school that says what is wrong and what to do. */
public class UploadRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UploadRefused(String message) {
        super(message);
    }
}
