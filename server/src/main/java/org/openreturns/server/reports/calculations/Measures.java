package org.openreturns.server.reports.calculations;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.measures.MeasureBook;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.engine.measures.Suppression;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.validation.FileReport;
import org.openreturns.engine.validation.PupilListener;
import org.openreturns.engine.validation.ReturnValidator;
import org.openreturns.engine.validation.ValidationOptions;
import org.openreturns.server.requests.RequestStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The headline measures of a collection per school and for the LA, counted by the engine's own {@link MeasureBook}
 * over the stored bytes of each school's current version once it is checked, so a report always equals the engine's
 * computation. A collection's report is kept until one of its schools sends a new version, the phonics threshold
 * or the suppression threshold changes: the key of the cache is exactly those inputs. Each version's pupils are kept
 * as read while it is current, so a new version re-reads one school's files rather than all of them (reading every
 * file of 320 schools takes about a second on a small server; counting pupils already read, milliseconds).
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

    /** A headline measure as a column or row of a report; averages are shown to 1 dp, percentages whole. */
    public record Heading(String id, String label, boolean percent) {

        public boolean isPercent() {
            return percent;
        }
    }

    /**
     * A pupil counted in a report, as the checks read them: views derived from a report (pupil groups, charts) count
     * these rather than reading the stored files again.
     */
    public record CountedPupil(long schoolId, ValidationContext context, AssessedPupil pupil) {
    }

    /**
     * A collection's report. Derived views may cache what they compute from a report by its identity: a new report
     * object is made whenever any of its inputs changes.
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

    private record Inputs(Integer phonicsThreshold, int suppressBelow, List<Long> submissionIds) {
    }

    private record Cached(Inputs inputs, Report report) {
    }

    private record CollectionRow(Collection kind, int summerYear, Integer phonicsThreshold) {
    }

    private final JdbcClient jdbc;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
    /** Per collection, the pupils of each current version, kept only while the version is current. */
    private final Map<Long, Map<Long, ReadSubmission>> read = new ConcurrentHashMap<>();

    Measures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int suppressBelow() {
        return jdbc.sql("select suppress_below from report_setting where id = 1").query(Integer.class).single();
    }

    /** The collection's report, or empty if there is no such collection. */
    public Optional<Report> of(long collectionId) {
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
                join submission s on s.file_request_id = r.id
                 and s.version = (select max(version) from submission where file_request_id = r.id)
                where r.collection_id = :c and r.status in (:counted)
                order by sc.name, sc.id""")
                .param("c", collectionId).param("counted", COUNTED)
                .query((rs, n) -> new ReportedSchool(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4).strip(), rs.getString(5).strip(), rs.getLong(6)))
                .list();
        Inputs inputs = new Inputs(c.phonicsThreshold(), suppressBelow(),
                schools.stream().map(ReportedSchool::submissionId).toList());
        Cached cached = cache.get(collectionId);
        if (cached != null && cached.inputs().equals(inputs)) {
            return Optional.of(cached.report());
        }
        Report report = compute(collectionId, c, schools, inputs);
        cache.put(collectionId, new Cached(inputs, report));
        return Optional.of(report);
    }

    private Report compute(long collectionId, CollectionRow c, List<ReportedSchool> schools, Inputs inputs) {
        ValidationOptions options = ValidationOptions.defaults();
        if (c.phonicsThreshold() != null) {
            options = options.withPhonicsThreshold(c.phonicsThreshold());
        }
        ReturnValidator validator = new ReturnValidator(new CtfReader(), options);
        MeasureBook book = new MeasureBook(new Suppression(inputs.suppressBelow()));
        Map<Long, ReadSubmission> earlier = read.getOrDefault(collectionId, Map.of());
        Map<Long, ReadSubmission> now = new HashMap<>();
        List<CountedPupil> counted = new ArrayList<>();
        for (ReportedSchool school : schools) {
            ReadSubmission seen = earlier.get(school.submissionId());
            if (seen == null || !Objects.equals(seen.phonicsThreshold(), c.phonicsThreshold())) {
                seen = new ReadSubmission(c.phonicsThreshold(), readSchool(validator, c, school));
            }
            now.put(school.submissionId(), seen);
            PupilListener counter = book.school(Long.toString(school.schoolId()));
            for (SeenPupil p : seen.pupils()) {
                counter.onPupil(p.context(), p.pupil());
                counted.add(new CountedPupil(school.schoolId(), p.context(), p.pupil()));
            }
        }
        read.put(collectionId, now);
        Map<Long, Map<String, MeasureValue>> bySchool = new HashMap<>();
        Map<String, MeasureValue> total = new LinkedHashMap<>();
        List<Heading> headings = MeasureBook.definitions(c.kind()).stream()
                .map(d -> new Heading(d.id(), d.label(), d.percent())).toList();
        boolean provisional = false;
        for (MeasureValue v : book.results()) {
            if (v.collection() != c.kind()) {
                continue;
            }
            if (v.school() == null) {
                total.put(v.id(), v);
                provisional |= v.provisional();
            } else {
                bySchool.computeIfAbsent(Long.valueOf(v.school()), k -> new LinkedHashMap<>()).put(v.id(), v);
            }
        }
        return new Report(collectionId, c.kind(), c.summerYear(), inputs.suppressBelow(), !provisional,
                headings, schools, bySchool, total, List.copyOf(counted));
    }

    /**
     * The pupils of the school's files as the checks accepted them: readable, of this collection and year, and sent
     * by this school. A file that turns out broken part-way is discarded whole, as the engine asks.
     */
    private List<SeenPupil> readSchool(ReturnValidator validator, CollectionRow c, ReportedSchool school) {
        List<FileContent> files = jdbc.sql("""
                select file_name, content from submission_file
                where submission_id = :s and read_error is null and collection = :kind and summer_year = :year
                order by id""")
                .param("s", school.submissionId()).param("kind", c.kind().name()).param("year", c.summerYear())
                .query((rs, n) -> new FileContent(rs.getString(1), rs.getBytes(2))).list();
        List<SeenPupil> all = new ArrayList<>();
        for (FileContent file : files) {
            List<SeenPupil> pupils = new ArrayList<>();
            boolean[] ours = {true};
            FileReport report = validator.validate(file.name(), new ByteArrayInputStream(file.content()),
                    new PupilListener() {
                        @Override
                        public void onFileStart(CtfHeader h, ValidationContext context) {
                            ours[0] = h.sourceLa() == null || h.sourceEstab() == null
                                    || h.sourceLa().equals(school.la()) && h.sourceEstab().equals(school.estab());
                        }

                        @Override
                        public void onPupil(ValidationContext context, AssessedPupil pupil) {
                            pupils.add(new SeenPupil(context, pupil));
                        }
                    });
            if (report.readable() && ours[0]) {
                all.addAll(pupils);
            }
        }
        return List.copyOf(all);
    }

    private record SeenPupil(ValidationContext context, AssessedPupil pupil) {
    }

    /** A version's pupils as read with a phonics threshold, so that a new report re-reads only what changed. */
    private record ReadSubmission(Integer phonicsThreshold, List<SeenPupil> pupils) {
    }

    private record FileContent(String name, byte[] content) {
    }
}
