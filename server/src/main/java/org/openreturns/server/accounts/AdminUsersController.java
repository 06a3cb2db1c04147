package org.openreturns.server.accounts;

import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Refused;
import org.openreturns.server.identity.Access;
import org.openreturns.server.identity.Role;
import org.openreturns.server.identity.Actor;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openreturns.server.platform.Choice;
import org.openreturns.server.schools.SchoolRepository;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** LA administrators manage every account: create one of any role, disable, enable, unlock, send a reset link. */
@Controller
class AdminUsersController {

    private final Accounts accounts;
    private final UserRepository users;
    private final SchoolRepository schools;

    AdminUsersController(Accounts accounts, UserRepository users, SchoolRepository schools) {
        this.accounts = accounts;
        this.users = users;
        this.schools = schools;
    }

    @GetMapping("/admin/users")
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        Access.require(user, Role.LA_ADMIN);
        model.addAttribute("users", users.summaries(null));
        return "accounts/admin-users";
    }

    @GetMapping("/admin/users/new")
    String form(@AuthenticationPrincipal PortalUser user, Model model) {
        Access.require(user, Role.LA_ADMIN);
        return showForm(model, Map.of(), "", "", null, null);
    }

    @PostMapping("/admin/users")
    String create(@AuthenticationPrincipal PortalUser user, Authentication authentication,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "role", defaultValue = "") String role,
            @RequestParam(name = "school", defaultValue = "") String school, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Access.require(user, Role.LA_ADMIN);
        Role chosenRole = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
        Long schoolId = school.matches("\\d{1,18}") ? Long.valueOf(school) : null;
        Accounts.NewAccount account = new Accounts.NewAccount(name, email, chosenRole, schoolId);
        Map<String, String> errors = accounts.check(account);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showForm(model, errors, name, email, chosenRole, schoolId);
        }
        long id = accounts.create(Actor.of(authentication), account);
        redirect.addFlashAttribute("done", "Account created. We have emailed " + email.strip().toLowerCase()
                + " a link to set a password; it works for 7 days.");
        return "redirect:/admin/users/" + id;
    }

    @GetMapping("/admin/users/{id}")
    String show(@AuthenticationPrincipal PortalUser user, Authentication authentication, @PathVariable("id") long id,
            Model model) {
        Access.require(user, Role.LA_ADMIN);
        model.addAttribute("account", accounts.manageable(Actor.of(authentication), id));
        model.addAttribute("self", user.id() == id);
        return "accounts/admin-user";
    }

    @PostMapping("/admin/users/{id}/{action}")
    String act(@AuthenticationPrincipal PortalUser user, Authentication authentication, @PathVariable("id") long id,
            @PathVariable("action") String action, RedirectAttributes redirect) {
        Access.require(user, Role.LA_ADMIN);
        Actor actor = Actor.of(authentication);
        String done = switch (action) {
            case "disable" -> {
                accounts.setEnabled(actor, id, false);
                yield "The account is disabled: it can no longer sign in.";
            }
            case "enable" -> {
                accounts.setEnabled(actor, id, true);
                yield "The account is enabled: it can sign in again.";
            }
            case "unlock" -> {
                accounts.unlock(actor, id);
                yield "The account is unlocked.";
            }
            case "reset" -> {
                accounts.sendResetLink(actor, id);
                yield "We have emailed a link to reset the password. It works for 1 hour.";
            }
            default -> throw Refused.notFound();
        };
        redirect.addFlashAttribute("done", done);
        return "redirect:/admin/users/" + id;
    }

    private String showForm(Model model, Map<String, String> errors, String name, String email, Role role,
            Long schoolId) {
        model.addAttribute("errors", errors);
        model.addAttribute("name", name);
        model.addAttribute("email", email);
        model.addAttribute("role", role == null ? "" : role.name());
        model.addAttribute("school", schoolId == null ? "" : schoolId.toString());
        model.addAttribute("roles", Arrays.stream(Role.values()).map(r -> new Choice(r.name(), r.label())).toList());
        model.addAttribute("schools", schools.all().stream()
                .map(s -> new Choice(Long.toString(s.id()), s.dfeNumber() + " " + s.name())).toList());
        return "accounts/admin-user-new";
    }
}
