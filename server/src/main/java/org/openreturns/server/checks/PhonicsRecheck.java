package org.openreturns.server.checks;

import java.util.List;
import org.openreturns.server.collections.PhonicsThresholdChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the LA sets or changes a year's phonics threshold, the current version of every school's phonics upload in
 * that collection is checked again, so that outcomes follow the new mark.
 */
@Component
class PhonicsRecheck {

    private final JdbcClient jdbc;
    private final CheckQueue checks;
    private final TransactionTemplate tx;

    PhonicsRecheck(JdbcClient jdbc, CheckQueue checks, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.tx = tx;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void thresholdChanged(PhonicsThresholdChanged event) {
        tx.executeWithoutResult(status -> {
            List<Long> current = jdbc.sql("""
                    select s.id from current_submission s
                    join file_request r on r.id = s.file_request_id
                    join collection c on c.id = r.collection_id
                    where c.id = :collection and c.kind = 'PHONICS'""")
                    .param("collection", event.collectionId()).query(Long.class).list();
            current.forEach(checks::check);
        });
    }
}
