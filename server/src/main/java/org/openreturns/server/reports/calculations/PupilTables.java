package org.openreturns.server.reports.calculations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.items.AssessmentItem;
import org.openreturns.engine.items.ItemTable;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.submissions.SubmissionStatus;
import org.openreturns.server.requests.PupilResults;
import org.openreturns.server.requests.PupilResults.PupilResult;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The school's pupil-level table: every pupil of the latest version once it is checked, every item of the
 * collection in the engine's order with the result the file gave, and how many errors and queries name the pupil.
 * Pupil-level data, so each view and download is audited, and a school sees only its own (404 otherwise).
 */
@Service
public class PupilTables {

    public record ItemColumn(String id, String label) {
    }

    public record CodeMeaning(String code, String meaning) {
    }

    /** One pupil; a null value means the file gave no result for that item. */
    public record PupilLine(String surname, String forename, String upn, List<String> values, int errors, int queries,
            String findingsHref) {

        public String name() {
            if (surname == null || surname.isBlank()) {
                return forename == null ? "" : forename;
            }
            return forename == null || forename.isBlank() ? surname : surname + ", " + forename;
        }

        public String flags() {
            List<String> parts = new ArrayList<>();
            if (errors > 0) {
                parts.add(errors + (errors == 1 ? " error" : " errors"));
            }
            if (queries > 0) {
                parts.add(queries + (queries == 1 ? " query" : " queries"));
            }
            return parts.isEmpty() ? "None" : String.join(", ", parts);
        }
    }

    /**
     * @param checked whether the latest version has been checked; until then there are no pupils to show
     * @param descending pupils in reverse name order
     */
    public record PupilTable(long requestId, long schoolId, Collection kind, int summerYear, boolean checked,
            boolean descending, List<ItemColumn> items, List<PupilLine> pupils, List<CodeMeaning> codes) {

        public String nameSortHref() {
            return "/requests/" + requestId + "/report" + (descending ? "" : "?pupil-order=descending") + "#pupils";
        }

        public String ariaSort() {
            return descending ? "descending" : "ascending";
        }

        public int flagged() {
            return (int) pupils.stream().filter(p -> p.errors() + p.queries() > 0).count();
        }
    }

    private record Request(long schoolId, Collection kind, int summerYear, Long submissionId, boolean checked) {
    }

    private final JdbcClient jdbc;
    private final PupilResults pupilResults;
    private final AuditLog audit;

    PupilTables(JdbcClient jdbc, PupilResults pupilResults, AuditLog audit) {
        this.jdbc = jdbc;
        this.pupilResults = pupilResults;
        this.audit = audit;
    }

    /** The table as the report page shows it; the view is audited when there are pupils to see. */
    public PupilTable view(Actor actor, long requestId, boolean descending) {
        PupilTable table = table(actor, requestId, descending);
        if (table.checked()) {
            audit.record(actor.name(), actor.roleName(), table.schoolId(), "VIEW_PUPIL_DATA",
                    "file_request:" + requestId, "pupil table of the report, " + table.pupils().size() + " pupils");
        }
        return table;
    }

    /** The table for a download, audited as an export. */
    public PupilTable download(Actor actor, long requestId, String what) {
        PupilTable table = table(actor, requestId, false);
        audit.record(actor.name(), actor.roleName(), table.schoolId(), "EXPORT", "file_request:" + requestId,
                what + ", " + table.pupils().size() + " pupils");
        return table;
    }

