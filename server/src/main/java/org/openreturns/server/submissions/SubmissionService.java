package org.openreturns.server.submissions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.requests.FileProgress;
import org.openreturns.server.requests.Lateness;
import org.openreturns.server.requests.RequestStatus;
import org.openreturns.server.submissions.Views.FileView;
import org.openreturns.server.submissions.Views.FindingView;
import org.openreturns.server.submissions.Views.PupilFindings;
import org.openreturns.server.submissions.Views.RequestView;
import org.openreturns.server.submissions.Views.SubmissionView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads requests, versions and findings for the school (or the LA) allowed to see them, auditing every read of
 * pupil-level data, and records the school's explanations of queries. Anything of another school is "not found".
 */
@Service
class SubmissionService {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    SubmissionService(JdbcClient jdbc, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    private static final String REQUEST_SELECT = """
            select r.id, r.school_id, sc.name as school_name, c.kind, c.summer_year, r.title, r.description,
                   r.deadline, r.status, r.la_message, %s as late,
                   exists (select 1 from submission p where p.file_request_id = r.id and %s) as replacement_proposed,
                   (select d.message from declined_replacement d where d.file_request_id = r.id
                    order by d.declined_at desc limit 1) as declined_message
            from file_request r
            join school sc on sc.id = r.school_id
            join collection c on c.id = r.collection_id
            """.formatted(Lateness.OF_REQUEST_R, proposedSql("p"));

    /**
     * The SQL for "version {@code s} (of request {@code r}) is a proposed replacement": the newest version of an
     * accepted request, newer than the accepted one, and not declined by the LA.
     */
    private static String proposedSql(String s) {
        return """
                (r.status = 'ACCEPTED' and %1$s.version > (select a.version from submission a
                                                          where a.id = r.accepted_submission_id)
                 and %1$s.version = (select max(v.version) from submission v where v.file_request_id = r.id)
                 and not exists (select 1 from declined_replacement d where d.submission_id = %1$s.id))"""
                .formatted(s);
    }

    List<RequestView> requestsOf(long schoolId) {
        return jdbc.sql(REQUEST_SELECT + " where r.school_id = :school order by r.deadline, c.kind")
                .param("school", schoolId).param("zone", clock.getZone().getId())
                .query(this::request).list();
    }

    RequestView request(Actor actor, long requestId) {
        RequestView r = jdbc.sql(REQUEST_SELECT + " where r.id = :id").param("id", requestId)
                .param("zone", clock.getZone().getId()).query(this::request)
                .optional().orElse(null);
        if (r == null || !actor.maySee(r.schoolId())) {
            throw new SubmissionNotFoundException("File request " + requestId);
        }
        return r;
    }

    private RequestView request(ResultSet rs, int n) throws SQLException {
        RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
        return new RequestView(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
                rs.getString("kind"), rs.getInt("summer_year"), rs.getString("title"), rs.getString("description"),
                deadline, status, rs.getString("la_message"),
                status.isOpen() && deadline.isBefore(LocalDate.now(clock)), rs.getBoolean("late"),
                rs.getBoolean("replacement_proposed"), rs.getString("declined_message"));
    }

    private static final String SUBMISSION_SELECT = """
            select s.id, s.file_request_id, r.school_id, s.version, s.status, s.comment, s.received_at,
                   case when u.id is null then s.submitted_by_name
                        else u.display_name || ' (' || u.email || ')' end as received_by, s.submitted_via, s.pupils, s.errors,
                   s.queries, s.failure_message,
                   exists (select 1 from current_submission c where c.id = s.id) as current,
                   %s as proposed,
                   exists (select 1 from declined_replacement d where d.submission_id = s.id) as declined
            from submission s
            join file_request r on r.id = s.file_request_id
            left join app_user u on u.id = s.submitted_by
            """.formatted(proposedSql("s"));

    /** Every version of a request, newest first. */
    List<SubmissionView> versions(long requestId) {
        return jdbc.sql(SUBMISSION_SELECT + " where s.file_request_id = :id order by s.version desc")
                .param("id", requestId).query(SubmissionService::submission).list();
    }

    SubmissionView submission(Actor actor, long submissionId) {
        SubmissionView s = jdbc.sql(SUBMISSION_SELECT + " where s.id = :id").param("id", submissionId)
                .query(SubmissionService::submission).optional().orElse(null);
        if (s == null || !actor.maySee(s.schoolId())) {
            throw new SubmissionNotFoundException("Submission " + submissionId);
        }
        return s;
    }

    private static SubmissionView submission(ResultSet rs, int n) throws SQLException {
        Timestamp received = rs.getTimestamp("received_at");
        return new SubmissionView(rs.getLong("id"), rs.getLong("file_request_id"), rs.getLong("school_id"),
                rs.getInt("version"), SubmissionStatus.valueOf(rs.getString("status")), rs.getString("comment"), received.toInstant(),
                rs.getString("received_by"), rs.getString("submitted_via"), (Integer) rs.getObject("pupils"),
                (Integer) rs.getObject("errors"), (Integer) rs.getObject("queries"), rs.getString("failure_message"),
                rs.getBoolean("current"), rs.getBoolean("proposed"), rs.getBoolean("declined"));
    }

    List<FileView> files(long submissionId) {
        return jdbc.sql("""
                select id, file_name, size_bytes, sha256, archive_name from submission_file
                where submission_id = :id order by id""")
                .param("id", submissionId)
                .query((rs, n) -> new FileView(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /**
     * The findings of a checked submission, about the file first, then pupil by pupil in the file's order, errors
     * before queries. This is a read of pupil-level data, so it is audited.
     */
    List<FindingView> findings(Actor actor, SubmissionView s) {
        audit.record(actor.name(), actor.roleName(), s.schoolId(), "VIEW_FINDINGS", "submission " + s.id(),
                "request " + s.requestId() + " version " + s.version());
        return jdbc.sql("""
                select f.id, f.severity, f.code, f.upn, f.item, f.message, coalesce(f.line, 0) as line,
                       f.explanation, u.display_name as explained_by, f.explained_at, sf.file_name
                from finding f
                left join app_user u on u.id = f.explained_by
                left join submission_file sf on sf.id = f.file_id
                where f.submission_id = :id
                order by f.upn is not null, min(coalesce(nullif(f.line, 0), 2147483647)) over (partition by f.upn),
                         f.upn, case f.severity when 'error' then 0 when 'query' then 1 else 2 end, f.id""")
                .param("id", s.id())
                .query((rs, n) -> new FindingView(rs.getLong("id"), rs.getString("severity"), rs.getString("code"),
                        rs.getString("upn"), rs.getString("item"), rs.getString("message"), rs.getInt("line"),
                        rs.getString("explanation"), rs.getString("explained_by"),
                        rs.getTimestamp("explained_at") == null ? null : rs.getTimestamp("explained_at").toInstant(),
                        rs.getString("file_name")))
                .list();
    }

    /** Findings grouped pupil by pupil, each pupil named as the file names them; file-level findings first. */
    List<PupilFindings> byPupil(long submissionId, List<FindingView> findings) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select upn, forename, surname from pupil_result where submission_id = :id and upn is not null")
                .param("id", submissionId)
                .query(rs -> {
                    String name = ((rs.getString(2) == null ? "" : rs.getString(2)) + " "
                            + (rs.getString(3) == null ? "" : rs.getString(3))).strip();
                    names.putIfAbsent(rs.getString(1), name);
                });
        Map<String, List<FindingView>> grouped = new LinkedHashMap<>();
        for (FindingView f : findings) {
            grouped.computeIfAbsent(f.upn() == null ? "" : f.upn(), k -> new ArrayList<>()).add(f);
        }
        List<PupilFindings> result = new ArrayList<>();
        grouped.forEach((upn, list) -> result.add(new PupilFindings(upn.isEmpty() ? null : upn,
                upn.isEmpty() ? null : names.getOrDefault(upn, ""), list)));
        return result;
    }

    record Download(String fileName, byte[] content) {
    }

    @Transactional
    Download download(Actor actor, long submissionId, long fileId) {
        SubmissionView s = submission(actor, submissionId);
        Download d = jdbc.sql("select file_name, content from submission_file where id = :file and submission_id = :s")
                .param("file", fileId).param("s", submissionId)
                .query((rs, n) -> new Download(rs.getString(1), rs.getBytes(2))).optional()
                .orElseThrow(() -> new SubmissionNotFoundException("File " + fileId));
        audit.record(actor.name(), actor.roleName(), s.schoolId(), "DOWNLOAD_FILE", "submission_file " + fileId,
                "submission " + submissionId + " " + d.fileName());
        return d;
    }

    /** Why an explanation was not stored. */
    static final class ExplanationRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExplanationRefused(String message) {
            super(message);
        }
    }

    /**
     * Stores the school's explanation of a query of the current version; once no error and no unexplained query
     * remain, the request is checked.
     *
     * @return the submission the finding belongs to
     */
    @Transactional
    long explain(Actor actor, long findingId, String text) {
        var row = jdbc.sql("""
                select f.submission_id, f.severity, r.school_id, r.id as request_id from finding f
                join submission s on s.id = f.submission_id
                join file_request r on r.id = s.file_request_id
                where f.id = :id""")
                .param("id", findingId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getString(2).equals("query") ? 1 : 0, rs.getLong(3),
                        rs.getLong(4)})
                .optional().orElse(null);
        if (row == null || !actor.maySee(row[2])) {
            throw new SubmissionNotFoundException("Finding " + findingId);
        }
        long submissionId = row[0];
        if (actor.isLaStaff() || actor.userId() == null) {
            // The school answers for its data: the LA reads explanations but never writes them.
            throw new org.springframework.security.access.AccessDeniedException("Only the school can explain a query");
        }
        if (row[1] != 1) {
            throw new ExplanationRefused("Only queries can be explained; errors must be fixed in your MIS.");
        }
        if (!submission(actor, submissionId).open()) {
            throw new ExplanationRefused("This is an earlier version. Explain the queries of the latest version.");
        }
        String explanation = text == null ? "" : text.strip();
        if (explanation.isEmpty()) {
            throw new ExplanationRefused("Enter why this result is right");
        }
        if (explanation.length() > 1000) {
            throw new ExplanationRefused("The explanation must be 1,000 characters or fewer");
        }
        jdbc.sql("""
                update finding set explanation = :text, explained_by = :user, explained_at = :at where id = :id""")
                .param("text", explanation).param("user", actor.userId())
                .param("at", Timestamp.from(Instant.now(clock))).param("id", findingId).update();
        audit.record(actor.name(), actor.roleName(), row[2], "EXPLAIN_QUERY", "finding " + findingId,
                "submission " + submissionId);
        var counts = jdbc.sql("""
                select count(*) filter (where severity = 'error'),
                       count(*) filter (where severity = 'query' and explanation is null)
                from finding where submission_id = :id""")
                .param("id", submissionId).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        events.publishEvent(new FileProgress.QueryExplained(row[3], row[2], counts[0], counts[1], actor));
        return submissionId;
    }
}
