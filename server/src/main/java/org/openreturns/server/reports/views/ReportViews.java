package org.openreturns.server.reports.views;

import java.util.ArrayList;
import java.util.List;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.calculations.GroupReports;
import org.openreturns.server.reports.calculations.GroupReports.Figures;
import org.openreturns.server.reports.calculations.Measures.Heading;
import org.openreturns.server.reports.calculations.PupilTables;
import org.openreturns.server.reports.calculations.Reports;
import org.openreturns.server.reports.calculations.Reports.CollectionInfo;
import org.openreturns.server.reports.calculations.Reports.LaReport;
import org.openreturns.server.reports.calculations.Reports.LaRow;
import org.openreturns.server.reports.calculations.Reports.SchoolReport;
import org.openreturns.server.reports.calculations.YearOnYear;
import org.openreturns.server.reports.charts.ReportCharts;
import org.springframework.stereotype.Component;

/**
 * Builds each report's view for its page and for its PDF alike, so that both show the same figures from one
 * template. Each build reads (and audits) what the reader may see, as viewing the page does.
 */
@Component
public class ReportViews {

    private final Reports reports;
    private final ReportCharts charts;
    private final PupilTables pupilTables;
    private final YearOnYear yearOnYear;
    private final GroupReports groupReports;
    private final GroupViews groups;
    private final AuditLog audit;

    ReportViews(Reports reports, ReportCharts charts, PupilTables pupilTables, YearOnYear yearOnYear,
            GroupReports groupReports, GroupViews groups, AuditLog audit) {
        this.reports = reports;
        this.charts = charts;
        this.pupilTables = pupilTables;
        this.yearOnYear = yearOnYear;
        this.groupReports = groupReports;
        this.groups = groups;
        this.audit = audit;
    }

    /** The school's report for its file request; 404 for a request the actor may not see. */
    public SchoolReportView school(Actor actor, long requestId, boolean pupilsDescending) {
        SchoolReport report = reports.forRequest(actor, requestId);
        List<SchoolReportView.Line> lines = new ArrayList<>();
        for (Reports.Line l : report.lines()) {
            lines.add(new SchoolReportView.Line(l.heading().label(), Cell.of(l.heading(), l.school()),
                    report.comparisons() ? Cell.of(l.heading(), l.la()) : null,
                    report.comparisons() ? Reports.displayNational(l.heading(), l.national()) : null,
                    l.heading().denominator()));
        }
        return new SchoolReportView(report, lines, charts.forSchool(report), groups.forSchool(report),
                lines.stream().anyMatch(l -> l.school().suppressed() || l.la() != null && l.la().suppressed()),
                pupilTables.view(actor, requestId, pupilsDescending),
                report.checked() ? yearOnYear.forSchool(report.collection().id(), report.schoolId()) : null);
    }

    /** Every school's row, sorted by the measure given (or by school name), with links that sort the page. */
    public LaReportView la(Actor actor, long collectionId, String sort, boolean descending) {
        LaReport report = reports.forLa(actor, collectionId, sort, descending);
        boolean byMeasure = sort != null && report.report().total().containsKey(sort);
        List<Heading> headings = report.report().headings();
        String base = "/la/collections/" + collectionId + "/report";
        List<LaReportView.Column> columns = new ArrayList<>();
        for (Heading h : headings) {
            boolean sorted = byMeasure && h.id().equals(sort);
            columns.add(new LaReportView.Column(h, base + "?sort=" + h.id() + "&order="
                    + (sorted && !descending ? "descending" : "ascending"),
                    sorted ? (descending ? "descending" : "ascending") : "none"));
        }
        List<LaReportView.Row> rows = new ArrayList<>();
        for (LaRow r : report.rows()) {
            List<Cell> cells = headings.stream().map(h -> Cell.of(h, r.values().get(h.id()))).toList();
            rows.add(new LaReportView.Row(r.school().name(), r.school().la() + "/" + r.school().estab(),
                    r.school().requestId(), cells));
        }
        return new LaReportView(report, columns, rows, charts.forLa(report.report()),
                base + "?order=" + (!byMeasure && !descending ? "descending" : "ascending"),
                byMeasure ? "none" : descending ? "descending" : "ascending",
                headings.stream().map(h -> Cell.of(h, report.report().total().get(h.id()))).toList(),
                headings.stream().map(h -> Reports.displayNational(h, report.national().get(h.id()))).toList(),
                actor.role() != null && actor.role().name().startsWith("LA_"), yearOnYear.laTotals(collectionId));
    }

    /** The LA's report by pupil group. */
    public GroupReportView groups(Actor actor, long collectionId) {
        CollectionInfo c = reports.collection(collectionId);
        Figures figures = groupReports.of(collectionId);
        List<GroupViews.Table> tables = groups.forLa(figures);
        audit.record(actor.name(), actor.roleName(), null, "REPORT_VIEWED", "collection " + collectionId,
                c.title() + " LA report by pupil group");
        return new GroupReportView(c, figures.report().suppressBelow(), tables, GroupViews.anySuppressed(tables));
    }

    /** Every school's figure for one measure (the first if none or no such one is asked for) beside last year's. */
    public YearOnYearView yearOnYear(Actor actor, long collectionId, String measure) {
        CollectionInfo c = reports.collection(collectionId);
        return new YearOnYearView(c, yearOnYear.bySchool(actor, c, measure));
    }

    /** The school's report for parents, each measure explained. */
    public ParentsReportView parents(Actor actor, long requestId) {
        SchoolReport report = reports.forRequest(actor, requestId);
        List<ParentsReportView.Line> lines = new ArrayList<>();
        boolean anySuppressed = false;
        for (Reports.Line l : report.lines()) {
            lines.add(new ParentsReportView.Line(l.heading().label(), ParentsReportView.EXPLANATIONS.getOrDefault(
                    l.heading().id(), l.heading().label() + "."), Reports.display(l.heading(), l.school()),
                    report.comparisons() ? Reports.display(l.heading(), l.la()) : null,
                    report.comparisons() ? Reports.displayNational(l.heading(), l.national()) : null));
            anySuppressed |= l.school() != null && l.school().suppressed()
                    || report.comparisons() && l.la() != null && l.la().suppressed();
        }
        return new ParentsReportView(report, lines, anySuppressed);
    }
}
