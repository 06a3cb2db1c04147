package org.openreturns.server.requests;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the LA sees of one school's request: every version the school sent, and the latest version's findings. */
@Service
class RequestDetail {

    /** The most findings one page shows; the rest are counted, not listed. */
    static final int FINDINGS_SHOWN = 5000;

    record Version(long id, int version, LocalDateTime receivedAt, String submittedBy, String via, String status,
            Integer pupils, Integer errors, Integer queries, String comment) {

        /** A version's status reads like its request's where the names agree. */
        public String statusLabel() {
            for (RequestStatus s : RequestStatus.values()) {
                if (s.name().equals(status)) {
                    return s.label();
                }
            }
            return status;
        }
    }

    record FindingRow(String severity, String code, String upn, String item, String message, String explanation) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PupilResults pupilResults;

    RequestDetail(JdbcClient jdbc, Clock clock, PupilResults pupilResults) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.pupilResults = pupilResults;
    }

    /** Newest first. */
    List<Version> versions(long requestId) {
        return jdbc.sql("""
                select s.id, s.version, s.received_at, u.display_name, s.submitted_via, s.status, s.pupils, s.errors,
                  s.queries, s.comment
                from submission s left join app_user u on u.id = s.submitted_by
                where s.file_request_id = :r order by s.version desc""")
                .param("r", requestId)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("received_at");
                    return new Version(rs.getLong("id"), rs.getInt("version"),
                            LocalDateTime.ofInstant(at.toInstant(), clock.getZone()), rs.getString("display_name"),
                            rs.getString("submitted_via"), rs.getString("status"), (Integer) rs.getObject("pupils"),
                            (Integer) rs.getObject("errors"), (Integer) rs.getObject("queries"),
                            rs.getString("comment"));
                })
                .list();
    }

    /** The version that is the school's return (the accepted one while a replacement is proposed), if any. */
    Integer currentVersion(long requestId) {
        return jdbc.sql("select version from current_submission where file_request_id = :r").param("r", requestId)
                .query(Integer.class).optional().orElse(null);
    }

    /** Errors first, then queries, then notes; pupil by pupil within each. */
    List<FindingRow> findings(long submissionId) {
        return jdbc.sql("""
                select severity, code, upn, item, message, explanation from finding where submission_id = :s
                order by array_position(array['error','query','info'], severity), upn nulls first, code, id
                limit :limit""")
                .param("s", submissionId).param("limit", FINDINGS_SHOWN)
                .query((rs, n) -> new FindingRow(rs.getString("severity"), rs.getString("code"), rs.getString("upn"),
                        rs.getString("item"), rs.getString("message"), rs.getString("explanation")))
                .list();
    }

    int findingCount(long submissionId) {
        return jdbc.sql("select count(*) from finding where submission_id = :s").param("s", submissionId)
                .query(Integer.class).single();
    }

    /** A pupil of the latest version as the file reported them, with their results and how many findings name them. */
    record PupilRow(String upn, String name, java.time.LocalDate dob, String sex, String ncYear, String results,
            int errors, int queries) {
    }

    /** Every pupil of a submission in name order, each with the results selected for this collection and year. */
    List<PupilRow> pupils(long submissionId) {
        return pupilResults.of(submissionId).stream()
                .map(p -> new PupilRow(p.upn(), p.name(), p.dob(), p.sex(), p.ncYear(), resultsText(p.results()),
                        p.errors(), p.queries()))
                .toList();
    }

    /** "READ: EXS, WRIT: WTS"; null when no item has a result. */
    private static String resultsText(Map<String, String> results) {
        String text = results.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
        return text.isEmpty() ? null : text;
    }
}
