package org.openreturns.server.requests;

import java.util.List;
import java.util.Map;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.movers.Movers;
import org.openreturns.server.collections.CollectionService;
import org.openreturns.server.collections.LaStaff;
import org.openreturns.server.schools.SchoolRepository;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One school's file request as the LA sees it: every version sent, the latest version's findings pupil by pupil,
 * and the LA's decision (accept, or return with a message). Looking at it is a view of pupil data, so it is audited.
 */
@Controller
class LaRequestController {

    static final int MESSAGE_LIMIT = 2000;

    private final FileRequests requests;
    private final RequestDetail detail;
    private final CollectionService collections;
    private final SchoolRepository schools;
    private final AuditLog audit;
    private final Replacements replacements;
    private final Lateness lateness;
    private final Movers movers;

    LaRequestController(FileRequests requests, RequestDetail detail, CollectionService collections,
            SchoolRepository schools, AuditLog audit, Replacements replacements, Lateness lateness, Movers movers) {
        this.replacements = replacements;
        this.lateness = lateness;
        this.movers = movers;
        this.requests = requests;
        this.detail = detail;
        this.collections = collections;
        this.schools = schools;
        this.audit = audit;
    }

    @GetMapping("/la/requests/{id}")
    String show(@PathVariable("id") long id, Authentication auth, Model model) {
        Actor actor = Actor.of(auth);
        FileRequests.Request request = request(id, actor);
        List<RequestDetail.Version> versions = detail.versions(id);
        if (!versions.isEmpty()) {
            long current = versions.get(0).id();
            model.addAttribute("findings", detail.findings(current));
            model.addAttribute("findingCount", detail.findingCount(current));
            model.addAttribute("pupils", detail.pupils(current));
        } else {
            model.addAttribute("pupils", List.of());
            model.addAttribute("findings", List.of());
            model.addAttribute("findingCount", 0);
        }
        audit.record(actor.name(), actor.roleName(), request.schoolId(), "VIEW_PUPIL_DATA", "file_request:" + id,
                versions.isEmpty() ? "no submission" : "submission version " + versions.get(0).version());
        model.addAttribute("request", request);
        model.addAttribute("versions", versions);
        model.addAttribute("findingsShown", RequestDetail.FINDINGS_SHOWN);
        model.addAttribute("crossSchool", movers.ofRequest(id));
        model.addAttribute("school", schools.find(request.schoolId()).orElseThrow());
        model.addAttribute("collection", collections.find(request.collectionId()).orElseThrow());
        model.addAttribute("mayManage", LaStaff.mayManage(actor));
        model.addAttribute("whyNotAcceptable", FileRequests.whyNotAcceptable(request.status()).orElse(null));
        model.addAttribute("mayReturn", requests.whyNotReturnable(request).isEmpty());
        model.addAttribute("whyNotReturnable", requests.whyNotReturnable(request).orElse(null));
        model.addAttribute("late", lateness.isLate(id));
        Replacements.Proposed proposed = replacements.proposed(id).orElse(null);
        model.addAttribute("proposed", proposed);
        model.addAttribute("statusLabel", proposed != null ? Replacements.LABEL : request.status().label());
        model.addAttribute("currentVersion", detail.currentVersion(id));
        model.addAttribute("declined", replacements.lastDeclined(id).orElse(null));
        model.addAttribute("whyNotReplace", proposed == null ? null
                : replacements.whyNotAcceptable(id).orElse(null));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("message", "");
            model.addAttribute("declineMessage", "");
        }
        return "requests/la-request";
    }

    @PostMapping("/la/requests/{id}/accept")
    String accept(@PathVariable("id") long id, Authentication auth, RedirectAttributes redirect) {
        Actor actor = Actor.of(auth);
        FileRequests.Request request = request(id, actor);
        if (requests.accept(id, actor)) {
            redirect.addFlashAttribute("success", "Accepted.");
        } else {
            redirect.addFlashAttribute("problem", "The request could not be accepted. "
                    + FileRequests.whyNotAcceptable(request(id, actor).status()).orElse("Its status has changed."));
        }
        return "redirect:/la/requests/" + request.id();
    }

    @PostMapping("/la/requests/{id}/return")
    String returnToSchool(@PathVariable("id") long id,
            @RequestParam(name = "message", defaultValue = "") String message,
            Authentication auth, Model model, RedirectAttributes redirect) {
        Actor actor = Actor.of(auth);
        request(id, actor);
        String text = message.strip();
        String error = text.isEmpty() ? "Enter a message telling the school what to change"
                : text.length() > MESSAGE_LIMIT ? "The message must be 2,000 characters or fewer" : null;
        if (error != null) {
            model.addAttribute("errors", Map.of("message", error));
            model.addAttribute("message", message);
            return show(id, auth, model);
        }
        if (requests.returnToSchool(id, text, actor)) {
            redirect.addFlashAttribute("success", "Returned to the school with your message.");
        } else {
            redirect.addFlashAttribute("problem", "The request could not be returned. " + requests
                    .whyNotReturnable(request(id, actor)).orElse("Its status has changed."));
        }
        return "redirect:/la/requests/" + id;
    }

    @PostMapping("/la/requests/{id}/replacement/accept")
    String acceptReplacement(@PathVariable("id") long id, Authentication auth, RedirectAttributes redirect) {
        Actor actor = Actor.of(auth);
        request(id, actor);
        if (replacements.accept(id, actor)) {
            redirect.addFlashAttribute("success", "Accepted the replacement. It is now the school's return and its "
                    + "figures are counted in reports.");
        } else {
            redirect.addFlashAttribute("problem", "The replacement could not be accepted. "
                    + replacements.whyNotAcceptable(id).orElse("Its status has changed."));
        }
        return "redirect:/la/requests/" + id;
    }

    @PostMapping("/la/requests/{id}/replacement/decline")
    String declineReplacement(@PathVariable("id") long id,
            @RequestParam(name = "declineMessage", defaultValue = "") String message,
            Authentication auth, Model model, RedirectAttributes redirect) {
        Actor actor = Actor.of(auth);
        request(id, actor);
        String text = message.strip();
        String error = text.isEmpty() ? "Enter a message telling the school why the replacement is declined"
                : text.length() > MESSAGE_LIMIT ? "The message must be 2,000 characters or fewer" : null;
        if (error != null) {
            model.addAttribute("errors", Map.of("declineMessage", error));
            model.addAttribute("message", "");
            model.addAttribute("declineMessage", message);
            return show(id, auth, model);
        }
        if (replacements.decline(id, text, actor)) {
            redirect.addFlashAttribute("success", "Declined the replacement. The accepted version stays the "
                    + "school's return, and the school has your message.");
        } else {
            redirect.addFlashAttribute("problem", "There is no proposed replacement to decline.");
        }
        return "redirect:/la/requests/" + id;
    }

    /** LA staff only reach this page through the security chain; anyone else is told it does not exist. */
    private FileRequests.Request request(long id, Actor actor) {
        return requests.find(id).filter(r -> actor.maySee(r.schoolId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
