package org.openreturns.server.checks;

import org.openreturns.server.jobs.JobQueue;
import org.openreturns.server.submissions.SubmissionReceived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues the check of a version: when it is received, and again when something it was checked against changes. The
 * job's kind is known only here and to {@link CheckJob}.
 */
@Component
class CheckQueue {

    static final String KIND = "check-submission";

    private final JobQueue jobs;

    CheckQueue(JobQueue jobs) {
        this.jobs = jobs;
    }

    /** In the upload's own transaction, so that a receipt never exists without its queued check. */
    @EventListener
    void received(SubmissionReceived event) {
        check(event.submissionId());
    }

    /** Queues the check, or a re-check: the job runs once more if it is running now. */
    void check(long submissionId) {
        jobs.enqueue(KIND, submissionId);
    }
}
