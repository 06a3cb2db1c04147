package org.openreturns.server.api;

import org.openreturns.server.identity.ApiClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.openreturns.server.requests.FileRequests;
import org.openreturns.server.schools.SchoolRepository;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a token's school may read: itself and its own file requests, never another school's. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "School", description = "The token's own school and what the LA has asked it for")
class ApiReadController {

    private final SchoolRepository schools;
    private final FileRequests requests;

    ApiReadController(SchoolRepository schools, FileRequests requests) {
        this.schools = schools;
        this.requests = requests;
    }

    @Schema(description = "A school of the local authority")
    record SchoolJson(
            @Schema(description = "LA code", example = "330") String la,
            @Schema(description = "Establishment number within the LA", example = "2001") String estab,
            @Schema(description = "Unique reference number", example = "100001") String urn,
            @Schema(example = "Demo Primary School") String name) {
    }

    @Schema(description = "A file the LA has asked the school to return")
    record FileRequestJson(
            @Schema(example = "12") long id,
            @Schema(description = "EYFSP, PHONICS, KS1, KS2_TA or MTC", example = "PHONICS") String collection,
            @Schema(description = "The academic year, named by its summer: 2026 is 2025/26", example = "2026") int year,
            @Schema(example = "Phonics screening check 2026") String title,
            @Schema(description = "The LA's deadline for this school", example = "2026-06-26") LocalDate deadline,
            @Schema(description = "NOT_STARTED, RECEIVED, CHECKING, FAILED_CHECKS, QUERIES_TO_EXPLAIN, CHECKED, "
                    + "ACCEPTED or RETURNED", example = "NOT_STARTED") String status,
            @Schema(description = "True when the request still waits for the school and its deadline has passed")
            boolean overdue,
            @Schema(description = "True when the school's newest file arrived after the deadline (late returns are "
                    + "still taken)") boolean late) {
    }

    @GetMapping("/school")
    @Operation(summary = "The token's school")
    @ApiResponse(responseCode = "200", description = "The school this token acts for")
    SchoolJson school(@Parameter(hidden = true) @AuthenticationPrincipal ApiClient client) {
        return schools.find(client.schoolId())
                .map(s -> new SchoolJson(s.laCode(), s.estab(), s.urn(), s.name()))
                .orElseThrow();
    }

    @GetMapping("/file-requests")
    @Operation(summary = "The school's file requests, soonest deadline first")
    @ApiResponse(responseCode = "200", description = "Every file request of the token's school")
    List<FileRequestJson> fileRequests(@Parameter(hidden = true) @AuthenticationPrincipal ApiClient client) {
        return requests.forSchool(client.schoolId()).stream()
                .map(r -> new FileRequestJson(r.id(), r.kind().name(), r.summerYear(), r.title(), r.deadline(),
                        r.status().name(), r.overdue(), r.late()))
                .toList();
    }
}
