package org.openreturns.server.requests;

import java.sql.Date;
import java.time.LocalDate;
import org.openreturns.server.collections.DeadlineChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps each issued request's deadline in step with its collection's, in the same transaction as the change. */
@Component
class RequestDeadlines {

    private final JdbcClient jdbc;

    RequestDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Requests that had the old LA deadline move with it; a school's own deadline stays. */
    @EventListener
    void laDeadlineChanged(DeadlineChanged.LaDeadline event) {
        if (event.before() == null || event.after() == null) {
            return;
        }
        jdbc.sql("""
                update file_request r set deadline = :after
                where r.collection_id = :id and r.deadline = :before and not exists (
                  select 1 from collection_school cs where cs.collection_id = r.collection_id
                    and cs.school_id = r.school_id and cs.deadline_override is not null)""")
                .param("after", Date.valueOf(event.after())).param("id", event.collectionId())
                .param("before", Date.valueOf(event.before())).update();
    }

    /** The school's own deadline, or the LA's when it has none; a request with neither keeps what it had. */
    @EventListener
    void schoolDeadlineChanged(DeadlineChanged.SchoolDeadline event) {
        LocalDate deadline = event.own() != null ? event.own() : event.laDeadline();
        if (deadline == null) {
            return;
        }
        jdbc.sql("update file_request set deadline = :d where collection_id = :id and school_id = :school")
                .param("d", Date.valueOf(deadline)).param("id", event.collectionId())
                .param("school", event.schoolId()).update();
    }
}
