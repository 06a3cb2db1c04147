package org.openreturns.server.reports.web;

import static org.openreturns.server.reports.web.ReportFiles.HEADER;
import static org.openreturns.server.reports.web.ReportFiles.csv;
import static org.openreturns.server.reports.web.ReportFiles.fileName;
import static org.openreturns.server.reports.web.ReportFiles.laRows;
import static org.openreturns.server.reports.web.ReportFiles.schoolRows;
import static org.openreturns.server.reports.web.ReportFiles.xlsx;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.calculations.Reports;
import org.openreturns.server.reports.calculations.Reports.LaReport;
import org.openreturns.server.reports.calculations.Reports.SchoolReport;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A report's underlying rows as CSV and XLSX: one row per school (or LA total, or national figure) and measure, with
 * the counts behind each figure. Suppressed and provisional figures leave the count and value empty, as on the page.
 */
@Controller
class ReportDownloads {

    private final Reports reports;
    private final AuditLog audit;

    ReportDownloads(Reports reports, AuditLog audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @GetMapping("/la/collections/{id}/report.csv")
    void laCsv(@PathVariable("id") long id, Authentication auth, HttpServletResponse response) throws IOException {
        LaReport report = reports.forLa(Actor.of(auth), id, null, false);
        downloaded(auth, null, "collection " + id, "report.csv");
        csv(response, fileName(report.collection()) + ".csv", HEADER, laRows(report));
    }

    @GetMapping("/la/collections/{id}/report.xlsx")
    void laXlsx(@PathVariable("id") long id, Authentication auth, HttpServletResponse response) throws IOException {
        LaReport report = reports.forLa(Actor.of(auth), id, null, false);
        downloaded(auth, null, "collection " + id, "report.xlsx");
        xlsx(response, fileName(report.collection()) + ".xlsx", HEADER, laRows(report));
    }

    @GetMapping("/requests/{id}/report.csv")
    void schoolCsv(@PathVariable("id") long id, Authentication auth, HttpServletResponse response) throws IOException {
        SchoolReport report = reports.forRequest(Actor.of(auth), id);
        downloaded(auth, report.schoolId(), "request " + id, "report.csv");
        csv(response, fileName(report.collection()) + "-school.csv", HEADER, schoolRows(report));
    }

    @GetMapping("/requests/{id}/report.xlsx")
    void schoolXlsx(@PathVariable("id") long id, Authentication auth, HttpServletResponse response)
            throws IOException {
        SchoolReport report = reports.forRequest(Actor.of(auth), id);
        downloaded(auth, report.schoolId(), "request " + id, "report.xlsx");
        xlsx(response, fileName(report.collection()) + "-school.xlsx", HEADER, schoolRows(report));
    }

    private void downloaded(Authentication auth, Long schoolId, String target, String what) {
        Actor actor = Actor.of(auth);
        audit.record(actor.name(), actor.roleName(), schoolId, "EXPORT", target, what);
    }
}
