package org.openreturns.server.accounts;

import org.openreturns.server.identity.PortalUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgotten your password?": ask for a link by e-mail, then choose a new password through it. The answer to a
 * request never says whether the address has an account.
 */
@Controller
class PasswordResetController {

    private final PasswordResets resets;
    private final ResetRequestThrottle throttle;

    PasswordResetController(PasswordResets resets, ResetRequestThrottle throttle) {
        this.resets = resets;
        this.throttle = throttle;
    }

    @GetMapping("/password-reset")
    String requestForm(Model model) {
        model.addAttribute("errors", Map.of());
        model.addAttribute("email", "");
        return "accounts/reset-request";
    }

    @PostMapping("/password-reset")
    String request(@RequestParam(name = "email", defaultValue = "") String email, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        String error = PasswordRules.emailError(email);
        if (error != null) {
            model.addAttribute("errors", Map.of("email", error));
            model.addAttribute("email", email);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "accounts/reset-request";
        }
        if (!throttle.allow(request.getRemoteAddr())) {
            response.setStatus(429);
            return "accounts/reset-throttled";
        }
        resets.requestReset(email);
        return "redirect:/password-reset/sent";
    }

    @GetMapping("/password-reset/sent")
    String sent() {
        return "accounts/reset-sent";
    }

    @GetMapping("/password-reset/done")
    String done() {
        return "accounts/reset-done";
    }

    @GetMapping("/password-reset/{token}")
    String newPasswordForm(@PathVariable("token") String token, HttpServletResponse response, Model model) {
        noReferrer(response);
        Optional<PortalUser> user = resets.userFor(token);
        if (user.isEmpty()) {
            return "accounts/reset-link-invalid";
        }
        model.addAttribute("errors", Map.of());
        model.addAttribute("email", user.get().email());
        model.addAttribute("token", token);
        return "accounts/reset-new-password";
    }

    @PostMapping("/password-reset/{token}")
    String setPassword(@PathVariable("token") String token, @RequestParam(name = "password", defaultValue = "") String password,
            @RequestParam(name = "confirm", defaultValue = "") String confirm, HttpServletResponse response, Model model) {
        noReferrer(response);
        Optional<PortalUser> user = resets.userFor(token);
        if (user.isEmpty()) {
            return "accounts/reset-link-invalid";
        }
        Map<String, String> errors = new LinkedHashMap<>(PasswordRules.check(password, confirm, user.get().email()));
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            model.addAttribute("email", user.get().email());
            model.addAttribute("token", token);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "accounts/reset-new-password";
        }
        if (resets.complete(token, password).isEmpty()) {
            return "accounts/reset-link-invalid";
        }
        return "redirect:/password-reset/done";
    }

    /** The token is in the address: it must not leak to other sites through the Referer header. */
    private static void noReferrer(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
