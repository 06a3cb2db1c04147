package org.openreturns.server.requests;

import org.openreturns.server.collections.FinalFigures;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.mail.Mailer;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's new version after the LA accepted its return is only a proposed replacement: it is checked as usual,
 * but the accepted version stays the return (the {@code current_submission} view follows
 * {@code file_request.accepted_submission_id}) and the request stays accepted until the LA accepts the new version
 * or declines it with a message. The LA's staff are e-mailed when one is proposed, so nothing changes behind their
 * back.
 */
@Service
public class Replacements {

    /** The newest version of an accepted request, newer than the accepted one and not declined. */
    public record Proposed(long submissionId, int version, int acceptedVersion, String checkStatus, int errors,
            int unexplainedQueries) {

        /** Checked, without errors and with every query explained: the LA may accept it. */
        public boolean acceptable() {
            return "CHECKED".equals(checkStatus) && errors == 0 && unexplainedQueries == 0;
        }
    }

    /** The LA's last "no" to a replacement of this request, for the school's and the LA's pages. */
    public record Declined(int version, String message) {
    }

    public static final String LABEL = "Accepted by the LA, replacement proposed";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Mailer mailer;
    private final FinalFigures finalFigures;

    Replacements(JdbcClient jdbc, AuditLog audit, Clock clock, Mailer mailer, FinalFigures finalFigures) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.mailer = mailer;
        this.finalFigures = finalFigures;
    }

    public Optional<Proposed> proposed(long requestId) {
        return jdbc.sql("""
                select s.id, s.version, a.version, s.status, coalesce(s.errors, 0),
                  (select count(*) from finding f where f.submission_id = s.id and f.severity = 'query'
                     and f.explanation is null)
                from file_request r
                join submission a on a.id = r.accepted_submission_id
                join submission s on s.file_request_id = r.id
                where r.id = :id and r.status = 'ACCEPTED' and s.version > a.version
                  and s.version = (select max(v.version) from submission v where v.file_request_id = r.id)
                  and not exists (select 1 from declined_replacement d where d.submission_id = s.id)""")
                .param("id", requestId)
                .query((rs, n) -> new Proposed(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getInt(5), rs.getInt(6)))
                .optional();
    }

    public Optional<Declined> lastDeclined(long requestId) {
        return jdbc.sql("""
                select s.version, d.message from declined_replacement d join submission s on s.id = d.submission_id
                where d.file_request_id = :id order by d.declined_at desc, s.version desc limit 1""")
                .param("id", requestId).query((rs, n) -> new Declined(rs.getInt(1), rs.getString(2))).optional();
    }

    /** Why the LA cannot accept the proposed replacement now; empty when it can. */
    public Optional<String> whyNotAcceptable(long requestId) {
        Optional<Proposed> proposed = proposed(requestId);
        if (proposed.isEmpty()) {
            return Optional.of("The school has not proposed a replacement.");
        }
        if (finalFigures.areFinal(collectionOf(requestId))) {
            return Optional.of("The final figures for this collection are published. Reopen the collection from "
                    + "its report before accepting a replacement.");
        }
        Proposed p = proposed.get();
        if (!"CHECKED".equals(p.checkStatus())) {
            return Optional.of("FAILED".equals(p.checkStatus()) ? "Version " + p.version() + " could not be checked."
                    : "Version " + p.version() + " is still being checked. Refresh the page in a moment.");
        }
        if (p.errors() > 0) {
            return Optional.of("Version " + p.version() + " has " + p.errors()
                    + (p.errors() == 1 ? " error" : " errors") + " the school must correct first.");
        }
        if (p.unexplainedQueries() > 0) {
            return Optional.of("The school must explain or correct every query of version " + p.version() + " first.");
        }
        return Optional.empty();
    }

    /** Makes the proposed replacement the return; false when there is none the LA may accept. */
    @Transactional
    public boolean accept(long requestId, Actor actor) {
        if (whyNotAcceptable(requestId).isPresent()) {
            return false;
        }
        Proposed p = proposed(requestId).orElseThrow();
        Optional<Long> school = jdbc.sql("""
                update file_request set accepted_submission_id = :submission, accepted_at = :now, accepted_by = :user
                where id = :id and status = :accepted and accepted_submission_id <> :submission
                returning school_id""")
                .param("submission", p.submissionId()).param("now", Timestamp.from(clock.instant()))
                .param("user", actor.userId()).param("id", requestId)
                .param("accepted", RequestStatus.ACCEPTED.name()).query(Long.class).optional();
        school.ifPresent(s -> audit.record(actor.name(), actor.roleName(), s, "REPLACEMENT_ACCEPTED",
                "file_request:" + requestId, "version " + p.version() + " replaces version " + p.acceptedVersion()));
        return school.isPresent();
    }

    /** Keeps the accepted version and tells the school why; false when there is no replacement to decline. */
    @Transactional
    public boolean decline(long requestId, String message, Actor actor) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("A declined replacement needs a message to the school");
        }
        Optional<Proposed> proposed = proposed(requestId);
        if (proposed.isEmpty()) {
            return false;
        }
        Proposed p = proposed.get();
        jdbc.sql("""
                insert into declined_replacement (submission_id, file_request_id, message, declined_by, declined_at)
                values (:s, :r, :m, :by, :at)""")
                .param("s", p.submissionId()).param("r", requestId).param("m", message.strip())
                .param("by", actor.userId()).param("at", Timestamp.from(clock.instant())).update();
        record Request(long schoolId, String title) {
        }
        Request r = jdbc.sql("select school_id, title from file_request where id = :id").param("id", requestId)
                .query((rs, n) -> new Request(rs.getLong(1), rs.getString(2))).single();
        audit.record(actor.name(), actor.roleName(), r.schoolId(), "REPLACEMENT_DECLINED",
                "file_request:" + requestId, "version " + p.version() + ": " + message.strip());
        for (String to : jdbc.sql("select email from app_user where school_id = :s and enabled order by id")
                .param("s", r.schoolId()).query(String.class).list()) {
            mailer.send(to, "Replacement declined: " + r.title(), """
                    Your local authority has declined version %d of your file for %s, with this message:

                    %s

                    The version it accepted earlier (version %d) stays your school's return. See the request here:
                    %s
                    """.formatted(p.version(), r.title(), message.strip(), p.acceptedVersion(),
                    mailer.link("/requests/" + requestId)));
        }
        return true;
    }

    /**
     * A version sent for an accepted request is a proposed replacement: the LA hears of it at once. Runs in the
     * upload's transaction, so the mail goes only if the upload commits.
     */
    @EventListener
    void received(FileProgress.Received event) {
        record Request(String status, String title, String school) {
        }
        Request r = jdbc.sql("""
                select r.status, r.title, sc.name from file_request r join school sc on sc.id = r.school_id
                where r.id = :id""")
                .param("id", event.requestId())
                .query((rs, n) -> new Request(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        if (!RequestStatus.ACCEPTED.name().equals(r.status())) {
            return;
        }
        List<String> laStaff = jdbc.sql("""
                select email from app_user where role in ('LA_ADMIN', 'LA_OFFICER') and enabled order by id""")
                .query(String.class).list();
        for (String to : laStaff) {
            mailer.send(to, "Replacement proposed: " + r.school() + ", " + r.title(), """
                    %s has sent a new version of its file for %s, which you had accepted.

                    The version you accepted stays the school's return, and stays counted in reports, until you
                    accept the new version or decline it. The new version is being checked now. Decide here:
                    %s
                    """.formatted(r.school(), r.title(), mailer.link("/la/requests/" + event.requestId())));
        }
    }

    private long collectionOf(long requestId) {
        return jdbc.sql("select collection_id from file_request where id = :id").param("id", requestId)
                .query(Long.class).single();
    }
}
