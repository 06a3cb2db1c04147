package org.openreturns.server.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A small pool of threads that claim jobs with {@code for update skip locked}, so that any number of workers in any
 * number of instances never take the same job twice. Workers poll, and are woken at once when a job is enqueued.
 *
 * <p>Nothing is lost when a worker dies: a running job's lock is renewed by a heartbeat, and a job whose lock has
 * gone stale is claimed again; at start-up, jobs still locked by an earlier process on this host are released at
 * once. Each claim has its own lock token, so a worker whose job was taken back meanwhile cannot mark it done; a job
 * enqueued again while it runs is run once more after it finishes, never beside itself.
 */
@Component
class JobWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);

    private final JdbcClient jdbc;
    private final JobProperties properties;
    private final ObjectProvider<JobHandler> handlerProvider;
    private final String hostPrefix;
    private final String instance;
    private final AtomicLong claims = new AtomicLong();
    private final Semaphore signal = new Semaphore(0);
    private final Map<Long, String> running = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private Map<String, JobHandler> handlers;
    private ScheduledExecutorService heartbeat;
    private volatile boolean started;

    JobWorkers(JdbcClient jdbc, JobProperties properties, ObjectProvider<JobHandler> handlerProvider) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.handlerProvider = handlerProvider;
        this.hostPrefix = hostName() + "/";
        this.instance = hostPrefix + UUID.randomUUID();
    }

    record Claimed(long id, String kind, long payloadId, int attempts, String token) {
    }

    @Override
    public synchronized void start() {
        handlers = handlerProvider.orderedStream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        int released = releaseLocksOfEarlierProcesses();
        if (released > 0) {
            log.info("Took back {} job(s) left running by an earlier process on this host", released);
        }
        started = true;
        for (int i = 1; i <= properties.workers(); i++) {
            Thread t = new Thread(this::work, "job-worker-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        long beat = Math.max(1000, properties.staleAfter().toMillis() / 4);
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::renewLocks, beat, beat, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        started = false;
        signal.release(threads.size() + 1);
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Wakes a sleeping worker; called after a transaction that enqueued a job commits. */
    void wake() {
        if (signal.availablePermits() < Math.max(1, properties.workers())) {
            signal.release();
        }
    }

    /** Jobs locked by an earlier run of this service on this host, which died with them still running. */
    int releaseLocksOfEarlierProcesses() {
        return jdbc.sql("""
                update job set status = 'QUEUED', locked_by = null, locked_at = null, run_after = now()
                where status = 'RUNNING' and starts_with(locked_by, :host) and not starts_with(locked_by, :me)""")
                .param("host", hostPrefix)
                .param("me", instance)
                .update();
    }

    private void work() {
        while (started) {
            try {
                Claimed job = claim();
                if (job == null) {
                    signal.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    run(job);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be restarting; back off and try again rather than let the worker die.
                log.warn("Job worker could not claim work: {}", e.toString());
                try {
                    Thread.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    Claimed claim() {
        String token = instance + ":" + claims.incrementAndGet();
        return jdbc.sql("""
                update job j set status = 'RUNNING', attempts = j.attempts + 1, locked_by = :token, locked_at = now()
                from (select id from job
                      where (status = 'QUEUED' and run_after <= now())
                         or (status = 'RUNNING' and locked_at < now() - make_interval(secs => :stale))
                      order by run_after, id
                      limit 1
                      for update skip locked) next
                where j.id = next.id
                returning j.id, j.kind, j.payload_id, j.attempts""")
                .param("token", token)
                .param("stale", (double) properties.staleAfter().toSeconds())
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getString("kind"), rs.getLong("payload_id"),
                        rs.getInt("attempts"), token))
                .optional().orElse(null);
    }

    /** Marks a claimed job done, or queues it again at once if it was enqueued again while it ran. */
    void finished(Claimed job) {
        boolean again = jdbc.sql("""
                update job set status = case when rerun then 'QUEUED' else 'DONE' end,
                       attempts = case when rerun then 0 else attempts end, rerun = false, run_after = now(),
                       locked_by = null, locked_at = null, last_error = null
                where id = :id and locked_by = :token
                returning status = 'QUEUED'""")
                .param("id", job.id()).param("token", job.token()).query(Boolean.class).optional().orElse(false);
        if (again) {
            wake();
        }
    }

    void run(Claimed job) {
        JobHandler handler = handlers.get(job.kind());
        if (handler == null) {
            giveUp(job, null, "No handler for job kind " + job.kind());
            return;
        }
        if (job.attempts() > properties.maxAttempts()) {
            // Only a job whose worker died every time gets here: it must not take the service down for ever.
            giveUp(job, handler, "Abandoned by a dying worker " + properties.maxAttempts() + " times");
            return;
        }
        running.put(job.id(), job.token());
        try {
            handler.handle(job.payloadId());
            finished(job);
        } catch (Exception | Error e) {
            log.warn("Job {} ({} {}) failed on attempt {}", job.id(), job.kind(), job.payloadId(), job.attempts(), e);
            String error = describe(e);
            if (job.attempts() >= properties.maxAttempts()) {
                giveUp(job, handler, error);
            } else {
                jdbc.sql("""
                        update job set status = 'QUEUED', rerun = false, locked_by = null, locked_at = null,
                               last_error = :error,
                               run_after = now() + make_interval(secs => :delay)
                        where id = :id and locked_by = :token""")
                        .param("error", error).param("delay", 2.0 * job.attempts())
                        .param("id", job.id()).param("token", job.token()).update();
            }
        } finally {
            running.remove(job.id());
        }
    }

    private void giveUp(Claimed job, JobHandler handler, String error) {
        int updated = jdbc.sql("""
                update job set status = 'FAILED', rerun = false, locked_by = null, locked_at = null,
                       last_error = :error
                where id = :id and locked_by = :token""")
                .param("error", error).param("id", job.id()).param("token", job.token()).update();
        if (updated == 1 && handler != null) {
            try {
                handler.gaveUp(job.payloadId(), error);
            } catch (RuntimeException e) {
                log.error("Could not record that job {} failed", job.id(), e);
            }
        }
    }

    private void renewLocks() {
        running.forEach((id, token) -> {
            try {
                jdbc.sql("update job set locked_at = now() where id = :id and locked_by = :token")
                        .param("id", id).param("token", token).update();
            } catch (RuntimeException e) {
                log.warn("Could not renew the lock of job {}: {}", id, e.toString());
            }
        });
    }

    private static String describe(Throwable e) {
        String text = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
