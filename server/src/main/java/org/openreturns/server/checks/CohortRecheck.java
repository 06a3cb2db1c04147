package org.openreturns.server.checks;

import java.util.List;
import org.openreturns.server.cohorts.CohortLoaded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the LA loads a collection's expected pupils, the current version of every school's return in that collection
 * is checked again, so that returns already sent get the queries of the new list without a new upload.
 */
@Component
class CohortRecheck {

    private final JdbcClient jdbc;
    private final CheckQueue checks;
    private final TransactionTemplate tx;

    CohortRecheck(JdbcClient jdbc, CheckQueue checks, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.tx = tx;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void cohortLoaded(CohortLoaded event) {
        tx.executeWithoutResult(status -> {
            List<Long> current = jdbc.sql("""
                    select s.id from current_submission s
                    join file_request r on r.id = s.file_request_id
                    where r.collection_id = :collection""")
                    .param("collection", event.collectionId()).query(Long.class).list();
            current.forEach(checks::check);
        });
    }
}
