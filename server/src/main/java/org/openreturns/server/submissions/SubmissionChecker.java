package org.openreturns.server.submissions;

import java.io.ByteArrayInputStream;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfReadException;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.validation.CrossFileCheck;
import org.openreturns.engine.validation.FileReport;
import org.openreturns.engine.validation.ReturnValidator;
import org.openreturns.engine.validation.ValidationOptions;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.jobs.JobHandler;
import org.openreturns.server.requests.FileProgress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks a stored submission in the background, as the CLI's validate command does (the collection and year read
 * from each file's content), and refuses a file that is for another school, collection or year. Findings and each
 * pupil's results are written in batches, replacing whatever an earlier run wrote, so a run can safely be repeated.
 */
@Component
class SubmissionChecker implements JobHandler {

    static final String COULD_NOT_CHECK = "We could not check this upload. The LA has been told and will be in "
            + "touch; you do not need to upload it again.";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final UploadLimits limits;
    private final ObjectMapper json;
    private final UploadMail uploadMail;
    private final ApplicationEventPublisher events;

    SubmissionChecker(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, AuditLog audit,
            UploadLimits limits, ObjectMapper json, UploadMail uploadMail, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.batch = batch;
        this.tx = tx;
        this.audit = audit;
        this.limits = limits;
        this.json = json;
        this.uploadMail = uploadMail;
    }

    @Override
    public String kind() {
        return SubmissionIntake.CHECK_JOB;
    }

    /** What the files must be: the request's school, collection and year. */
    private record Expected(long submissionId, long requestId, int version, long schoolId, String la, String estab,
            String schoolName, Collection collection, int summerYear, Integer threshold) {

        String describe() {
            return "the " + collection.title() + " " + summerYear + " of " + schoolName + " (" + la + "/" + estab
                    + ")";
        }
    }

    record PupilRow(String upn, String surname, String forename, LocalDate dob, String sex, String ncYear,
            Map<String, String> results) {
    }

    /** {@code accepted}: the file is readable and for this request, so its own findings and pupils count. */
    private record FileOutcome(long fileId, FileReport report, boolean accepted, List<Finding> findings,
            List<PupilRow> pupils) {
    }

    @Override
    public void handle(long submissionId) {
        Expected expected = tx.execute(status -> startChecking(submissionId));
        if (expected == null) {
            return;
        }
        ValidationOptions options = ValidationOptions.defaults();
        if (expected.threshold() != null) {
            options = options.withPhonicsThreshold(expected.threshold());
        }
        ReturnValidator validator = new ReturnValidator(new CtfReader(limits.maxFileBytes()), options);
        List<FileOutcome> outcomes = new ArrayList<>();
        List<Long> fileIds = jdbc.sql("select id from submission_file where submission_id = :id order by id")
                .param("id", submissionId).query(Long.class).list();
        for (long fileId : fileIds) {
            outcomes.add(check(validator, fileId, expected));
        }
        List<FileReport> accepted = outcomes.stream().filter(FileOutcome::accepted).map(FileOutcome::report).toList();
        List<CrossFileCheck.CrossFileFinding> crossFile = accepted.size() > 1 ? CrossFileCheck.check(accepted)
                : List.of();
        tx.executeWithoutResult(status -> store(expected, outcomes, crossFile));
    }

