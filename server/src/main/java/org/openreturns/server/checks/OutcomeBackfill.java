package org.openreturns.server.checks;

import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versions checked before the check stored pupil outcomes (migration V9 lists the current ones) are checked again
 * once, at start-up, so that their reports are complete. The list is emptied in the same transaction as the checks
 * are queued, so each is queued once however many instances start.
 */
@Component
class OutcomeBackfill {

    private final JdbcClient jdbc;
    private final CheckQueue checks;

    OutcomeBackfill(JdbcClient jdbc, CheckQueue checks) {
        this.jdbc = jdbc;
        this.checks = checks;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void recheckVersionsWithoutOutcomes() {
        List<Long> waiting = jdbc.sql("delete from outcome_backfill returning submission_id").query(Long.class)
                .list();
        waiting.forEach(checks::check);
    }
}
