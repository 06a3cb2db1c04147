package org.openreturns.server.cohorts;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The pupils the LA expects in each school's return, for the features that compare returns with them. A school is
 * compared only when the LA's list covers it: a school the list does not name at all has no expected pupils to miss,
 * rather than an empty list that would make every pupil of its return unexpected.
 */
@Service
public class ExpectedCohorts {

    /** How many pupils the current list expects at one school. */
    public record SchoolCount(long schoolId, String school, String dfeNumber, int pupils) implements Serializable {
    }

    /** The collection's current list: when, by whom and from what it was loaded, and its pupils by school. */
    public record Current(OffsetDateTime loadedAt, String loadedBy, String fileNames, int pupils, int refusedRows,
            List<SchoolCount> schools) {
    }

    private final JdbcClient jdbc;

    ExpectedCohorts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The pupils expected in the school's return of the collection, by UPN; empty when the LA has loaded no list
     * for the collection or its list does not name the school.
     */
    public Optional<List<ExpectedPupil>> expected(long collectionId, long schoolId) {
        List<ExpectedPupil> pupils = jdbc.sql("""
                select upn, surname, forename, nc_year from expected_pupil
                where collection_id = :c and school_id = :s order by upn""")
                .param("c", collectionId).param("s", schoolId)
                .query((rs, n) -> new ExpectedPupil(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
        return pupils.isEmpty() ? Optional.empty() : Optional.of(pupils);
    }

    /** The list loaded last for the collection; empty when none has been. */
    public Optional<Current> current(long collectionId) {
        return jdbc.sql("""
                select loaded_at, loaded_by, file_names, pupils, refused_rows from cohort_load
                where collection_id = :c order by loaded_at desc, id desc limit 1""")
                .param("c", collectionId)
                .query((rs, n) -> new Current(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
                        rs.getString(3), rs.getInt(4), rs.getInt(5), counts(collectionId)))
                .optional();
    }

    /** The current list's pupils by school, by school name. */
    List<SchoolCount> counts(long collectionId) {
        return jdbc.sql("""
                select s.id, s.name, s.la_code || s.estab, count(*) from expected_pupil e
                join school s on s.id = e.school_id
                where e.collection_id = :c group by s.id, s.name, s.la_code, s.estab order by s.name, s.id""")
                .param("c", collectionId)
                .query((rs, n) -> new SchoolCount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }
}
