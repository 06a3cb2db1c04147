package org.openreturns.server.requests;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a request is late: its newest version arrived after the end of the deadline day, in the service's time
 * zone. Derived on every look, never stored, so that a deadline the LA moves (for every school or for one) moves the
 * mark with it. Late returns are normal and accepted; the mark only tells the LA which ones came in late.
 */
@Component
public class Lateness {

    /**
     * The SQL for "request {@code r} is late", for queries of other features that list requests; bind {@code :zone}
     * to {@link #zone()}.
     */
    public static final String OF_REQUEST_R = """
            coalesce((select timezone(:zone, max(late_v.received_at))::date > r.deadline
                      from submission late_v where late_v.file_request_id = r.id), false)""";

    public static final String LABEL = "Late";
    public static final String TAG_CLASS = "govuk-tag--pink";

    private final JdbcClient jdbc;
    private final Clock clock;

    Lateness(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String zone() {
        return clock.getZone().getId();
    }

    public boolean isLate(long requestId) {
        return jdbc.sql("select " + OF_REQUEST_R + " from file_request r where r.id = :id")
                .param("zone", zone()).param("id", requestId).query(Boolean.class).optional().orElse(false);
    }
}
