package org.openreturns.server.reports.calculations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.measures.MeasureBook;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.engine.measures.MeasuredPupil;
import org.openreturns.engine.measures.PupilGroup;
import org.openreturns.engine.measures.Suppression;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.validation.PupilListener;
import org.openreturns.server.movers.Movers;
import org.openreturns.server.requests.RequestStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The headline measures of a collection per school and for the LA, counted by the engine's own {@link MeasureBook}
 * over the pupils each school's current version was checked with, once it is checked, so a report always equals the
 * engine's computation. The check stored what the measures need of each pupil ({@link MeasuredPupil}); nothing here
 * reads a file, and nothing is kept between calls: a report is counted afresh from the stored pupils and the current
 * phonics and suppression thresholds.
 */
@Service
public class Measures {

    /** Request statuses whose current version has been checked and counts in reports. */
    static final List<String> COUNTED = List.of(RequestStatus.CHECKED.name(), RequestStatus.QUERIES_TO_EXPLAIN.name(),
            RequestStatus.ACCEPTED.name());

    /** A school whose checked return is in the report. */
    public record ReportedSchool(long schoolId, long requestId, String name, String la, String estab,
            long submissionId) {
    }

    /**
     * A headline measure as a column or row of a report, shown to {@code decimals} places as the DfE publishes it
     * (whole-number percentages except EYFSP's, averages to 1 dp); {@code denominator} says who it counts.
     */
    public record Heading(String id, String label, boolean percent, int decimals, String denominator) {

        public boolean isPercent() {
            return percent;
        }

        /** How the measure's cohort was formed, where the report must say so; null for most measures. */
        public String cohortBasis() {
            String basis = MeasureBook.cohortBasis(id);
            return basis == null ? null : basis + " Last year's returns are those the LA accepted.";
        }
    }

    /**
     * A pupil counted in a report, as the checks read them: views derived from a report (pupil groups, charts) count
     * these rather than reading the stored files again.
     */
    public record CountedPupil(long schoolId, ValidationContext context, AssessedPupil pupil) {
    }

    /**
     * A collection's report. Each call of {@link Measures#of} counts a new one, so a view derived from a report may
     * keep what it computed by the report's identity only for as long as the same report is in use.
     *
     * @param phonicsThresholdKnown false while the phonics threshold mark is unpublished: the figures are provisional
     * @param pupils every counted pupil, school by school in the order of {@code schools}
     */
    public record Report(long collectionId, Collection kind, int summerYear, int suppressBelow,
            boolean phonicsThresholdKnown, List<Heading> headings, List<ReportedSchool> schools,
            Map<Long, Map<String, MeasureValue>> bySchool, Map<String, MeasureValue> total,
            List<CountedPupil> pupils) {

        /** Names the report without its pupils, so that no log line or test failure prints children's data. */
        @Override
        public String toString() {
            return "Report[collection " + collectionId + ", " + kind + " " + summerYear + ", " + schools.size()
                    + " schools, " + pupils.size() + " pupils]";
        }

        public Optional<MeasureValue> school(long schoolId, String measureId) {
            return Optional.ofNullable(bySchool.getOrDefault(schoolId, Map.of()).get(measureId));
        }

        public Optional<MeasureValue> la(String measureId) {
            return Optional.ofNullable(total.get(measureId));
        }

        public Optional<ReportedSchool> reported(long schoolId) {
            return schools.stream().filter(s -> s.schoolId() == schoolId).findFirst();
        }
    }

    private record CollectionRow(Collection kind, int summerYear, Integer phonicsThreshold) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Movers movers;

    Measures(JdbcClient jdbc, ObjectMapper json, Movers movers) {
        this.jdbc = jdbc;
        this.json = json;
        this.movers = movers;
    }

    public int suppressBelow() {
        return jdbc.sql("select suppress_below from report_setting where id = 1").query(Integer.class).single();
    }

    /** The collection's report, or empty if there is no such collection. */
    public Optional<Report> of(long collectionId) {
        return of(collectionId, null);
    }