    private Expected startChecking(long submissionId) {
        Expected expected = jdbc.sql("""
                select s.id, s.file_request_id, s.version, r.school_id, sc.la_code, sc.estab, sc.name, c.kind,
                       c.summer_year, c.phonics_threshold
                from submission s
                join file_request r on r.id = s.file_request_id
                join school sc on sc.id = r.school_id
                join collection c on c.id = r.collection_id
                where s.id = :id""")
                .param("id", submissionId)
                .query((rs, n) -> new Expected(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4),
                        rs.getString(5).strip(), rs.getString(6).strip(), rs.getString(7),
                        Collection.valueOf(rs.getString(8)), rs.getInt(9), (Integer) rs.getObject(10)))
                .optional().orElse(null);
        if (expected == null) {
            return null;
        }
        jdbc.sql("update submission set status = :status where id = :id")
                .param("status", SubmissionStatus.CHECKING.name()).param("id", submissionId).update();
        if (isCurrent(expected)) {
            events.publishEvent(new FileProgress.CheckStarted(expected.requestId()));
        }
        return expected;
    }

    private boolean isCurrent(Expected e) {
        return jdbc.sql("select exists (select 1 from current_submission where id = :id)")
                .param("id", e.submissionId()).query(Boolean.class).single();
    }

    private FileOutcome check(ReturnValidator validator, long fileId, Expected expected) {
        StoredFile stored = jdbc.sql("select file_name, content from submission_file where id = :id")
                .param("id", fileId).query((rs, n) -> new StoredFile(rs.getString(1), rs.getBytes(2))).single();
        String name = stored.name();
        byte[] content = stored.content();
        List<PupilRow> pupils = new ArrayList<>();
        FileReport report = validator.validate(name, new ByteArrayInputStream(content),
                (context, pupil) -> pupils.add(row(pupil)));
        if (!report.readable()) {
            CtfReadException e = report.readError();
            String where = e.line() > 0 ? " (line " + e.line() + ", column " + e.column() + ")" : "";
            return new FileOutcome(fileId, report, false, List.of(new Finding(Severity.ERROR, "file.unreadable", null, null,
                    name + " cannot be read: " + e.getMessage() + where, e.line())), List.of());
        }
        String refusal = refusal(report, expected);
        if (refusal != null) {
            return new FileOutcome(fileId, report, false, List.of(new Finding(Severity.ERROR, refusalCode(report, expected),
                    null, null, refusal, 0)), List.of());
        }
        return new FileOutcome(fileId, report, true, report.findings(), pupils);
    }

    private static String refusal(FileReport report, Expected expected) {
        CtfHeader h = report.header();
        boolean otherSchool = h.sourceLa() != null && h.sourceEstab() != null
                && !(h.sourceLa().equals(expected.la()) && h.sourceEstab().equals(expected.estab()));
        boolean otherCollection = report.collection() != null && report.collection() != expected.collection();
        boolean otherYear = report.year() != null && report.year().summerYear() != expected.summerYear();
        if (!otherSchool && !otherCollection && !otherYear) {
            return null;
        }
        String what = report.collection() == null ? "a CTF with no assessment results" : report.collection().title()
                + " return";
        String year = report.year() == null ? "" : " for " + report.year().summerYear();
        String from = h.sourceLa() == null || h.sourceEstab() == null ? ""
                : " from " + (h.schoolName() == null ? "school" : h.schoolName()) + " (" + h.sourceLa() + "/"
                        + h.sourceEstab() + ")";
        return report.fileName() + " is the " + what + year + from + ", but this request is for " + expected.describe()
                + ". Export the " + expected.collection().title() + " CTF for " + expected.summerYear()
                + " from your MIS and upload that.";
    }

    private static String refusalCode(FileReport report, Expected expected) {
        CtfHeader h = report.header();
        if (h.sourceLa() != null && h.sourceEstab() != null
                && !(h.sourceLa().equals(expected.la()) && h.sourceEstab().equals(expected.estab()))) {
            return "upload.wrongSchool";
        }
        return report.collection() != null && report.collection() != expected.collection()
                ? "upload.wrongCollection" : "upload.wrongYear";
    }

    private static PupilRow row(AssessedPupil assessed) {
        CtfPupil p = assessed.pupil();
        Map<String, String> results = new LinkedHashMap<>();
        assessed.results().keySet().forEach(item -> results.put(item, assessed.value(item)));
        return new PupilRow(p.upn(), p.surname(), p.forename(), date(p.dob()), p.sex(), p.ncYearActual(), results);
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private record FindingRow(Long fileId, Finding finding) {
    }

    private record StoredFile(String name, byte[] content) {
    }

    private void store(Expected expected, List<FileOutcome> outcomes, List<CrossFileCheck.CrossFileFinding> cross) {
        long id = expected.submissionId();
        jdbc.sql("select id from submission where id = :id for update").param("id", id).query(Long.class).single();
        Map<String, Object[]> explained = explanations(expected);
        jdbc.sql("delete from finding where submission_id = :id").param("id", id).update();
        jdbc.sql("delete from pupil_result where submission_id = :id").param("id", id).update();
        List<FindingRow> findings = new ArrayList<>();
        int pupils = 0;
        for (FileOutcome o : outcomes) {
            o.findings().forEach(f -> findings.add(new FindingRow(o.fileId(), f)));
            pupils += o.pupils().size();
            FileReport r = o.report();
            jdbc.sql("""
                    update submission_file set collection = :collection, summer_year = :year, read_error = :error
                    where id = :id""")
                    .param("collection", r.collection() == null ? null : r.collection().name())
                    .param("year", r.year() == null ? null : r.year().summerYear())
                    .param("error", r.readable() ? null : r.readError().getMessage())
                    .param("id", o.fileId())
                    .update();
        }
        cross.forEach(f -> findings.add(new FindingRow(null, new Finding(f.severity(), f.code(), f.upn(), null,
                f.message(), 0))));
        batch.batchUpdate("""
                insert into finding (submission_id, file_id, severity, code, upn, item, message, line, explanation,
                                     explained_by, explained_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", findings, 500, (ps, row) -> {
            Finding f = row.finding();
            Object[] earlier = f.severity() == Severity.QUERY ? explained.get(key(f.code(), f.upn(), f.item())) : null;
            ps.setLong(1, id);
            setLong(ps, 2, row.fileId());
            ps.setString(3, f.severity().key());
            ps.setString(4, f.code());
            ps.setString(5, f.upn());
            ps.setString(6, f.item());
            ps.setString(7, f.message());
            ps.setInt(8, f.line());
            ps.setString(9, earlier == null ? null : (String) earlier[0]);
            setLong(ps, 10, earlier == null ? null : (Long) earlier[1]);
            ps.setObject(11, earlier == null ? null : earlier[2], Types.TIMESTAMP_WITH_TIMEZONE);
        });
        List<Object[]> pupilRows = new ArrayList<>();
        for (FileOutcome o : outcomes) {
            for (PupilRow p : o.pupils()) {
                pupilRows.add(new Object[] {o.fileId(), p});
            }
        }
        batch.batchUpdate("""
                insert into pupil_result (submission_id, file_id, upn, surname, forename, dob, sex, nc_year, results)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", pupilRows, 500, (ps, row) -> {
            PupilRow p = (PupilRow) row[1];
            ps.setLong(1, id);
            ps.setLong(2, (Long) row[0]);
            ps.setString(3, p.upn());
            ps.setString(4, p.surname());
            ps.setString(5, p.forename());
            ps.setDate(6, p.dob() == null ? null : Date.valueOf(p.dob()));
            ps.setString(7, p.sex());
            ps.setString(8, p.ncYear());
            ps.setString(9, json.writeValueAsString(p.results()));
        });
        int errors = (int) findings.stream().filter(f -> f.finding().severity() == Severity.ERROR).count();
        int queries = (int) findings.stream().filter(f -> f.finding().severity() == Severity.QUERY).count();
        int unexplained = jdbc.sql("""
                select count(*) from finding where submission_id = :id and severity = 'query' and explanation is null""")
                .param("id", id).query(Integer.class).single();
        boolean firstCheck = jdbc.sql("select processed_at is null from submission where id = :id").param("id", id)
                .query(Boolean.class).single();
        jdbc.sql("""
                update submission set status = :status, pupils = :pupils, errors = :errors, queries = :queries,
                       processed_at = now(), failure_message = null
                where id = :id""")
                .param("status", SubmissionStatus.CHECKED.name()).param("pupils", pupils).param("errors", errors).param("queries", queries).param("id", id).update();
        if (firstCheck) {
            uploadMail.checked(id, pupils, errors, unexplained);
        }
        if (isCurrent(expected)) {
            events.publishEvent(new FileProgress.Checked(expected.requestId(), errors, unexplained));
        }
        audit.record("background check", "SYSTEM", expected.schoolId(), "CHECKED", "submission " + id,
                pupils + " pupils, " + errors + " errors, " + queries + " queries");
    }

    /** The latest explanation of each query (code, UPN, item) in this version or an earlier one of the request. */
    private Map<String, Object[]> explanations(Expected expected) {
        Map<String, Object[]> byKey = new HashMap<>();
        jdbc.sql("""
                select f.code, f.upn, f.item, f.explanation, f.explained_by, f.explained_at
                from finding f join submission s on s.id = f.submission_id
                where s.file_request_id = :request and s.version <= :version and f.severity = 'query'
                  and f.explanation is not null
                order by s.version desc, f.explained_at desc""")
                .param("request", expected.requestId()).param("version", expected.version())
                .query(rs -> {
                    byKey.putIfAbsent(key(rs.getString(1), rs.getString(2), rs.getString(3)), new Object[] {
                        rs.getString(4), (Long) rs.getObject(5), rs.getObject(6, java.time.OffsetDateTime.class)});
                });
        return byKey;
    }

    private static String key(String code, String upn, String item) {
        return code + '\u0000' + upn + '\u0000' + item;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    @Override
    public void gaveUp(long submissionId, String error) {
        tx.executeWithoutResult(status -> {
            record Owner(long requestId, long schoolId) {
            }
            Owner owner = jdbc.sql("""
                    select r.id, r.school_id from submission s join file_request r on r.id = s.file_request_id
                    where s.id = :id""").param("id", submissionId)
                    .query((rs, n) -> new Owner(rs.getLong(1), rs.getLong(2))).optional().orElse(null);
            if (owner == null) {
                return;
            }
            long schoolId = owner.schoolId();
            jdbc.sql("update submission set status = :status, failure_message = :message where id = :id")
                    .param("status", SubmissionStatus.FAILED.name()).param("message", COULD_NOT_CHECK)
                    .param("id", submissionId).update();
            events.publishEvent(new FileProgress.CheckAbandoned(owner.requestId()));
            audit.record("background check", "SYSTEM", schoolId, "CHECK_FAILED", "submission " + submissionId,
                    error);
        });
    }
}
