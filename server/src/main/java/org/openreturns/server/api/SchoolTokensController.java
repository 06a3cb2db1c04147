package org.openreturns.server.api;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.openreturns.server.identity.Access;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Refused;
import org.openreturns.server.identity.Role;
import org.openreturns.server.audit.AuditLog;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A headteacher's API tokens: list, make one (shown once, then only its hash is kept) and revoke. A token of
 * another school is not found.
 */
@Controller
class SchoolTokensController {

    static final int MAX_LABEL = 100;

    private final ApiTokens tokens;
    private final AuditLog audit;

    SchoolTokensController(ApiTokens tokens, AuditLog audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    @GetMapping("/school/tokens")
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        Access.require(user, Role.HEADTEACHER);
        model.addAttribute("tokens", tokens.forSchool(user.schoolId()));
        return "api/tokens";
    }

    @GetMapping("/school/tokens/new")
    String form(@AuthenticationPrincipal PortalUser user, Model model) {
        Access.require(user, Role.HEADTEACHER);
        model.addAttribute("errors", Map.of());
        model.addAttribute("label", "");
        return "api/token-new";
    }

    @PostMapping("/school/tokens")
    String create(@AuthenticationPrincipal PortalUser user, @RequestParam(name = "label", defaultValue = "") String label,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Access.require(user, Role.HEADTEACHER);
        String error = label.isBlank() ? "Enter a name for the token"
                : label.strip().length() > MAX_LABEL ? "Name must be " + MAX_LABEL + " characters or fewer" : null;
        if (error != null) {
            model.addAttribute("errors", Map.of("label", error));
            model.addAttribute("label", label);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "api/token-new";
        }
        String token = tokens.issue(user.schoolId(), label.strip(), user.id());
        audit.record(user.email(), user.role().name(), user.schoolId(), "API_TOKEN_CREATED", "api_token",
                label.strip());
        redirect.addFlashAttribute("token", token);
        redirect.addFlashAttribute("label", label.strip());
        return "redirect:/school/tokens/created";
    }

    /** The one page that shows a new token; a reload after the flash is gone goes back to the list. */
    @GetMapping("/school/tokens/created")
    String created(@AuthenticationPrincipal PortalUser user, Model model, HttpServletResponse response) {
        Access.require(user, Role.HEADTEACHER);
        if (!model.containsAttribute("token")) {
            return "redirect:/school/tokens";
        }
        response.setHeader("Cache-Control", "no-store");
        return "api/token-created";
    }

    @GetMapping("/school/tokens/{id}/revoke")
    String confirmRevoke(@AuthenticationPrincipal PortalUser user, @PathVariable("id") long id, Model model) {
        model.addAttribute("token", live(user, id));
        return "api/token-revoke";
    }

    @PostMapping("/school/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal PortalUser user, @PathVariable("id") long id, RedirectAttributes redirect) {
        ApiTokens.TokenSummary token = live(user, id);
        if (!tokens.revoke(user.schoolId(), id)) {
            throw Refused.notFound();
        }
        audit.record(user.email(), user.role().name(), user.schoolId(), "API_TOKEN_REVOKED", "api_token:" + id,
                token.label());
        redirect.addFlashAttribute("revoked", token.label());
        return "redirect:/school/tokens";
    }

    /**
     * A live token of the user's school, for its headteacher. Someone of another school is told it does not exist
     * (404) before being told it is not their role (403).
     */
    private ApiTokens.TokenSummary live(PortalUser user, long id) {
        if (user == null || !user.role().isSchoolRole()) {
            throw Refused.forbidden();
        }
        ApiTokens.TokenSummary token = tokens.forSchool(user.schoolId()).stream()
                .filter(t -> t.id() == id && t.revokedAt() == null)
                .findFirst()
                .orElseThrow(Refused::notFound);
        Access.require(user, Role.HEADTEACHER);
        return token;
    }
}
