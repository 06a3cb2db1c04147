package org.openreturns.server.reports.calculations;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openreturns.engine.measures.GroupedMeasureBook;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.engine.measures.PupilGroup;
import org.openreturns.engine.measures.PupilGroup.Breakdown;
import org.openreturns.engine.measures.Suppression;
import org.openreturns.engine.validation.PupilListener;
import org.openreturns.server.reports.calculations.Measures.CountedPupil;
import org.openreturns.server.reports.calculations.Measures.Heading;
import org.openreturns.server.reports.calculations.Measures.Report;
import org.springframework.stereotype.Service;

/**
 * The headline measures by pupil group (sex, disadvantage, SEN, first language), per school and for the LA, counted
 * by the engine's {@link GroupedMeasureBook} over the pupils a report already counted, so that group figures use
 * exactly the engine's definitions and suppression. Kept per collection while the report object is the same one.
 */
@Service
public class GroupReports {

    /** One group's figures in the order of the report's headings; null where the group has no pupils. */
    public record GroupRow(PupilGroup group, List<MeasureValue> values) {
    }

    /**
     * One breakdown for one school (or the LA): its groups' rows, or none when no pupil's file carries what it
     * needs; {@code pupilsWithout} counts the pupils left out of it for that reason.
     */
    public record BreakdownFigures(Breakdown breakdown, long pupils, long pupilsWithout, List<GroupRow> rows) {

        public boolean available() {
            return pupils > pupilsWithout;
        }

        public boolean partial() {
            return available() && pupilsWithout > 0;
        }
    }

    /** Every group's figures for a report: per school id as text, and for the LA under null. */
    public record Figures(Report report, GroupedMeasureBook book,
            Map<PupilGroup, Map<String, Map<String, MeasureValue>>> values) {

        public BreakdownFigures of(Long schoolId, Breakdown breakdown) {
            String key = schoolId == null ? null : Long.toString(schoolId);
            List<GroupRow> rows = new ArrayList<>();
            for (PupilGroup g : breakdown.groups()) {
                Map<String, MeasureValue> byId = values.getOrDefault(g, Map.of()).getOrDefault(key, Map.of());
                List<MeasureValue> row = new ArrayList<>();
                for (Heading h : report.headings()) {
                    row.add(byId.get(h.id()));
                }
                rows.add(new GroupRow(g, row));
            }
            return new BreakdownFigures(breakdown, book.pupils(key), book.pupilsWithout(key, breakdown),
                    List.copyOf(rows));
        }

        public List<BreakdownFigures> of(Long schoolId) {
            List<BreakdownFigures> all = new ArrayList<>();
            for (Breakdown b : Breakdown.values()) {
                all.add(of(schoolId, b));
            }
            return all;
        }
    }

    private record Cached(Report report, Figures figures) {
    }

    private final Measures measures;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    GroupReports(Measures measures) {
        this.measures = measures;
    }

    /** The group figures of the collection's current report. */
    public Figures of(long collectionId) {
        return of(measures.of(collectionId).orElseThrow());
    }

    public Figures of(Report report) {
        Cached cached = cache.get(report.collectionId());
        if (cached != null && cached.report() == report) {
            return cached.figures();
        }
        Figures figures = compute(report);
        cache.put(report.collectionId(), new Cached(report, figures));
        return figures;
    }

    private static Figures compute(Report report) {
        GroupedMeasureBook book = new GroupedMeasureBook(new Suppression(report.suppressBelow()));
        Map<Long, PupilListener> listeners = new HashMap<>();
        for (CountedPupil p : report.pupils()) {
            listeners.computeIfAbsent(p.schoolId(), id -> book.school(Long.toString(id)))
                    .onPupil(p.context(), p.pupil());
        }
        Map<PupilGroup, Map<String, Map<String, MeasureValue>>> values = new EnumMap<>(PupilGroup.class);
        for (PupilGroup g : PupilGroup.values()) {
            Map<String, Map<String, MeasureValue>> bySchool = new HashMap<>();
            for (MeasureValue v : book.results(g)) {
                if (v.collection() == report.kind()) {
                    bySchool.computeIfAbsent(v.school(), k -> new HashMap<>()).put(v.id(), v);
                }
            }
            values.put(g, bySchool);
        }
        return new Figures(report, book, values);
    }
}
