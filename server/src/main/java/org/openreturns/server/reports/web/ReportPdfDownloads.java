package org.openreturns.server.reports.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.calculations.Measures;
import org.openreturns.server.reports.calculations.Measures.ReportedSchool;
import org.openreturns.server.reports.calculations.Reports;
import org.openreturns.server.reports.calculations.Reports.CollectionInfo;
import org.openreturns.server.reports.pdf.ReportPdfs;
import org.openreturns.server.reports.pdf.ReportPdfs.Pdf;
import org.openreturns.server.reports.pdf.ReportPdfs.SchoolPdf;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Every report page as a PDF, and the LA's zip of every school's report. Every download is audited. */
@Controller
class ReportPdfDownloads {

    private final ReportPdfs pdfs;
    private final Reports reports;
    private final Measures measures;
    private final AuditLog audit;

    ReportPdfDownloads(ReportPdfs pdfs, Reports reports, Measures measures, AuditLog audit) {
        this.pdfs = pdfs;
        this.reports = reports;
        this.measures = measures;
        this.audit = audit;
    }

    @GetMapping("/requests/{id}/report.pdf")
    ResponseEntity<byte[]> schoolReport(@PathVariable("id") long id, Authentication auth) {
        Actor actor = Actor.of(auth);
        SchoolPdf school = pdfs.school(actor, id);
        downloaded(actor, school.report().schoolId(), "request " + id, "report.pdf");
        return ReportFiles.pdfResponse(school.fileName(), school.bytes());
    }

    @GetMapping("/requests/{id}/parents-report.pdf")
    ResponseEntity<byte[]> parentsReport(@PathVariable("id") long id, Authentication auth) {
        Actor actor = Actor.of(auth);
        SchoolPdf school = pdfs.parents(actor, id);
        downloaded(actor, school.report().schoolId(), "request " + id, "parents-report.pdf");
        return ReportFiles.pdfResponse(school.fileName(), school.bytes());
    }

    @GetMapping("/la/collections/{id}/report.pdf")
    ResponseEntity<byte[]> laReport(@PathVariable("id") long id, Authentication auth) {
        Actor actor = Actor.of(auth);
        return laDownload(actor, id, "report.pdf", pdfs.la(actor, id));
    }

    @GetMapping("/la/collections/{id}/report/groups.pdf")
    ResponseEntity<byte[]> laGroups(@PathVariable("id") long id, Authentication auth) {
        Actor actor = Actor.of(auth);
        return laDownload(actor, id, "report/groups.pdf", pdfs.groups(actor, id));
    }

    @GetMapping("/la/collections/{id}/report/years.pdf")
    ResponseEntity<byte[]> laYears(@PathVariable("id") long id,
            @RequestParam(name = "measure", required = false) String measure, Authentication auth) {
        Actor actor = Actor.of(auth);
        return laDownload(actor, id, "report/years.pdf", pdfs.yearOnYear(actor, id, measure));
    }

    private ResponseEntity<byte[]> laDownload(Actor actor, long id, String what, Pdf pdf) {
        downloaded(actor, null, "collection " + id, what);
        return ReportFiles.pdfResponse(pdf.fileName(), pdf.bytes());
    }

    /** Every school's report in one zip, streamed as each is rendered. */
    @GetMapping("/la/collections/{id}/school-reports.zip")
    void schoolReportsZip(@PathVariable("id") long id, Authentication auth, HttpServletResponse response)
            throws IOException {
        CollectionInfo c = reports.collection(id);
        List<ReportedSchool> schools = measures.of(id).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND)).schools();
        Actor actor = Actor.of(auth);
        audit.record(actor.name(), actor.roleName(), null, "EXPORT", "collection " + id,
                "school-reports.zip: " + schools.size() + " school reports as PDF");
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ReportFiles.attachment(
                ReportPdfs.fileName(c.kind().name(), Integer.toString(c.summerYear()), "school-reports") + ".zip"));
        pdfs.writeZip(schools, actor, response.getOutputStream());
    }

    private void downloaded(Actor actor, Long schoolId, String target, String what) {
        audit.record(actor.name(), actor.roleName(), schoolId, "EXPORT", target, what);
    }
}
