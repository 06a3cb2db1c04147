package org.openreturns.server.jobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Background work stored in PostgreSQL, so that it survives a crash and several instances can share it. A job is
 * enqueued in the caller's transaction, and the workers are woken as soon as that transaction commits.
 */
@Service
public class JobQueue {

    private final JdbcClient jdbc;
    private final JobWorkers workers;

    JobQueue(JdbcClient jdbc, JobWorkers workers) {
        this.jdbc = jdbc;
        this.workers = workers;
    }

    /**
     * Queues {@code kind} for {@code payloadId}. One job row per kind and payload: enqueueing again (a re-check) puts
     * the same row back in the queue; if it is running, it is marked to run once more when it finishes, so that two
     * runs for the same payload never overlap and the last one to finish is the newest.
     */
    public void enqueue(String kind, long payloadId) {
        jdbc.sql("""
                insert into job (kind, payload_id) values (:kind, :payload)
                on conflict (kind, payload_id) do update
                set status = case when job.status = 'RUNNING' then 'RUNNING' else 'QUEUED' end,
                    rerun = job.status = 'RUNNING',
                    attempts = case when job.status = 'RUNNING' then job.attempts else 0 end,
                    run_after = now(), last_error = null,
                    locked_by = case when job.status = 'RUNNING' then job.locked_by end,
                    locked_at = case when job.status = 'RUNNING' then job.locked_at end""")
                .param("kind", kind)
                .param("payload", payloadId)
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    workers.wake();
                }
            });
        } else {
            workers.wake();
        }
    }
}
