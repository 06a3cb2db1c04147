package org.openreturns.server.reports.views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.server.reports.calculations.PupilTables.PupilTable;
import org.openreturns.server.reports.calculations.Reports.SchoolReport;
import org.openreturns.server.reports.calculations.YearOnYear.SchoolYears;
import org.openreturns.server.reports.charts.ReportCharts.Chart;

/**
 * The school's report as its page and its PDF show it: the headline figures, charts, group tables, pupil table and
 * the school's own earlier year.
 *
 * @param ownYears null until the school's return is checked
 */
public record SchoolReportView(SchoolReport report, List<Line> lines, List<Chart> charts,
        List<GroupViews.Table> groups, boolean anySuppressed, PupilTable pupilTable, SchoolYears ownYears) {

    public static final String TEMPLATE = "reports/school-report";

    /**
     * One measure: the school's figure, and the LA's and national ones when the reader may see them (else null);
     * {@code counts} says who the measure counts (its denominator).
     */
    public record Line(String label, Cell school, Cell la, String national, String counts) {
    }

    /** The template's variables. */
    public Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("report", report);
        model.put("lines", lines);
        model.put("charts", charts);
        model.put("groups", groups);
        model.put("anySuppressed", anySuppressed);
        model.put("pupilTable", pupilTable);
        model.put("ownYears", ownYears);
        return model;
    }
}