    private PupilTable table(Actor actor, long requestId, boolean descending) {
        Request r = jdbc.sql("""
                select r.school_id, c.kind, c.summer_year, s.id, s.status
                from file_request r join collection c on c.id = r.collection_id
                left join current_submission cur on cur.file_request_id = r.id
                left join submission s on s.id = cur.id
                where r.id = :id""")
                .param("id", requestId)
                .query((rs, n) -> new Request(rs.getLong(1), Collection.valueOf(rs.getString(2)), rs.getInt(3),
                        (Long) rs.getObject(4), SubmissionStatus.CHECKED.name().equals(rs.getString(5))))
                .optional().filter(x -> actor.maySee(x.schoolId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<PupilResult> results = r.checked() ? pupilResults.of(r.submissionId()) : List.of();
        Map<String, String> items = new LinkedHashMap<>();
        for (AssessmentItem item : ItemTable.forYear(AcademicYear.ofSummer(r.summerYear())).items(r.kind())) {
            items.put(item.id(), item.label());
        }
        // An item the table does not list would be a result the checks kept without knowing it: show it all the same.
        results.forEach(p -> p.results().keySet().forEach(id -> items.putIfAbsent(id, id)));
        List<PupilLine> pupils = new ArrayList<>();
        for (PupilResult p : results) {
            List<String> values = items.keySet().stream().map(id -> p.results().get(id)).toList();
            String href = p.upn() != null && p.errors() + p.queries() > 0
                    ? "/submissions/" + r.submissionId() + "#pupil-" + p.upn() : null;
            pupils.add(new PupilLine(p.surname(), p.forename(), p.upn(), values, p.errors(), p.queries(), href));
        }
        if (descending) {
            Collections.reverse(pupils);
        }
        List<ItemColumn> columns = items.entrySet().stream().map(e -> new ItemColumn(e.getKey(), e.getValue()))
                .toList();
        return new PupilTable(requestId, r.schoolId(), r.kind(), r.summerYear(), r.checked(), descending, columns,
                pupils, codes(r.kind()));
    }

    /** What the results mean, per collection (reference/rules.md §1). */
    static List<CodeMeaning> codes(Collection kind) {
        return switch (kind) {
            case EYFSP -> List.of(new CodeMeaning("1", "Emerging"), new CodeMeaning("2", "Expected level"),
                    new CodeMeaning("A", "Not assessed: an exemption applies"));
            case PHONICS -> List.of(new CodeMeaning("0 to 40", "The mark the pupil scored in the check"),
                    new CodeMeaning("A", "Absent"), new CodeMeaning("D", "Did not take the check (disapplied)"),
                    new CodeMeaning("L", "Left the school"), new CodeMeaning("Q", "Maladministration"),
                    new CodeMeaning("Wa", "Met the expected standard"),
                    new CodeMeaning("Wt", "Did not meet the expected standard"));
            case KS1 -> List.of(new CodeMeaning("GDS", "Working at greater depth within the expected standard"),
                    new CodeMeaning("EXS", "Working at the expected standard"),
                    new CodeMeaning("WTS", "Working towards the expected standard"),
                    new CodeMeaning("PK1 to PK4", "Pre-key stage standards 1 to 4"),
                    new CodeMeaning("EM", "Engagement model"),
                    new CodeMeaning("HNM", "Has not met the expected standard (science)"),
                    new CodeMeaning("A", "Absent or not enough evidence"), new CodeMeaning("Q", "Maladministration"));
            case KS2_TA -> List.of(new CodeMeaning("GDS", "Working at greater depth within the expected standard"),
                    new CodeMeaning("EXS", "Working at the expected standard"),
                    new CodeMeaning("WTS", "Working towards the expected standard"),
                    new CodeMeaning("PK1 to PK6", "Pre-key stage standards 1 to 6"),
                    new CodeMeaning("EM", "Engagement model"),
                    new CodeMeaning("HNM", "Has not met the expected standard (science)"),
                    new CodeMeaning("A", "Long absence, recently arrived or not enough evidence"),
                    new CodeMeaning("L", "Left the school"),
                    new CodeMeaning("F", "Will complete key stage 2 in a future year"),
                    new CodeMeaning("P", "Completed key stage 2 in a previous year"));
            case MTC -> List.of(new CodeMeaning("0 to 25", "The pupil's score; the check has no pass mark"));
        };
    }
}
