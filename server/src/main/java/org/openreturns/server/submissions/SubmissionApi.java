package org.openreturns.server.submissions;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.movers.CrossSchoolPupil;
import org.openreturns.server.movers.Movers;
import org.openreturns.server.submissions.Views.SubmissionView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads and their results for MIS vendors and scripts, with a school's API token: the same receipt at once (202),
 * then the checked result to poll for.
 */
@RestController
@Tag(name = "Submissions", description = "Uploading a file request's files and reading the outcome of their checks")
class SubmissionApi {

    private final SubmissionIntake intake;
    private final SubmissionService service;
    private final Movers movers;

    SubmissionApi(SubmissionIntake intake, SubmissionService service, Movers movers) {
        this.intake = intake;
        this.service = service;
        this.movers = movers;
    }

    record ReceiptBody(long submissionId, long fileRequestId, int version, String status, Instant receivedAt,
            String receivedBy, String comment, List<Receipt.ReceivedFile> files, String location) {
    }

    @Operation(summary = "Upload files for a file request",
            description = "Stores the files (CTF XML, or a zip of them) at once and answers with a durable receipt; "
                    + "the checks follow in the background: poll the submission's location for the outcome.")
    @ApiResponse(responseCode = "202", description = "Received; checks follow")
    @ApiResponse(responseCode = "422", description = "Refused: empty, too large, or not files this service reads",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/api/v1/file-requests/{id}/submissions", consumes = "multipart/form-data")
    ResponseEntity<ReceiptBody> upload(@Parameter(description = "The file request's id") @PathVariable("id") long id,
            @Parameter(description = "One or more CTF XML files of this collection, or a zip of them")
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            @Parameter(description = "An optional note for the LA")
            @RequestParam(name = "comment", required = false) String comment, Authentication authentication) {
        List<UploadedFile> uploaded = files == null ? List.of() : files.stream().map(UploadedFile::of).toList();
        Receipt r = intake.receive(Actor.of(authentication), id, uploaded, comment);
        String location = "/api/v1/submissions/" + r.submissionId();
        return ResponseEntity.accepted().location(URI.create(location))
                .body(new ReceiptBody(r.submissionId(), r.fileRequestId(), r.version(), SubmissionStatus.RECEIVED.name(), r.receivedAt(),
                        r.receivedBy(), r.comment(), r.files(), location));
    }

    record FindingBody(String severity, String code, String upn, String item, String message, Integer line,
            String file, String explanation) {
    }

    record FileBody(long id, String name, long sizeBytes, String sha256, String archiveName) {
    }

    /**
     * A pupil of this version also in another school's current return: the LA decides which school reports the
     * pupil. Only the other schools' names are given, nothing of their records.
     */
    record CrossSchoolBody(String upn, List<String> otherSchools, String rule, boolean decided,
            Boolean keptHere, String message) {
    }

    record SubmissionBody(long id, long fileRequestId, int version, boolean current, boolean proposed, String status,
            String message, Instant receivedAt, String receivedBy, String comment, Integer pupils, Integer errors,
            Integer queries, List<FileBody> files, List<FindingBody> findings, List<CrossSchoolBody> crossSchool) {
    }

    @Operation(summary = "A submission and where its checks stand",
            description = "status is RECEIVED or CHECKING until the checks finish; then the findings are listed. "
                    + "A pupil of the current version who is also in another school's current return of the same "
                    + "collection is a query (code " + CrossSchoolPupil.CODE + ") in findings and in crossSchool; "
                    + "the LA decides which school reports the pupil, and it is not counted in queries.")
    @ApiResponse(responseCode = "200", description = "The submission")
    @GetMapping("/api/v1/submissions/{id}")
    SubmissionBody submission(@Parameter(description = "The submission's id") @PathVariable("id") long id,
            Authentication authentication) {
        Actor actor = Actor.of(authentication);
        SubmissionView s = service.submission(actor, id);
        List<FindingBody> findings = new ArrayList<>(!s.checked() ? List.of()
                : service.findings(actor, s).stream()
                        .map(f -> new FindingBody(f.severity(), f.code(), f.upn(), f.item(), f.message(),
                                f.line() == 0 ? null : f.line(), f.fileName(), f.explanation()))
                        .toList());
        List<CrossSchoolBody> crossSchool = !s.checked() ? List.of() : movers.ofSubmission(id).stream()
                .map(p -> new CrossSchoolBody(p.upn(), p.otherSchoolNames(s.schoolId()), p.rule(), p.resolved(),
                        p.resolved() ? p.keptSchoolId() == s.schoolId() : null, p.messageFor(s.schoolId())))
                .toList();
        crossSchool.forEach(p -> findings.add(new FindingBody("query", CrossSchoolPupil.CODE, p.upn(), null,
                p.message(), null, null, null)));
        List<FileBody> files = service.files(id).stream()
                .map(f -> new FileBody(f.id(), f.name(), f.sizeBytes(), f.sha256(), f.archiveName())).toList();
        return new SubmissionBody(s.id(), s.requestId(), s.version(), s.current(), s.proposed(), s.status().name(),
                s.failureMessage(), s.receivedAt(), s.receivedBy(), s.comment(), s.pupils(), s.errors(), s.queries(),
                files, findings, crossSchool);
    }

    @ExceptionHandler(UploadRefused.class)
    ProblemDetail refused(UploadRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Upload refused");
        return problem;
    }

    @ExceptionHandler(SubmissionNotFoundException.class)
    ProblemDetail notFound(SubmissionNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }
}
