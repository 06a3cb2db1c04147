package org.openreturns.server.reports.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.calculations.Reports;
import org.openreturns.server.reports.calculations.YearOnYear;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The LA's year-on-year table as CSV and XLSX: every school's figure for one measure this year and last. */
@Controller
class YearOnYearDownloads {

    private final Reports reports;
    private final YearOnYear yearOnYear;
    private final AuditLog audit;

    YearOnYearDownloads(Reports reports, YearOnYear yearOnYear, AuditLog audit) {
        this.reports = reports;
        this.yearOnYear = yearOnYear;
        this.audit = audit;
    }

    @GetMapping("/la/collections/{id}/report/years.csv")
    void csv(@PathVariable("id") long id, @RequestParam(name = "measure", required = false) String measure,
            Authentication auth, HttpServletResponse response) throws IOException {
        Sheet sheet = sheet(id, measure, auth, "years.csv");
        ReportFiles.csv(response, sheet.fileName() + ".csv", sheet.header(), sheet.rows());
    }

    @GetMapping("/la/collections/{id}/report/years.xlsx")
    void xlsx(@PathVariable("id") long id, @RequestParam(name = "measure", required = false) String measure,
            Authentication auth, HttpServletResponse response) throws IOException {
        Sheet sheet = sheet(id, measure, auth, "years.xlsx");
        ReportFiles.xlsx(response, sheet.fileName() + ".xlsx", sheet.header(), sheet.rows());
    }

    private record Sheet(String fileName, List<String> header, List<List<Object>> rows) {
    }

    /** The rows as the page shows them (figures rounded as published), one per school and the LA total last. */
    private Sheet sheet(long id, String measure, Authentication auth, String what) {
        Reports.CollectionInfo c = reports.collection(id);
        Actor actor = Actor.of(auth);
        YearOnYear.BySchool years = yearOnYear.bySchool(actor, c, measure);
        List<String> header = new ArrayList<>(List.of("School", "DfE number", "Measure id", "Measure",
                Integer.toString(years.summerYear())));
        if (years.lastYear() != null) {
            header.add(Integer.toString(years.lastYear()));
            header.add("Change");
        }
        List<List<Object>> rows = new ArrayList<>();
        List<YearOnYear.SchoolRow> all = new ArrayList<>(years.rows());
        all.add(years.total());
        for (YearOnYear.SchoolRow row : all) {
            List<Object> cells = new ArrayList<>(List.of(row.name(), row.dfeNumber() == null ? "" : row.dfeNumber(),
                    years.measure().id(), years.measure().label(), row.thisYear()));
            if (years.lastYear() != null) {
                cells.add(row.lastYear());
                cells.add(row.change());
            }
            rows.add(cells);
        }
        audit.record(actor.name(), actor.roleName(), null, "EXPORT", "collection " + id, "report/" + what);
        return new Sheet(ReportFiles.fileName(c) + "-year-on-year-" + years.measure().id().replace('.', '-'),
                header, rows);
    }
}
