package org.openreturns.server.cohorts;

/**
 * Published when the LA has loaded a collection's expected pupils, in the load's transaction, so that listeners may
 * act once it commits: the returns already sent are compared with the new list without a new upload.
 */
public record CohortLoaded(long collectionId) {
}
