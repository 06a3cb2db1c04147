package org.openreturns.server.audit;

import java.util.List;
import java.util.Map;
import org.openreturns.server.identity.Access;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Role;
import org.openreturns.server.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit trail for LA administrators: a GET search form, so a search is a link that can be shared. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditSearch search;
    private final MessageSource messages;

    AuditController(AuditSearch search, MessageSource messages) {
        this.search = search;
        this.messages = messages;
    }

    @GetMapping("/admin/audit")
    String search(@AuthenticationPrincipal PortalUser user, @ModelAttribute("form") AuditSearchForm form,
            BindingResult result, @RequestParam(name = "page", required = false) String pageParam, Model model) {
        Access.require(user, Role.LA_ADMIN);
        form.check(result);
        Map<String, String> errors = FormErrors.of(AuditSearchForm.class, result, messages);
        int page = parsePage(pageParam);
        model.addAttribute("errors", errors);
        model.addAttribute("actions", search.actions());
        model.addAttribute("page", page);
        if (!errors.isEmpty()) {
            model.addAttribute("events", List.of());
            model.addAttribute("hasNext", false);
            return "audit/search";
        }
        List<AuditSearch.Event> rows = search.find(
                new AuditSearch.Query(form.actor(), form.action(), form.school(), form.fromDate(), form.toDate()),
                PAGE_SIZE + 1, (long) (page - 1) * PAGE_SIZE);
        model.addAttribute("events", rows.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("first", (page - 1) * PAGE_SIZE + 1);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("prevUrl", pageUrl(form.parameters(), page - 1));
        model.addAttribute("nextUrl", pageUrl(form.parameters(), page + 1));
        return "audit/search";
    }

    private static int parsePage(String page) {
        if (page == null || !page.matches("\\d{1,6}")) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(page));
    }

    private static String pageUrl(Map<String, String> form, int page) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        form.forEach((k, v) -> {
            if (!v.isEmpty()) {
                query.add(k, v);
            }
        });
        query.add("page", String.valueOf(page));
        return UriComponentsBuilder.fromPath("/admin/audit").queryParams(query).encode().build().toUriString();
    }
}
