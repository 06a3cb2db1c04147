package org.openreturns.server.submissions;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.movers.Movers;
import org.openreturns.server.submissions.Views.FindingView;
import org.openreturns.server.submissions.Views.RequestView;
import org.openreturns.server.submissions.Views.SubmissionView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The school's journey: its file requests, a request with its upload form and versions, and a version's receipt
 * and results, where queries are explained. LA staff may look at any school's (read-only); a school only at its own.
 */
@Controller
class SubmissionPages {

    private final SubmissionService service;
    private final SubmissionIntake intake;
    private final Movers movers;

    SubmissionPages(SubmissionService service, SubmissionIntake intake, Movers movers) {
        this.service = service;
        this.intake = intake;
        this.movers = movers;
    }

    @GetMapping("/requests")
    String requests(Authentication authentication, Model model) {
        Actor actor = Actor.of(authentication);
        if (actor.isLaStaff() || actor.schoolId() == null) {
            return "redirect:/la/collections";
        }
        model.addAttribute("requests", service.requestsOf(actor.schoolId()));
        return "submissions/requests";
    }

    @GetMapping("/requests/{id}")
    String request(@PathVariable("id") long id,
            @RequestParam(name = "too-large", required = false) String tooLarge, Authentication authentication,
            Model model) {
        String error = tooLarge == null ? null : "The upload was larger than the service accepts. Each file must be "
                + "smaller than " + intake.limits().maxFileMb() + " MB; a CTF for one school is far smaller. Check "
                + "that you chose the right files.";
        return showRequest(Actor.of(authentication), id, error, null, model);
    }

    private String showRequest(Actor actor, long id, String uploadError, String comment, Model model) {
        RequestView request = service.request(actor, id);
        model.addAttribute("request", request);
        model.addAttribute("versions", service.versions(id));
        String closed = intake.whyClosed(id).orElse(null);
        model.addAttribute("mayUpload", !actor.isLaStaff() && closed == null);
        model.addAttribute("uploadClosed", actor.isLaStaff() ? null : closed);
        model.addAttribute("maxFileMb", intake.limits().maxFileMb());
        model.addAttribute("uploadError", uploadError);
        model.addAttribute("comment", comment);
        model.addAttribute("crossSchool", movers.ofRequest(id));
        return "submissions/request";
    }

    @PostMapping("/requests/{id}/submissions")
    String upload(@PathVariable("id") long id, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "comment", required = false) String comment, Authentication authentication,
            Model model) {
        Actor actor = Actor.of(authentication);
        try {
            List<UploadedFile> uploaded = files == null ? List.of()
                    : files.stream().map(UploadedFile::of).toList();
            Receipt receipt = intake.receive(actor, id, uploaded, comment);
            return "redirect:/submissions/" + receipt.submissionId();
        } catch (UploadRefused e) {
            return showRequest(actor, id, e.getMessage(), comment, model);
        }
    }

    @GetMapping("/submissions/{id}")
    String submission(@PathVariable("id") long id, Authentication authentication, Model model,
            HttpServletResponse response) {
        Actor actor = Actor.of(authentication);
        SubmissionView submission = service.submission(actor, id);
        model.addAttribute("submission", submission);
        model.addAttribute("request", service.request(actor, submission.requestId()));
        model.addAttribute("files", service.files(id));
        model.addAttribute("mayExplain", !actor.isLaStaff() && actor.userId() != null && submission.open());
        model.addAttribute("crossSchool", submission.checked() ? movers.ofSubmission(id) : List.of());
        if (submission.checked()) {
            List<FindingView> findings = service.findings(actor, submission);
            model.addAttribute("pupils", service.byPupil(id, findings));
            model.addAttribute("pupilsWithFindings", findings.stream().filter(f -> f.upn() != null)
                    .map(FindingView::upn).distinct().count());
            model.addAttribute("unexplained", findings.stream().filter(f -> f.query() && f.explanation() == null)
                    .count());
        } else if (!submission.finished()) {
            // The page reloads itself while the check runs, without JavaScript. A header rather than a meta refresh
            // element, which WCAG 2.2.1 checkers flag.
            response.setHeader("Refresh", "2");
        }
        if (!model.containsAttribute("explanationError")) {
            model.addAttribute("explanationError", null);
            model.addAttribute("explanationFor", null);
        }
        return "submissions/submission";
    }

    @PostMapping("/submissions/{submissionId}/findings/{findingId}/explanation")
    String explain(@PathVariable("submissionId") long submissionId, @PathVariable("findingId") long findingId,
            @RequestParam(name = "explanation", required = false) String explanation, Authentication authentication,
            RedirectAttributes redirect) {
        try {
            long actual = service.explain(Actor.of(authentication), findingId, explanation);
            return "redirect:/submissions/" + actual + "#finding-" + findingId;
        } catch (SubmissionService.ExplanationRefused e) {
            redirect.addFlashAttribute("explanationError", e.getMessage());
            redirect.addFlashAttribute("explanationFor", findingId);
            redirect.addFlashAttribute("explanationText", explanation);
            return "redirect:/submissions/" + submissionId + "#explanation-" + findingId;
        }
    }

    @GetMapping("/submissions/{submissionId}/files/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable("submissionId") long submissionId, @PathVariable("fileId") long fileId,
            Authentication authentication) {
        SubmissionService.Download file = service.download(Actor.of(authentication), submissionId, fileId);
        return ResponseEntity.ok()
                .contentType(file.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".xml")
                        ? MediaType.APPLICATION_XML : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}
