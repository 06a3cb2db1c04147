package org.openreturns.server.checks;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.measures.MeasuredPupil;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.server.checks.EngineRun.FileOutcome;
import org.openreturns.server.checks.EngineRun.PupilRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The check's own tables: a version's findings, its pupils' results and what the measures need of each pupil. A run
 * replaces whatever an earlier run of the same version wrote, in batches, so a run can safely be repeated;
 * explanations the school gave to a query survive into the new run and into later versions while the same query is
 * raised.
 */
@Component
class CheckRecords {

    private static final int BATCH = 500;

    /** What a stored run found, as the submission and the request are told it. */
    record Counts(int pupils, int errors, int queries, int unexplainedQueries) {
    }

    private record FindingRow(Long fileId, Finding finding) {
    }

    /** A query's explanation as the school gave it. */
    private record Explanation(String text, Long by, OffsetDateTime at) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ObjectMapper json;

    CheckRecords(JdbcClient jdbc, JdbcTemplate batch, ObjectMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /** The version with its request's school, collection and year; empty when it no longer exists. */
    Optional<CheckedVersion> find(long submissionId) {
        return jdbc.sql("""
                select s.id, s.file_request_id, s.version, r.school_id, sc.la_code, sc.estab, sc.name, c.kind,
                       c.summer_year, c.phonics_threshold
                from submission s
                join file_request r on r.id = s.file_request_id
                join school sc on sc.id = r.school_id
                join collection c on c.id = r.collection_id
                where s.id = :id""")
                .param("id", submissionId)
                .query((rs, n) -> new CheckedVersion(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4),
                        new RightReturn(rs.getString(5).strip(), rs.getString(6).strip(), rs.getString(7),
                                Collection.valueOf(rs.getString(8)), rs.getInt(9)),
                        (Integer) rs.getObject(10)))
                .optional();
    }

    /** Whether the version is its request's current one (a later version may have arrived while it was checked). */
    boolean isCurrent(long submissionId) {
        return jdbc.sql("select exists (select 1 from current_submission where id = :id)")
                .param("id", submissionId).query(Boolean.class).single();
    }

    /** Locks the version's row, so that two runs of its check never interleave their writes. */
    void lock(long submissionId) {
        jdbc.sql("select id from submission where id = :id for update").param("id", submissionId).query(Long.class)
                .single();
    }

    /** Replaces the version's findings and pupils with this run's. */
    Counts replace(CheckedVersion version, EngineRun.Result run) {
        return replace(version, run, List.of());
    }

    /**
     * The same, with findings of the version as a whole that the engine's run does not make (such as the expected
     * pupils' queries); they keep earlier explanations as the run's own do.
     */
    Counts replace(CheckedVersion version, EngineRun.Result run, List<Finding> versionFindings) {
        long id = version.submissionId();
        Map<String, Explanation> explained = explanations(version);
        jdbc.sql("delete from finding where submission_id = :id").param("id", id).update();
        jdbc.sql("delete from pupil_result where submission_id = :id").param("id", id).update();
        jdbc.sql("delete from pupil_outcome where submission_id = :id").param("id", id).update();
        List<FindingRow> findings = new ArrayList<>();
        int pupils = 0;
        for (FileOutcome o : run.files()) {
            o.findings().forEach(f -> findings.add(new FindingRow(o.fileId(), f)));
            pupils += o.pupils().size();
        }
        run.crossFile().forEach(f -> findings.add(new FindingRow(null, new Finding(f.severity(), f.code(), f.upn(),
                null, f.message(), 0))));
        versionFindings.forEach(f -> findings.add(new FindingRow(null, f)));
        insertFindings(id, findings, explained);
        insertPupils(id, run.files());
        insertOutcomes(id, run.files());
        int errors = (int) findings.stream().filter(f -> f.finding().severity() == Severity.ERROR).count();
        int queries = (int) findings.stream().filter(f -> f.finding().severity() == Severity.QUERY).count();
        int unexplained = jdbc.sql("""
                select count(*) from finding where submission_id = :id and severity = 'query' and explanation is null""")
                .param("id", id).query(Integer.class).single();
        return new Counts(pupils, errors, queries, unexplained);
    }

