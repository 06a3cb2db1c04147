package org.openreturns.server.requests;

import org.openreturns.server.collections.FinalFigures;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The LA's file requests: issuing one to every school in a collection's scope, and accepting or returning what a
 * school sent. Status changes are conditional updates, so that a decision never overwrites a newer upload's state.
 */
@Service
public class FileRequests {

    /** A file request as the LA sees it, with who decided on it. Times are in the service's time zone. */
    public record Request(long id, long collectionId, long schoolId, String title, String description,
            LocalDate deadline, RequestStatus status, String laMessage, LocalDateTime createdAt,
            LocalDateTime acceptedAt, String acceptedBy, LocalDateTime returnedAt, String returnedBy) {
    }

    /** One of a school's own requests, as the school (or its API token) sees it. */
    public record SchoolRequest(long id, Collection kind, int summerYear, String title, LocalDate deadline,
            RequestStatus status, boolean overdue, boolean late) {
    }

    /** Statuses a request can be returned to the school from: something was sent and its checks have finished. */
    static final List<RequestStatus> RETURNABLE = List.of(RequestStatus.FAILED_CHECKS,
            RequestStatus.QUERIES_TO_EXPLAIN, RequestStatus.CHECKED, RequestStatus.ACCEPTED);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final SchoolNotices notices;
    private final FinalFigures finalFigures;

    FileRequests(JdbcClient jdbc, AuditLog audit, Clock clock, SchoolNotices notices, FinalFigures finalFigures) {
        this.finalFigures = finalFigures;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.notices = notices;
    }

    /**
     * Issues a file request to every school in the collection's scope that has none yet, so issuing again only
     * reaches schools added since. A school's own deadline in the collection wins over the one given here. Returns
     * how many requests were issued.
     */
    @Transactional
    public int issueAll(long collectionId, String title, String description, LocalDate deadline, Actor actor) {
        record Issued(long id, long schoolId, LocalDate deadline) {
        }
        List<Issued> issued = jdbc.sql("""
                insert into file_request (collection_id, school_id, title, description, deadline)
                select cs.collection_id, cs.school_id, :title, :description, coalesce(cs.deadline_override, :deadline)
                from collection_school cs where cs.collection_id = :collection
                order by cs.school_id
                on conflict (collection_id, school_id) do nothing
                returning id, school_id, deadline""")
                .param("title", title).param("description", description).param("deadline", Date.valueOf(deadline))
                .param("collection", collectionId)
                .query((rs, n) -> new Issued(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate())).list();
        for (Issued request : issued) {
            audit.record(actor.name(), actor.roleName(), request.schoolId(), "REQUEST_ISSUED",
                    "collection:" + collectionId, title + ", deadline " + request.deadline());
            notices.requestIssued(request.schoolId(), request.id(), title, request.deadline());
        }
        return issued.size();
    }

    /** Schools in the collection's scope that have no file request yet. */
    public int awaitingRequests(long collectionId) {
        return jdbc.sql("""
                select count(*) from collection_school cs where cs.collection_id = :c and not exists (
                  select 1 from file_request r
                  where r.collection_id = cs.collection_id and r.school_id = cs.school_id)""")
                .param("c", collectionId).query(Integer.class).single();
    }

