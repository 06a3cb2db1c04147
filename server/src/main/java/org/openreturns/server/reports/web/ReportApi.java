package org.openreturns.server.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.calculations.Reports;
import org.openreturns.server.reports.calculations.Reports.SchoolReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A school's report for scripts: the same figures as its report page, to one decimal place. */
@RestController
@Tag(name = "Reports", description = "The headline measures of a school's checked return")
class ReportApi {

    private final Reports reports;

    ReportApi(Reports reports) {
        this.reports = reports;
    }

    record MeasureBody(
            @Schema(description = "The engine's measure id, e.g. ks2.writing.expected") String id,
            @Schema(description = "What the measure is, in plain English") String label,
            @Schema(description = "The school's figure to 1 dp; null when suppressed, provisional or no pupils",
                    nullable = true) BigDecimal school,
            @Schema(description = "The LA's figure; null until the LA publishes the report", nullable = true)
            BigDecimal la,
            @Schema(description = "The national figure; null when not available or not yet published",
                    nullable = true) BigDecimal national) {
    }

    record ReportBody(List<MeasureBody> measures) {
    }

    @Operation(summary = "A file request's report",
            description = "The headline measures of the school's checked return (empty until it is checked), each "
                    + "beside the LA's and the national figure once the LA publishes them. Percentages and averages "
                    + "to one decimal place, as the engine gives them.")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(responseCode = "404", description = "No such request for this token's school",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/file-requests/{id}/report")
    ReportBody report(@Parameter(description = "The file request's id") @PathVariable("id") long id,
            Authentication authentication) {
        SchoolReport report = reports.forRequest(Actor.of(authentication), id);
        return new ReportBody(report.lines().stream()
                .map(l -> new MeasureBody(l.heading().id(), l.heading().label(), Reports.oneDecimal(l.school()),
                        Reports.oneDecimal(l.la()),
                        l.national() == null ? null : l.national().setScale(1, RoundingMode.HALF_UP)))
                .toList());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail notFound(ResponseStatusException e) {
        ProblemDetail problem = ProblemDetail.forStatus(e.getStatusCode());
        problem.setTitle(e.getStatusCode().value() == HttpStatus.NOT_FOUND.value() ? "Not found"
                : "Cannot answer");
        problem.setDetail(e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()
                ? "File request not found" : e.getReason());
        return problem;
    }
}
