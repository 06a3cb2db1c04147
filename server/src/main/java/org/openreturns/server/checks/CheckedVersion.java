package org.openreturns.server.checks;

/**
 * A version being checked, and what its files must be.
 *
 * @param phonicsThreshold the collection's threshold mark, null while unpublished
 */
record CheckedVersion(long submissionId, long requestId, int version, long schoolId, RightReturn expected,
        Integer phonicsThreshold) {
}
