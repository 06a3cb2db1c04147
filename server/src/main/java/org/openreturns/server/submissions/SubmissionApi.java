package org.openreturns.server.submissions;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.openreturns.server.accounts.Actor;
import org.openreturns.server.submissions.Views.SubmissionView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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
class SubmissionApi {

    private final SubmissionIntake intake;
    private final SubmissionService service;

    SubmissionApi(SubmissionIntake intake, SubmissionService service) {
        this.intake = intake;
        this.service = service;
    }

    record ReceiptBody(long submissionId, long fileRequestId, int version, String status, Instant receivedAt,
            String receivedBy, String comment, List<Receipt.ReceivedFile> files, String location) {
    }

    @PostMapping(path = "/api/v1/file-requests/{id}/submissions", consumes = "multipart/form-data")
    ResponseEntity<ReceiptBody> upload(@PathVariable("id") long id,
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(name = "comment", required = false) String comment, Authentication authentication) {
        List<UploadedFile> uploaded = files == null ? List.of() : files.stream().map(UploadedFile::of).toList();
        Receipt r = intake.receive(Actor.of(authentication), id, uploaded, comment);
        String location = "/api/v1/submissions/" + r.submissionId();
        return ResponseEntity.accepted().location(URI.create(location))
                .body(new ReceiptBody(r.submissionId(), r.fileRequestId(), r.version(), "RECEIVED", r.receivedAt(),
                        r.receivedBy(), r.comment(), r.files(), location));
    }

    record FindingBody(String severity, String code, String upn, String item, String message, Integer line,
            String file, String explanation) {
    }

    record FileBody(long id, String name, long sizeBytes, String sha256, String archiveName) {
    }

    record SubmissionBody(long id, long fileRequestId, int version, boolean current, String status,
            String message, Instant receivedAt, String receivedBy, String comment, Integer pupils, Integer errors,
            Integer queries, List<FileBody> files, List<FindingBody> findings) {
    }

    @GetMapping("/api/v1/submissions/{id}")
    SubmissionBody submission(@PathVariable("id") long id, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        SubmissionView s = service.submission(actor, id);
        List<FindingBody> findings = !s.checked() ? List.of() : service.findings(actor, s).stream()
                .map(f -> new FindingBody(f.severity(), f.code(), f.upn(), f.item(), f.message(),
                        f.line() == 0 ? null : f.line(), f.fileName(), f.explanation()))
                .toList();
        List<FileBody> files = service.files(id).stream()
                .map(f -> new FileBody(f.id(), f.name(), f.sizeBytes(), f.sha256(), f.archiveName())).toList();
        return new SubmissionBody(s.id(), s.requestId(), s.version(), s.current(), s.status(),
                s.failureMessage(), s.receivedAt(), s.receivedBy(), s.comment(), s.pupils(), s.errors(), s.queries(),
                files, findings);
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