    /**
     * Locks a request for a new upload, so that two uploads at once get consecutive versions, and says whose it is.
     * Empty when there is no such request.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> lockForUpload(long id) {
        return jdbc.sql("select school_id from file_request where id = :id for update").param("id", id)
                .query(Long.class).optional();
    }

    /** Every request of one school, soonest deadline first. */
    public List<SchoolRequest> forSchool(long schoolId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select r.id, c.kind, c.summer_year, r.title, r.deadline, r.status, %s as late
                from file_request r join collection c on c.id = r.collection_id
                where r.school_id = :school
                order by r.deadline, r.id""".formatted(Lateness.OF_REQUEST_R))
                .param("school", schoolId).param("zone", clock.getZone().getId())
                .query((rs, n) -> {
                    LocalDate deadline = rs.getObject("deadline", LocalDate.class);
                    RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
                    return new SchoolRequest(rs.getLong("id"), Collection.valueOf(rs.getString("kind")),
                            rs.getInt("summer_year"), rs.getString("title"), deadline, status,
                            status.isOpen() && deadline.isBefore(today), rs.getBoolean("late"));
                })
                .list();
    }

    public Optional<Request> find(long id) {
        return jdbc.sql("""
                select r.*, a.display_name as accepted_name, b.display_name as returned_name
                from file_request r
                left join app_user a on a.id = r.accepted_by
                left join app_user b on b.id = r.returned_by
                where r.id = :id""")
                .param("id", id).query(this::map).optional();
    }

    /** Why the LA cannot accept a request in this state, or empty when it can. */
    public static Optional<String> whyNotAcceptable(RequestStatus status) {
        return Optional.ofNullable(switch (status) {
            case CHECKED -> null;
            case NOT_STARTED -> "The school has not sent a file yet.";
            case RECEIVED, CHECKING -> "The school's latest file is still being checked. Refresh the page in a "
                    + "moment.";
            case FAILED_CHECKS -> "The latest file failed its checks. The school must correct the errors and send "
                    + "the file again before it can be accepted.";
            case QUERIES_TO_EXPLAIN -> "The school must explain or correct every query before the file can be "
                    + "accepted.";
            case ACCEPTED -> "The request has already been accepted.";
            case RETURNED -> "The request was returned to the school. It can be accepted once the school sends a "
                    + "file that passes its checks.";
        });
    }

    public static boolean mayReturn(RequestStatus status) {
        return RETURNABLE.contains(status);
    }

    /**
     * Accepts a request whose latest file passed its checks, remembering which version the LA accepted: that version
     * stays the return until the LA accepts a replacement. False when its status does not allow that.
     */
    @Transactional
    public boolean accept(long id, Actor actor) {
        Optional<Long> school = jdbc.sql("""
                update file_request r set status = :accepted, accepted_at = :now, accepted_by = :user,
                  accepted_submission_id = (select s.id from submission s where s.file_request_id = r.id
                                            order by s.version desc limit 1)
                where r.id = :id and r.status = :checked returning r.school_id""")
                .param("accepted", RequestStatus.ACCEPTED.name()).param("checked", RequestStatus.CHECKED.name())
                .param("now", Timestamp.from(clock.instant())).param("user", actor.userId()).param("id", id)
                .query(Long.class).optional();
        school.ifPresent(s -> audit.record(actor.name(), actor.roleName(), s, "REQUEST_ACCEPTED",
                "file_request:" + id, null));
        return school.isPresent();
    }

    /** Why the LA may not return the request now: final figures would lose the school's return; else empty. */
    public Optional<String> whyNotReturnable(Request request) {
        if (!mayReturn(request.status())) {
            return Optional.of("The school's file is still being checked or it has not sent one yet.");
        }
        if (finalFigures.areFinal(request.collectionId())) {
            return Optional.of("The final figures for this collection are published and count this return. Reopen "
                    + "the collection from its report first.");
        }
        return Optional.empty();
    }

    /**
     * Returns a request to the school with the LA's message saying what to do; false when there is nothing to
     * return, its checks are still running or the collection's final figures count it. A returned request is no
     * longer accepted: the school's newest version is its return again.
     */
    @Transactional
    public boolean returnToSchool(long id, String message, Actor actor) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("A returned request needs a message to the school");
        }
        if (find(id).flatMap(this::whyNotReturnable).isPresent()) {
            return false;
        }
        List<String> returnable = RETURNABLE.stream().map(Enum::name).toList();
        record Returned(long schoolId, String title) {
        }
        Optional<Returned> school = jdbc.sql("""
                update file_request set status = :returned, la_message = :message, returned_at = :now,
                  returned_by = :user, accepted_submission_id = null
                where id = :id and status in (:returnable) returning school_id, title""")
                .param("returned", RequestStatus.RETURNED.name()).param("message", message.strip()).param("now", Timestamp.from(clock.instant()))
                .param("user", actor.userId()).param("id", id).param("returnable", returnable)
                .query((rs, n) -> new Returned(rs.getLong(1), rs.getString(2))).optional();
        school.ifPresent(s -> {
            audit.record(actor.name(), actor.roleName(), s.schoolId(), "REQUEST_RETURNED", "file_request:" + id,
                    message.strip());
            notices.requestReturned(s.schoolId(), id, s.title(), message.strip());
        });
        return school.isPresent();
    }

    private Request map(ResultSet rs, int row) throws SQLException {
        return new Request(rs.getLong("id"), rs.getLong("collection_id"), rs.getLong("school_id"),
                rs.getString("title"), rs.getString("description"), rs.getDate("deadline").toLocalDate(),
                RequestStatus.valueOf(rs.getString("status")), rs.getString("la_message"),
                local(rs.getTimestamp("created_at")), local(rs.getTimestamp("accepted_at")),
                rs.getString("accepted_name"), local(rs.getTimestamp("returned_at")), rs.getString("returned_name"));
    }

    LocalDateTime local(Timestamp t) {
        return t == null ? null : LocalDateTime.ofInstant(t.toInstant(), clock.getZone());
    }
}
