package org.openreturns.server.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.server.checks.EngineRun.FileOutcome;
import org.openreturns.server.checks.EngineRun.PupilRow;
import org.openreturns.server.cohorts.ExpectedCohorts;
import org.openreturns.server.cohorts.ExpectedPupil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queries that compare a version's pupils with who should be in it (returns.md §5): the pupils the LA expects
 * at the school that the return leaves out, the pupils of the return the LA does not expect there, and the pupils of
 * the school's previous version that this one drops. Each is a query, not an error: a pupil may have left or joined,
 * and the school says so in its explanation. A version with no pupil read (every file refused) gets none of them,
 * since its refusal already says what to do.
 */
@Component
class CohortQueries {

    static final String MISSING = "cohort.missing";
    static final String UNEXPECTED = "cohort.unexpected";
    static final String DROPPED = "cohort.droppedOut";

    private record Previous(int version, Map<String, String> pupils) {
    }

    private final JdbcClient jdbc;
    private final ExpectedCohorts cohorts;

    CohortQueries(JdbcClient jdbc, ExpectedCohorts cohorts) {
        this.jdbc = jdbc;
        this.cohorts = cohorts;
    }

    List<Finding> of(CheckedVersion version, EngineRun.Result run) {
        Map<String, PupilRow> pupils = new LinkedHashMap<>();
        for (FileOutcome file : run.files()) {
            if (file.accepted()) {
                file.pupils().stream().filter(p -> p.upn() != null).forEach(p -> pupils.putIfAbsent(p.upn(), p));
            }
        }
        if (pupils.isEmpty()) {
            return List.of();
        }
        List<Finding> queries = new ArrayList<>();
        long collectionId = jdbc.sql("select collection_id from file_request where id = :id")
                .param("id", version.requestId()).query(Long.class).single();
        cohorts.expected(collectionId, version.schoolId()).ifPresent(expected -> {
            Map<String, ExpectedPupil> byUpn = new LinkedHashMap<>();
            expected.forEach(p -> byUpn.put(p.upn(), p));
            byUpn.values().stream().filter(p -> !pupils.containsKey(p.upn())).forEach(p -> queries.add(query(MISSING,
                    p.upn(), p.describe() + " is on the LA's list of pupils expected in this return, but is not in "
                            + "it. If the pupil has left the school or is not taking part, explain why; otherwise add "
                            + "the pupil's results in your MIS and upload the return again.")));
            pupils.values().stream().filter(p -> !byUpn.containsKey(p.upn())).forEach(p -> queries.add(query(
                    UNEXPECTED, p.upn(), describe(p) + " is in this return, but not on the LA's list of pupils "
                            + "expected at this school. If the pupil joined after the list was made, explain so; if "
                            + "the pupil is not yours to report, remove the pupil in your MIS and upload again.")));
        });
        previous(version).ifPresent(before -> before.pupils().forEach((upn, name) -> {
            if (!pupils.containsKey(upn)) {
                queries.add(query(DROPPED, upn, name + " was in version " + before.version() + " of this return "
                        + "but is not in version " + version.version() + ". If the pupil has left the school or "
                        + "should not be reported, explain why; otherwise add the pupil back in your MIS and upload "
                        + "the return again."));
            }
        }));
        return queries;
    }

    /** The pupils of the latest earlier version of the request that had any, by UPN, each named for a message. */
    private Optional<Previous> previous(CheckedVersion version) {
        Optional<Integer> number = jdbc.sql("""
                select s.version from submission s
                where s.file_request_id = :request and s.version < :version
                  and exists (select 1 from pupil_result p where p.submission_id = s.id)
                order by s.version desc limit 1""")
                .param("request", version.requestId()).param("version", version.version())
                .query(Integer.class).optional();
        return number.map(n -> {
            Map<String, String> pupils = new LinkedHashMap<>();
            jdbc.sql("""
                    select p.upn, p.forename, p.surname from pupil_result p
                    join submission s on s.id = p.submission_id
                    where s.file_request_id = :request and s.version = :version and p.upn is not null
                    order by p.id""")
                    .param("request", version.requestId()).param("version", n)
                    .query(rs -> {
                        pupils.putIfAbsent(rs.getString(1), name(rs.getString(2), rs.getString(3), rs.getString(1)));
                    });
            return new Previous(n, pupils);
        });
    }

    private static Finding query(String code, String upn, String message) {
        return new Finding(Severity.QUERY, code, upn, null, message, 0);
    }

    private static String describe(PupilRow p) {
        return name(p.forename(), p.surname(), p.upn());
    }

    /** "Amy Smith (UPN …)", or "The pupil with UPN …" when the file gives no name. */
    private static String name(String forename, String surname, String upn) {
        String name = ((forename == null ? "" : forename) + " " + (surname == null ? "" : surname)).strip();
        return name.isEmpty() ? "The pupil with UPN " + upn : name + " (UPN " + upn + ")";
    }
}
