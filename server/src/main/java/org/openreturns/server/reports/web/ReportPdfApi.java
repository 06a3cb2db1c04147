package org.openreturns.server.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.pdf.ReportPdfs;
import org.openreturns.server.reports.pdf.ReportPdfs.SchoolPdf;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A school's report page as an accessible PDF, for scripts that file or send it on. */
@RestController
@Tag(name = "Reports", description = "The headline measures of a school's checked return")
class ReportPdfApi {

    private final ReportPdfs pdfs;
    private final AuditLog audit;

    ReportPdfApi(ReportPdfs pdfs, AuditLog audit) {
        this.pdfs = pdfs;
        this.audit = audit;
    }

    @Operation(summary = "A file request's report as a PDF",
            description = "The school's report page as a tagged, accessible PDF (PDF/UA, PDF/A-3u): the headline "
                    + "measures of its checked return, beside the LA's and national figures once the LA publishes "
                    + "them. Percentages as whole numbers, averages to one decimal place, as on the page.")
    @ApiResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No such request for this token's school",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/file-requests/{id}/report.pdf")
    ResponseEntity<byte[]> report(@Parameter(description = "The file request's id") @PathVariable("id") long id,
            Authentication authentication) {
        Actor actor = Actor.of(authentication);
        SchoolPdf pdf = pdfs.school(actor, id);
        audit.record(actor.name(), actor.roleName(), pdf.report().schoolId(), "EXPORT", "request " + id,
                "report.pdf via " + actor.channel());
        return ReportFiles.pdfResponse(pdf.fileName(), pdf.bytes());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail notFound(ResponseStatusException e) {
        ProblemDetail problem = ProblemDetail.forStatus(e.getStatusCode());
        problem.setTitle(e.getStatusCode().value() == HttpStatus.NOT_FOUND.value() ? "Not found" : "Cannot answer");
        problem.setDetail(e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()
                ? "File request not found" : e.getReason());
        return problem;
    }
}
