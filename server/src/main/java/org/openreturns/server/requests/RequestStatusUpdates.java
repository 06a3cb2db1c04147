package org.openreturns.server.requests;

import java.util.List;
import org.openreturns.server.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of a request's status as files arrive and are checked. Every change is conditional on the status
 * it moves from, so that a late event never overwrites the LA's decision or a newer version's state. Listeners are
 * synchronous: they run in the sender's transaction (see {@link FileProgress}).
 */
@Component
class RequestStatusUpdates {

    /** Statuses that checking may move on; the LA's accepted or returned stays as the LA left it. */
    static final List<RequestStatus> CHECKABLE = List.of(RequestStatus.RECEIVED, RequestStatus.CHECKING,
            RequestStatus.FAILED_CHECKS, RequestStatus.QUERIES_TO_EXPLAIN, RequestStatus.CHECKED);

    /** Statuses an explanation may move on: the checks are done and the LA has not decided yet. */
    static final List<RequestStatus> EXPLAINABLE = List.of(RequestStatus.QUERIES_TO_EXPLAIN, RequestStatus.CHECKED);

    private final JdbcClient jdbc;
    private final AuditLog audit;

    RequestStatusUpdates(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Statuses a new version resets: all but the LA's acceptance, after which a new version is only proposed. */
    static final List<RequestStatus> RESET_BY_UPLOAD = java.util.Arrays.stream(RequestStatus.values())
            .filter(s -> s != RequestStatus.ACCEPTED).toList();

    /**
     * A new version resets whatever the request said, the LA's return included: the school has sent again. An
     * accepted request stays accepted: the new version is a proposed replacement (see {@link Replacements}).
     */
    @EventListener
    void received(FileProgress.Received event) {
        set(event.requestId(), RequestStatus.RECEIVED, RESET_BY_UPLOAD);
    }

    @EventListener
    void checkStarted(FileProgress.CheckStarted event) {
        set(event.requestId(), RequestStatus.CHECKING, CHECKABLE);
    }

    @EventListener
    void checked(FileProgress.Checked event) {
        set(event.requestId(), RequestStatus.afterChecks(event.errors(), event.unexplainedQueries()), CHECKABLE);
    }

    @EventListener
    void checkAbandoned(FileProgress.CheckAbandoned event) {
        set(event.requestId(), RequestStatus.RECEIVED, List.of(RequestStatus.CHECKING));
    }

    @EventListener
    void queryExplained(FileProgress.QueryExplained event) {
        RequestStatus after = RequestStatus.afterChecks(event.errors(), event.unexplainedQueries());
        if (set(event.requestId(), after, EXPLAINABLE)) {
            audit.record(event.actor().name(), event.actor().roleName(), event.schoolId(), "STATUS_CHANGED",
                    "file_request " + event.requestId(), after.name());
        }
    }

    /** Moves the request to {@code to} if it is in one of {@code from} and not there already; true if it moved. */
    private boolean set(long requestId, RequestStatus to, List<RequestStatus> from) {
        return jdbc.sql("update file_request set status = :to where id = :id and status in (:from) and status <> :to")
                .param("to", to.name()).param("id", requestId).param("from", from.stream().map(Enum::name).toList())
                .update() > 0;
    }
}
