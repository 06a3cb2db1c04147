package org.openreturns.server.jobs;

/**
 * Does one kind of background work. {@link #handle} may run more than once for the same payload (after a crash, a
 * restart or a failure), so it must be idempotent.
 */
public interface JobHandler {

    /** The {@code job.kind} this handler takes. */
    String kind();

    void handle(long payloadId) throws Exception;

    /** Called once when the job has failed too often and will not be tried again; {@code error} is for the log. */
    default void gaveUp(long payloadId, String error) {
    }
}
