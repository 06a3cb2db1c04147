package org.openreturns.server.reports.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.engine.measures.PupilGroup.Breakdown;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.calculations.GroupReports;
import org.openreturns.server.reports.calculations.GroupReports.BreakdownFigures;
import org.openreturns.server.reports.calculations.GroupReports.Figures;
import org.openreturns.server.reports.calculations.GroupReports.GroupRow;
import org.openreturns.server.reports.calculations.Measures.Heading;
import org.openreturns.server.reports.calculations.Measures.ReportedSchool;
import org.openreturns.server.reports.calculations.Reports;
import org.openreturns.server.reports.calculations.Reports.CollectionInfo;
import org.openreturns.server.reports.calculations.Reports.SchoolReport;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The group figures as CSV and XLSX for the LA (every school and the LA total) and for a school (its own, and the
 * LA's once published). Who may see what is as for the headline report.
 */
@Controller
class GroupReportDownloads {

    static final List<String> HEADER = List.of("School", "DfE number", "Breakdown", "Group", "Measure id", "Measure",
            "Pupils counted", "Pupils meeting or total", "Value", "Suppressed", "Provisional");

    private final Reports reports;
    private final GroupReports groups;
    private final AuditLog audit;

    GroupReportDownloads(Reports reports, GroupReports groups, AuditLog audit) {
        this.reports = reports;
        this.groups = groups;
        this.audit = audit;
    }

    @GetMapping("/la/collections/{id}/report/groups.csv")
    void laCsv(@PathVariable("id") long id, Authentication auth, HttpServletResponse response) throws IOException {
        CollectionInfo c = reports.collection(id);
        List<List<Object>> rows = laRows(groups.of(id));
        downloaded(auth, null, "collection " + id, "report-groups.csv");
        ReportFiles.csv(response, ReportFiles.fileName(c) + "-groups.csv", HEADER, rows);
    }

    @GetMapping("/la/collections/{id}/report/groups.xlsx")
    void laXlsx(@PathVariable("id") long id, Authentication auth, HttpServletResponse response) throws IOException {
        CollectionInfo c = reports.collection(id);
        List<List<Object>> rows = laRows(groups.of(id));
        downloaded(auth, null, "collection " + id, "report-groups.xlsx");
        ReportFiles.xlsx(response, ReportFiles.fileName(c) + "-groups.xlsx", HEADER, rows);
    }

    @GetMapping("/requests/{id}/report/groups.csv")
    void schoolCsv(@PathVariable("id") long id, Authentication auth, HttpServletResponse response)
            throws IOException {
        SchoolReport report = reports.forRequest(Actor.of(auth), id);
        List<List<Object>> rows = schoolRows(report);
        downloaded(auth, report.schoolId(), "request " + id, "report-groups.csv");
        ReportFiles.csv(response, ReportFiles.fileName(report.collection()) + "-school-groups.csv", HEADER,
                rows);
    }

    @GetMapping("/requests/{id}/report/groups.xlsx")
    void schoolXlsx(@PathVariable("id") long id, Authentication auth, HttpServletResponse response)
            throws IOException {
        SchoolReport report = reports.forRequest(Actor.of(auth), id);
        List<List<Object>> rows = schoolRows(report);
        downloaded(auth, report.schoolId(), "request " + id, "report-groups.xlsx");
        ReportFiles.xlsx(response, ReportFiles.fileName(report.collection()) + "-school-groups.xlsx",
                HEADER, rows);
    }

    private void downloaded(Authentication auth, Long schoolId, String target, String what) {
        Actor actor = Actor.of(auth);
        audit.record(actor.name(), actor.roleName(), schoolId, "EXPORT", target, what);
    }

    /** Every school's group rows, then the LA's; a breakdown no pupil's file carries has no rows. */
    private static List<List<Object>> laRows(Figures figures) {
        List<List<Object>> rows = new ArrayList<>();
        for (ReportedSchool s : figures.report().schools()) {
            addRows(rows, figures, s.schoolId(), s.name(), s.la() + s.estab());
        }
        addRows(rows, figures, null, "LA total", "");
        return rows;
    }

    /** The school's own group rows, then the LA's once the report is published, as on the page. */
    private List<List<Object>> schoolRows(SchoolReport report) {
        List<List<Object>> rows = new ArrayList<>();
        if (!report.checked()) {
            return rows;
        }
        Figures figures = groups.of(report.collection().id());
        addRows(rows, figures, report.schoolId(), report.schoolName(), "");
        if (report.comparisons()) {
            addRows(rows, figures, null, "LA total", "");
        }
        return rows;
    }

    private static void addRows(List<List<Object>> rows, Figures figures, Long schoolId, String who, String dfe) {
        List<Heading> headings = figures.report().headings();
        for (Breakdown b : Breakdown.values()) {
            BreakdownFigures f = figures.of(schoolId, b);
            if (!f.available()) {
                continue;
            }
            for (GroupRow g : f.rows()) {
                for (int m = 0; m < headings.size(); m++) {
                    MeasureValue v = g.values().get(m);
                    List<Object> row = new ArrayList<>(ReportFiles.row(who, dfe, headings.get(m), v));
                    row.add(2, b.label());
                    row.add(3, g.group().label());
                    rows.add(row);
                }
            }
        }
    }
}
