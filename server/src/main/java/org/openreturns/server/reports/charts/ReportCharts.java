package org.openreturns.server.reports.charts;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openreturns.engine.measures.Distribution;
import org.openreturns.engine.measures.DistributionBook;
import org.openreturns.engine.measures.Suppression;
import org.openreturns.engine.validation.PupilListener;
import org.openreturns.server.reports.calculations.Measures;
import org.openreturns.server.reports.calculations.Measures.CountedPupil;
import org.openreturns.server.reports.calculations.Measures.Report;
import org.openreturns.server.reports.calculations.Reports;
import org.springframework.stereotype.Service;

/**
 * The charts of a report: the engine's {@link DistributionBook} over the report's counted pupils, drawn as bar
 * charts with a text alternative and the same data as a table. Counted once per report object (a new one is made
 * whenever the report's inputs change), so a page view only draws.
 */
@Service
public class ReportCharts {

    /**
     * One chart as the page shows it. {@code svg} is null when the chart is not drawn, and {@code notDrawn} then says
     * why (too few pupils, or none).
     */
    public record Chart(String id, String caption, Distribution distribution, String alt, String svg,
            String notDrawn) {
    }

    /**
     * A report's distributions. The report is held weakly: once {@link Measures} replaces it, its pupils need not
     * stay in memory until this collection's charts are next asked for.
     */
    private record Counted(WeakReference<Report> report, int suppressBelow, List<Distribution> distributions,
            Integer phonicsThreshold) {
    }

    private final Measures measures;
    private final Map<Long, Counted> counted = new ConcurrentHashMap<>();

    ReportCharts(Measures measures) {
        this.measures = measures;
    }

    /** The school's charts once its return is checked, each followed by the LA's once the report is published. */
    public List<Chart> forSchool(Reports.SchoolReport school) {
        if (!school.checked()) {
            return List.of();
        }
        Counted c = count(measures.of(school.collection().id()).orElseThrow());
        String key = Long.toString(school.schoolId());
        List<Chart> charts = new ArrayList<>();
        for (Distribution d : c.distributions()) {
            if (key.equals(d.school())) {
                charts.add(chart(c, d, "school", "your school"));
                if (school.comparisons()) {
                    c.distributions().stream().filter(t -> t.school() == null && t.id().equals(d.id())).findFirst()
                            .ifPresent(t -> charts.add(chart(c, t, "la", "all schools in the LA")));
                }
            }
        }
        return charts;
    }

    /** The LA's charts: every counted pupil of every school together. */
    public List<Chart> forLa(Report report) {
        Counted c = count(report);
        return c.distributions().stream().filter(d -> d.school() == null).map(d -> chart(c, d, "la", "all schools"))
                .toList();
    }

    private Counted count(Report report) {
        Counted c = counted.get(report.collectionId());
        if (c != null && c.report().get() == report) {
            return c;
        }
        DistributionBook book = new DistributionBook(new Suppression(report.suppressBelow()));
        Integer threshold = null;
        long school = -1;
        PupilListener listener = null;
        for (CountedPupil p : report.pupils()) {
            // The pupils come school by school: one listener per run of a school's pupils.
            if (listener == null || p.schoolId() != school) {
                school = p.schoolId();
                listener = book.school(Long.toString(school));
            }
            listener.onPupil(p.context(), p.pupil());
            threshold = p.context().phonicsThreshold();
        }
        List<Distribution> ofCollection = book.results().stream().filter(d -> d.collection() == report.kind())
                .toList();
        c = new Counted(new WeakReference<>(report), report.suppressBelow(), ofCollection, threshold);
        counted.put(report.collectionId(), c);
        return c;
    }

    private static Chart chart(Counted c, Distribution d, String whose, String whoseText) {
        String id = "chart-" + d.id().replace('.', '-') + "-" + whose;
        String caption = d.label() + ": " + whoseText;
        int suppressBelow = c.suppressBelow();
        if (d.pupils() == 0) {
            return new Chart(id, caption, d, null, null, "No pupil has a result to chart.");
        }
        if (d.suppressed()) {
            return new Chart(id, caption, d, null, null, "Not shown: only " + d.pupils() + " "
                    + (d.pupils() == 1 ? "pupil has" : "pupils have") + " a result, and charts of fewer than "
                    + suppressBelow + " pupils are not drawn, since so few could identify a child.");
        }
        String alt = ChartText.describe(d, c.phonicsThreshold());
        Integer threshold = d.id().equals("phonics.y1Marks") ? c.phonicsThreshold() : null;
        return new Chart(id, caption, d, alt, BarChart.svg(id, d, alt, threshold, "Threshold mark " + threshold),
                null);
    }
}
