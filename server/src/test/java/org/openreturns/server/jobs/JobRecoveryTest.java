package org.openreturns.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.server.testing.Eventually.await;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.openreturns.server.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A job whose worker died is not lost: one locked by an earlier process on this host is taken back at start-up, and
 * one whose lock has gone stale (a dead instance elsewhere) is claimed again by the live workers.
 */
@PortalTest
class JobRecoveryTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobWorkers workers;

    @Autowired
    JobQueue queue;

    private long job(String lockedBy, String lockedAgo) {
        return jdbc.sql("""
                insert into job (kind, payload_id, status, attempts, locked_by, locked_at)
                values ('test-unknown-kind', (select coalesce(max(payload_id), 0) + 1 from job), 'RUNNING', 1,
                        :lockedBy, now() - cast(:ago as interval))
                returning id""")
                .param("lockedBy", lockedBy).param("ago", lockedAgo).query(Long.class).single();
    }

    private String statusNow(long id) {
        return jdbc.sql("select status from job where id = :id").param("id", id).query(String.class).single();
    }

    /** The job's status once a worker has run it to an end. */
    private String status(long id) {
        return await("job " + id + " run to an end").until(() -> statusNow(id),
                status -> !status.equals("RUNNING") && !status.equals("QUEUED"));
    }

    /**
     * Proves the workers have looked for work since now: a job enqueued after this moment, claimed and ended. A job
     * that a worker would wrongly take is older, so it would have been taken first.
     */
    private void awaitWorkersPolledSinceNow() {
        long marker = jdbc.sql("select coalesce(max(payload_id), 0) + 1 from job where kind = 'test-marker'")
                .query(Long.class).single();
        queue.enqueue("test-marker", marker);
        long id = jdbc.sql("select id from job where kind = 'test-marker' and payload_id = :p").param("p", marker)
                .query(Long.class).single();
        status(id);
    }

    @Test
    void aJobLeftRunningByAnEarlierProcessOnThisHostIsTakenBackAtStartUp() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        long id = job(host + "/an-earlier-process:1", "1 second");

        assertThat(workers.releaseLocksOfEarlierProcesses()).isGreaterThanOrEqualTo(1);

        // Taken again: with no handler for its kind it ends FAILED with the reason, rather than hanging for ever.
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select last_error from job where id = :id").param("id", id).query(String.class).single())
                .contains("No handler");
    }

    @Test
    void aJobWhoseLockWentStaleIsClaimedAgainByALiveWorker() throws Exception {
        long id = job("another-host/a-dead-instance:7", "1 hour");

        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select attempts from job where id = :id").param("id", id).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void aJobEnqueuedAgainWhileItRunsRunsOnceMoreAfterItFinishesAndNeverBesideItself() throws Exception {
        long id = job("this-host/a-running-worker:1", "1 second");
        long payload = jdbc.sql("select payload_id from job where id = :id").param("id", id).query(Long.class).single();

        queue.enqueue("test-unknown-kind", payload);
        awaitWorkersPolledSinceNow();
        var row = jdbc.sql("select status, locked_by, rerun from job where id = :id").param("id", id).query()
                .singleRow();
        assertThat(row).as("still the first run's, so no other worker can start a second run beside it")
                .containsEntry("status", "RUNNING").containsEntry("locked_by", "this-host/a-running-worker:1")
                .containsEntry("rerun", true);

        workers.finished(new JobWorkers.Claimed(id, "test-unknown-kind", payload, 1,
                "this-host/a-running-worker:1"));
        // Queued again rather than done: a live worker takes it (and, with no handler for this kind, fails it).
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select rerun from job where id = :id").param("id", id).query(Boolean.class).single())
                .isFalse();
    }

    @Test
    void aFreshLockOfAnotherLiveInstanceIsLeftAlone() throws Exception {
        long id = job("another-host/a-live-instance:3", "1 second");
        workers.releaseLocksOfEarlierProcesses();
        awaitWorkersPolledSinceNow();
        assertThat(statusNow(id)).isEqualTo("RUNNING");
        jdbc.sql("delete from job where id = :id").param("id", id).update();
    }
}
