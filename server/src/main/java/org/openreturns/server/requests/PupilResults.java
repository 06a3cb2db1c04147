package org.openreturns.server.requests;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The pupils of a checked version as the checks stored them (pupil_result), each with the results selected for the
 * collection and year and how many of the version's errors and queries name them: the one query behind the LA's
 * request page and the school's pupil-level report.
 */
@Service
public class PupilResults {

    /**
     * @param results item id to result as the file gave it (null when the item's result element was empty), by item
     *     id in alphabetical order
     */
    public record PupilResult(String upn, String forename, String surname, LocalDate dob, String sex, String ncYear,
            Map<String, String> results, int errors, int queries) {

        public String name() {
            return ((forename == null ? "" : forename) + " " + (surname == null ? "" : surname)).strip();
        }
    }

    private final JdbcClient jdbc;

    PupilResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every pupil of the submission in name order (surname, forename, UPN). */
    public List<PupilResult> of(long submissionId) {
        return jdbc.sql("""
                select p.upn, p.forename, p.surname, p.dob, p.sex, p.nc_year,
                       array(select key from jsonb_each_text(p.results) order by key) as items,
                       array(select value from jsonb_each_text(p.results) order by key) as item_values,
                       (select count(*) from finding f where f.submission_id = p.submission_id and f.upn = p.upn
                           and f.severity = 'error') as errors,
                       (select count(*) from finding f where f.submission_id = p.submission_id and f.upn = p.upn
                           and f.severity = 'query') as queries
                from pupil_result p where p.submission_id = :s
                order by p.surname, p.forename, p.upn, p.id""")
                .param("s", submissionId)
                .query((rs, n) -> new PupilResult(rs.getString("upn"), rs.getString("forename"),
                        rs.getString("surname"), rs.getObject("dob", LocalDate.class), rs.getString("sex"),
                        rs.getString("nc_year"), results(rs.getArray("items"), rs.getArray("item_values")),
                        rs.getInt("errors"), rs.getInt("queries")))
                .list();
    }

    private static Map<String, String> results(Array items, Array values) throws SQLException {
        String[] ids = (String[]) items.getArray();
        String[] texts = (String[]) values.getArray();
        Map<String, String> results = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            results.put(ids[i], texts[i]);
        }
        return results;
    }
}
