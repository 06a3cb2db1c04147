package org.openreturns.server.reports.views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.server.reports.calculations.Measures.Heading;
import org.openreturns.server.reports.calculations.Reports.LaReport;
import org.openreturns.server.reports.calculations.YearOnYear.LaTotals;
import org.openreturns.server.reports.charts.ReportCharts.Chart;

/** The LA's report across schools as its page and its PDF show it, sorted as asked. */
public record LaReportView(LaReport report, List<Column> columns, List<Row> rows, List<Chart> charts,
        String schoolSortHref, String schoolAriaSort, List<Cell> total, List<String> national, boolean mayManage,
        LaTotals laYears) {

    public static final String TEMPLATE = "reports/la-report";

    /** A measure's column heading, with the link that sorts by it and its current {@code aria-sort}. */
    public record Column(Heading heading, String href, String ariaSort) {
    }

    public record Row(String name, String dfeNumber, long requestId, List<Cell> cells) {
    }

    /** The template's variables. */
    public Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("report", report);
        model.put("collection", report.collection());
        model.put("columns", columns);
        model.put("rows", rows);
        model.put("charts", charts);
        model.put("schoolSortHref", schoolSortHref);
        model.put("schoolAriaSort", schoolAriaSort);
        model.put("total", total);
        model.put("national", national);
        model.put("mayManage", mayManage);
        model.put("laYears", laYears);
        return model;
    }
}
