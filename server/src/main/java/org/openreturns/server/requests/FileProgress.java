package org.openreturns.server.requests;

import org.openreturns.server.identity.Actor;

/**
 * What happened to the file a school sent for a request, told by the features that receive and check it. Only
 * {@link RequestStatusUpdates} turns these into a request's status, so the rules for moving a status live in one
 * place. They are published inside the sender's transaction and handled there, so a status commits together with
 * the upload or findings it follows from, or not at all. The types live here, with their one listener, because
 * requests sits below submissions and checks: the senders import requests, never the other way round.
 */
public sealed interface FileProgress {

    long requestId();

    /** A new version was stored and its check queued. */
    record Received(long requestId) implements FileProgress {
    }

    /** The check of the request's current version began. */
    record CheckStarted(long requestId) implements FileProgress {
    }

    /** The current version's checks finished, with its errors and the queries not yet explained. */
    record Checked(long requestId, int errors, int unexplainedQueries) implements FileProgress {
    }

    /** The check gave up after its retries; the file stays received, and the LA has been told. */
    record CheckAbandoned(long requestId) implements FileProgress {
    }

    /** The school explained a query of the current version, leaving these errors and unexplained queries. */
    record QueryExplained(long requestId, long schoolId, int errors, int unexplainedQueries, Actor actor)
            implements FileProgress {
    }
}
