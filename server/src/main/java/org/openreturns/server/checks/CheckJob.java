package org.openreturns.server.checks;

import org.openreturns.engine.validation.FileReport;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.checks.CheckRecords.Counts;
import org.openreturns.server.jobs.JobHandler;
import org.openreturns.server.requests.FileProgress;
import org.openreturns.server.submissions.CheckOutcomes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a stored version in the background: marks it checking, runs the engine over its files outside any
 * transaction, then in one transaction writes what was found and tells the submission, the request (if the version is
 * still current) and the audit trail. A run may be repeated: it replaces what the last one wrote.
 */
@Component
class CheckJob implements JobHandler {

    private final CheckRecords records;
    private final EngineRun engine;
    private final CheckOutcomes submissions;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CohortQueries cohorts;

    CheckJob(CheckRecords records, EngineRun engine, CheckOutcomes submissions, TransactionTemplate tx,
            AuditLog audit, ApplicationEventPublisher events, CohortQueries cohorts) {
        this.records = records;
        this.engine = engine;
        this.submissions = submissions;
        this.tx = tx;
        this.audit = audit;
        this.events = events;
        this.cohorts = cohorts;
    }

    @Override
    public String kind() {
        return CheckQueue.KIND;
    }

    @Override
    public void handle(long submissionId) {
        CheckedVersion version = tx.execute(status -> start(submissionId));
        if (version == null) {
            return;
        }
        EngineRun.Result run = engine.run(version);
        tx.executeWithoutResult(status -> finish(version, run));
    }

    private CheckedVersion start(long submissionId) {
        CheckedVersion version = records.find(submissionId).orElse(null);
        if (version == null) {
            return null;
        }
        submissions.started(submissionId);
        if (records.isCurrent(submissionId)) {
            events.publishEvent(new FileProgress.CheckStarted(version.requestId()));
        }
        return version;
    }

    private void finish(CheckedVersion version, EngineRun.Result run) {
        long id = version.submissionId();
        records.lock(id);
        Counts counts = records.replace(version, run, cohorts.of(version, run));
        for (EngineRun.FileOutcome file : run.files()) {
            FileReport r = file.report();
            submissions.fileRead(file.fileId(), r.collection(), r.year() == null ? null : r.year().summerYear(),
                    r.readable() ? null : r.readError().getMessage());
        }
        submissions.finished(id, counts.pupils(), counts.errors(), counts.queries(), counts.unexplainedQueries());
        if (records.isCurrent(id)) {
            events.publishEvent(new FileProgress.Checked(version.requestId(), counts.errors(),
                    counts.unexplainedQueries()));
        }
        audit.record("background check", "SYSTEM", version.schoolId(), "CHECKED", "submission " + id,
                counts.pupils() + " pupils, " + counts.errors() + " errors, " + counts.queries() + " queries");
    }

    @Override
    public void gaveUp(long submissionId, String error) {
        tx.executeWithoutResult(status -> records.find(submissionId).ifPresent(version -> {
            submissions.failed(submissionId);
            events.publishEvent(new FileProgress.CheckAbandoned(version.requestId()));
            audit.record("background check", "SYSTEM", version.schoolId(), "CHECK_FAILED",
                    "submission " + submissionId, error);
        }));
    }
}
