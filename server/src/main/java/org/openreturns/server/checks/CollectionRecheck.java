package org.openreturns.server.checks;

import java.util.List;
import org.openreturns.server.cohorts.CohortLoaded;
import org.openreturns.server.collections.PhonicsThresholdChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the current version of every school's return in a collection again when something the check reads changes
 * without a new upload: the phonics threshold (outcomes follow the new mark) or the expected pupils (returns already
 * sent get the queries of the new list).
 */
@Component
class CollectionRecheck {

    private final JdbcClient jdbc;
    private final CheckQueue checks;
    private final TransactionTemplate tx;

    CollectionRecheck(JdbcClient jdbc, CheckQueue checks, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.tx = tx;
    }

    /** Published only for phonics collections (collections refuses a threshold on any other). */
    @TransactionalEventListener(fallbackExecution = true)
    void thresholdChanged(PhonicsThresholdChanged event) {
        recheck(event.collectionId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void cohortLoaded(CohortLoaded event) {
        recheck(event.collectionId());
    }

    private void recheck(long collectionId) {
        tx.executeWithoutResult(status -> {
            List<Long> current = jdbc.sql("""
                    select s.id from current_submission s
                    join file_request r on r.id = s.file_request_id
                    where r.collection_id = :collection""")
                    .param("collection", collectionId).query(Long.class).list();
            current.forEach(checks::check);
        });
    }
}