    private void insertFindings(long submissionId, List<FindingRow> findings, Map<String, Explanation> explained) {
        batch.batchUpdate("""
                insert into finding (submission_id, file_id, severity, code, upn, item, message, line, explanation,
                                     explained_by, explained_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", findings, BATCH, (ps, row) -> {
            Finding f = row.finding();
            Explanation earlier = f.severity() == Severity.QUERY ? explained.get(key(f.code(), f.upn(), f.item()))
                    : null;
            ps.setLong(1, submissionId);
            setLong(ps, 2, row.fileId());
            ps.setString(3, f.severity().key());
            ps.setString(4, f.code());
            ps.setString(5, f.upn());
            ps.setString(6, f.item());
            ps.setString(7, f.message());
            ps.setInt(8, f.line());
            ps.setString(9, earlier == null ? null : earlier.text());
            setLong(ps, 10, earlier == null ? null : earlier.by());
            ps.setObject(11, earlier == null ? null : earlier.at(), Types.TIMESTAMP_WITH_TIMEZONE);
        });
    }

    private void insertPupils(long submissionId, List<FileOutcome> files) {
        record Row(long fileId, PupilRow pupil) {
        }
        List<Row> rows = new ArrayList<>();
        for (FileOutcome o : files) {
            o.pupils().forEach(p -> rows.add(new Row(o.fileId(), p)));
        }
        batch.batchUpdate("""
                insert into pupil_result (submission_id, file_id, upn, surname, forename, dob, sex, nc_year, results)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", rows, BATCH, (ps, row) -> {
            PupilRow p = row.pupil();
            ps.setLong(1, submissionId);
            ps.setLong(2, row.fileId());
            ps.setString(3, p.upn());
            ps.setString(4, p.surname());
            ps.setString(5, p.forename());
            ps.setDate(6, p.dob() == null ? null : Date.valueOf(p.dob()));
            ps.setString(7, p.sex());
            ps.setString(8, p.ncYear());
            ps.setString(9, json.writeValueAsString(p.results()));
        });
    }

    private void insertOutcomes(long submissionId, List<FileOutcome> files) {
        record Row(long fileId, MeasuredPupil pupil) {
        }
        List<Row> rows = new ArrayList<>();
        for (FileOutcome o : files) {
            o.measured().forEach(p -> rows.add(new Row(o.fileId(), p)));
        }
        batch.batchUpdate("""
                insert into pupil_outcome (submission_id, file_id, upn, sex, nc_year, dob, pupil_groups, results)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", rows, BATCH, (ps, row) -> {
            MeasuredPupil p = row.pupil();
            ps.setLong(1, submissionId);
            ps.setLong(2, row.fileId());
            ps.setString(3, p.upn());
            ps.setString(4, p.sex());
            ps.setString(5, p.ncYearActual());
            ps.setString(6, p.dob());
            ps.setArray(7, ps.getConnection().createArrayOf("text", p.groups().stream().map(Enum::name).toArray()));
            ps.setString(8, json.writeValueAsString(p.results()));
        });
    }

    /** The latest explanation of each query (code, UPN, item) in this version or an earlier one of the request. */
    private Map<String, Explanation> explanations(CheckedVersion version) {
        Map<String, Explanation> byKey = new HashMap<>();
        jdbc.sql("""
                select f.code, f.upn, f.item, f.explanation, f.explained_by, f.explained_at
                from finding f join submission s on s.id = f.submission_id
                where s.file_request_id = :request and s.version <= :version and f.severity = 'query'
                  and f.explanation is not null
                order by s.version desc, f.explained_at desc""")
                .param("request", version.requestId()).param("version", version.version())
                .query(rs -> {
                    byKey.putIfAbsent(key(rs.getString(1), rs.getString(2), rs.getString(3)), new Explanation(
                            rs.getString(4), (Long) rs.getObject(5), rs.getObject(6, OffsetDateTime.class)));
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
}
