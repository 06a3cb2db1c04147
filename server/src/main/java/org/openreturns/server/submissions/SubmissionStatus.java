package org.openreturns.server.submissions;

/** Where one uploaded version stands in its check. Stored on {@code submission.status}. */
public enum SubmissionStatus {
    /** Stored, its check queued. */
    RECEIVED,
    CHECKING,
    /** Its findings and pupils are written. */
    CHECKED,
    /** The check gave up after its retries; the file is kept and can be checked again. */
    FAILED;

    /** Nothing more will happen to it without someone acting. */
    public boolean finished() {
        return this == CHECKED || this == FAILED;
    }
}