    /**
     * The collection's report counting only the given schools (of those it would count), for comparing like with
     * like across years; every counted school when {@code onlySchools} is null.
     */
    public Optional<Report> of(long collectionId, java.util.Set<Long> onlySchools) {
        CollectionRow c = jdbc.sql("select kind, summer_year, phonics_threshold from collection where id = :id")
                .param("id", collectionId)
                .query((rs, n) -> new CollectionRow(Collection.valueOf(rs.getString(1)), rs.getInt(2),
                        (Integer) rs.getObject(3)))
                .optional().orElse(null);
        if (c == null) {
            return Optional.empty();
        }
        List<ReportedSchool> schools = jdbc.sql("""
                select r.school_id, r.id, sc.name, sc.la_code, sc.estab, s.id
                from file_request r
                join school sc on sc.id = r.school_id
                join current_submission s on s.file_request_id = r.id
                where r.collection_id = :c and r.status in (:counted)
                order by sc.name, sc.id""")
                .param("c", collectionId).param("counted", COUNTED)
                .query((rs, n) -> new ReportedSchool(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4).strip(), rs.getString(5).strip(), rs.getLong(6)))
                .list();
        if (onlySchools != null) {
            schools = schools.stream().filter(s -> onlySchools.contains(s.schoolId())).toList();
        }
        return Optional.of(compute(collectionId, c, schools, suppressBelow(), movers.counting(collectionId)));
    }

    /**
     * Each school's figures count its own pupils, less those the LA decided another school keeps. The LA total is
     * counted in a book of its own, so that a pupil on two schools' returns counts once in it (reference/rules.md
     * §2.5): the copy of the school that sent its current version first, until the LA decides.
     */
    private Report compute(long collectionId, CollectionRow c, List<ReportedSchool> schools, int suppressBelow,
            Movers.Counting movers) {
        ValidationContext context = MeasuredPupil.context(c.kind(), AcademicYear.ofSummer(c.summerYear()),
                c.phonicsThreshold());
        MeasureBook book = new MeasureBook(new Suppression(suppressBelow));
        // The LA total is counted in a book of its own (below), keyed by school like this one; both take last year's
        // phonics returns, read once, so that a measure joining years (by the end of Year 2) finds each school's.
        MeasureBook laBook = new MeasureBook(new Suppression(suppressBelow));
        if (c.kind() == Collection.PHONICS) {
            lastYearsPhonics(c.summerYear() - 1, book, laBook);
        }
        List<CountedPupil> counted = new ArrayList<>();
        Map<Long, List<AssessedPupil>> outcomes = outcomes(
                schools.stream().map(ReportedSchool::submissionId).toList());
        for (ReportedSchool school : schools) {
            PupilListener counter = book.school(Long.toString(school.schoolId()));
            for (AssessedPupil pupil : outcomes.getOrDefault(school.submissionId(), List.of())) {
                if (movers.countsAt(school.schoolId(), pupil.upn())) {
                    counter.onPupil(context, pupil);
                    counted.add(new CountedPupil(school.schoolId(), context, pupil));
                }
            }
        }
        Map<String, Long> countedAt = new HashMap<>();
        for (ReportedSchool school : schools.stream().sorted(Comparator.comparingLong(ReportedSchool::submissionId))
                .toList()) {
            PupilListener la = laBook.school(Long.toString(school.schoolId()));
            for (AssessedPupil pupil : outcomes.getOrDefault(school.submissionId(), List.of())) {
                String upn = pupil.upn();
                if (!movers.countsAt(school.schoolId(), upn)) {
                    continue;
                }
                // Only a pupil already counted at another school is left out: a UPN twice in one file is the
                // file's own error, for its checks to count.
                Long first = upn == null || upn.isBlank() ? null : countedAt.putIfAbsent(upn, school.schoolId());
                if (first == null || first == school.schoolId()) {
                    la.onPupil(context, pupil);
                }
            }
        }
        Map<Long, Map<String, MeasureValue>> bySchool = new HashMap<>();
        Map<String, MeasureValue> total = new LinkedHashMap<>();
        List<Heading> headings = MeasureBook.definitions(c.kind()).stream()
                .map(d -> new Heading(d.id(), d.label(), d.percent(), d.decimals(), d.denominator())).toList();
        boolean provisional = false;
        for (MeasureValue v : book.results()) {
            if (v.collection() == c.kind() && v.school() != null) {
                bySchool.computeIfAbsent(Long.valueOf(v.school()), k -> new LinkedHashMap<>()).put(v.id(), v);
            }
        }
        for (MeasureValue v : laBook.results()) {
            if (v.collection() == c.kind() && v.school() == null) {
                total.put(v.id(), v);
                provisional |= v.provisional();
            }
        }
        return new Report(collectionId, c.kind(), c.summerYear(), suppressBelow, !provisional,
                headings, schools, bySchool, total, List.copyOf(counted));
    }

    /**
     * Last year's phonics returns that the LA accepted, given to the book before this year's: with them the re-check
     * rate leaves out pupils who met the standard in Year 1, and a school's figure "by the end of Year 2" is counted
     * (without its accepted return of last year it is not available). Only accepted returns: a return the LA has not
     * accepted may still change, and last year's figures are settled ones. Each school is keyed as this year's are, by
     * school id, and counted with last year's collection's own threshold.
     */
    private void lastYearsPhonics(int summerYear, MeasureBook... books) {
        record Accepted(long schoolId, long submissionId, Integer threshold) {
        }
        List<Accepted> accepted = jdbc.sql("""
                select r.school_id, s.id, c.phonics_threshold
                from collection c
                join file_request r on r.collection_id = c.id
                join current_submission s on s.file_request_id = r.id
                where c.kind = :kind and c.summer_year = :year and r.status = :accepted
                order by r.school_id""")
                .param("kind", Collection.PHONICS.name()).param("year", summerYear)
                .param("accepted", RequestStatus.ACCEPTED.name())
                .query((rs, n) -> new Accepted(rs.getLong(1), rs.getLong(2), (Integer) rs.getObject(3)))
                .list();
        Map<Long, List<AssessedPupil>> outcomes = outcomes(accepted.stream().map(Accepted::submissionId).toList());
        for (Accepted a : accepted) {
            ValidationContext context = MeasuredPupil.context(Collection.PHONICS, AcademicYear.ofSummer(summerYear),
                    a.threshold());
            for (MeasureBook book : books) {
                PupilListener lastYear = book.lastYear(Long.toString(a.schoolId()));
                outcomes.getOrDefault(a.submissionId(), List.of()).forEach(p -> lastYear.onPupil(context, p));
            }
        }
    }

    /**
     * The pupils of each version as its check counted them: those of its files that are the request's return
     * (readable, of this collection and year, and sent by this school), in the order read. One query for them all.
     */
    private Map<Long, List<AssessedPupil>> outcomes(List<Long> submissionIds) {
        Map<Long, List<AssessedPupil>> bySubmission = new HashMap<>();
        if (submissionIds.isEmpty()) {
            return bySubmission;
        }
        jdbc.sql("""
                select submission_id, upn, sex, nc_year, dob, pupil_groups, results from pupil_outcome
                where submission_id in (:ids) order by id""")
                .param("ids", submissionIds)
                .query(rs -> {
                    MeasuredPupil pupil = new MeasuredPupil(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), groups((String[]) rs.getArray(6).getArray()),
                            json.readValue(rs.getString(7), RESULTS));
                    bySubmission.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(pupil.toAssessed());
                });
        return bySubmission;
    }

    private static final TypeReference<Map<String, List<String>>> RESULTS = new TypeReference<>() {
    };

    private static List<PupilGroup> groups(String[] names) {
        List<PupilGroup> groups = new ArrayList<>(names.length);
        for (String name : names) {
            groups.add(PupilGroup.valueOf(name));
        }
        return groups;
    }
}
