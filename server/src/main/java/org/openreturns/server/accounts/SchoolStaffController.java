package org.openreturns.server.accounts;

import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Refused;
import org.openreturns.server.identity.Access;
import org.openreturns.server.identity.Role;
import org.openreturns.server.identity.Actor;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A headteacher's staff page: their school's accounts, inviting staff, disabling and enabling them. */
@Controller
class SchoolStaffController {

    private final Accounts accounts;
    private final UserRepository users;

    SchoolStaffController(Accounts accounts, UserRepository users) {
        this.accounts = accounts;
        this.users = users;
    }

    @GetMapping("/school/staff")
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        Access.require(user, Role.HEADTEACHER);
        model.addAttribute("schoolName", accounts.schoolName(user.schoolId()));
        model.addAttribute("staff", users.summaries(user.schoolId()));
        return "accounts/staff";
    }

    @GetMapping("/school/staff/new")
    String form(@AuthenticationPrincipal PortalUser user, Model model) {
        Access.require(user, Role.HEADTEACHER);
        model.addAttribute("errors", Map.of());
        model.addAttribute("name", "");
        model.addAttribute("email", "");
        return "accounts/staff-new";
    }

    @PostMapping("/school/staff")
    String add(@AuthenticationPrincipal PortalUser user, Authentication authentication,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "email", defaultValue = "") String email, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Access.require(user, Role.HEADTEACHER);
        Accounts.NewAccount account = new Accounts.NewAccount(name, email, Role.SCHOOL_STAFF, user.schoolId());
        Map<String, String> errors = accounts.check(account);
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            model.addAttribute("name", name);
            model.addAttribute("email", email);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "accounts/staff-new";
        }
        accounts.create(Actor.of(authentication), account);
        redirect.addFlashAttribute("invited", email.strip().toLowerCase());
        return "redirect:/school/staff";
    }

    @PostMapping("/school/staff/{id}/disable")
    String disable(@AuthenticationPrincipal PortalUser user, Authentication authentication,
            @PathVariable("id") long id, RedirectAttributes redirect) {
        requireHeadOfTheirSchool(user, id);
        accounts.setEnabled(Actor.of(authentication), id, false);
        redirect.addFlashAttribute("changed", users.summary(id).orElseThrow().email() + " can no longer sign in");
        return "redirect:/school/staff";
    }

    @PostMapping("/school/staff/{id}/enable")
    String enable(@AuthenticationPrincipal PortalUser user, Authentication authentication,
            @PathVariable("id") long id, RedirectAttributes redirect) {
        requireHeadOfTheirSchool(user, id);
        accounts.setEnabled(Actor.of(authentication), id, true);
        redirect.addFlashAttribute("changed", users.summary(id).orElseThrow().email() + " can sign in again");
        return "redirect:/school/staff";
    }

    /** Someone of another school is told the user does not exist (404) before being told it is not their role. */
    private void requireHeadOfTheirSchool(PortalUser user, long userId) {
        if (user != null && user.role().isSchoolRole()) {
            Long school = users.summary(userId).map(UserSummary::schoolId).orElse(null);
            if (school == null || !school.equals(user.schoolId())) {
                throw Refused.notFound();
            }
        }
        Access.require(user, Role.HEADTEACHER);
    }
}
