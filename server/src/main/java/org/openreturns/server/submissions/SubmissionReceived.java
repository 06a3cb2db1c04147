package org.openreturns.server.submissions;

/**
 * A new version of a request was stored. Published inside the upload's transaction and handled there, so that what
 * follows from it (the check being queued) commits together with the receipt, or not at all.
 */
public record SubmissionReceived(long submissionId, long requestId) {
}
