package org.openreturns.server.audit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.server.identity.Access;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit trail for LA administrators: a GET search form, so a search is a link that can be shared. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditSearch search;

    AuditController(AuditSearch search) {
        this.search = search;
    }

    @GetMapping("/admin/audit")
    String search(@AuthenticationPrincipal PortalUser user, @RequestParam MultiValueMap<String, String> params,
            Model model) {
        Access.require(user, Role.LA_ADMIN);
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : List.of("actor", "action", "school", "from-day", "from-month", "from-year", "to-day",
                "to-month", "to-year")) {
            String value = params.getFirst(name);
            form.put(name, value == null ? "" : value.strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = date(form, "from", "From date", errors);
        LocalDate to = date(form, "to", "To date", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to-day", "To date must be the same as or after the from date");
        }
        int page = parsePage(params.getFirst("page"));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("actions", search.actions());
        model.addAttribute("page", page);
        if (!errors.isEmpty()) {
            model.addAttribute("events", List.of());
            model.addAttribute("hasNext", false);
            return "audit/search";
        }
        List<AuditSearch.Event> rows = search.find(
                new AuditSearch.Query(form.get("actor"), form.get("action"), form.get("school"), from, to),
                PAGE_SIZE + 1, (long) (page - 1) * PAGE_SIZE);
        model.addAttribute("events", rows.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("first", (page - 1) * PAGE_SIZE + 1);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("prevUrl", pageUrl(form, page - 1));
        model.addAttribute("nextUrl", pageUrl(form, page + 1));
        return "audit/search";
    }

    /** A date from the three GOV.UK date fields, null when all are empty; an error when only some are or unreal. */
    private static LocalDate date(Map<String, String> form, String prefix, String name, Map<String, String> errors) {
        String day = form.get(prefix + "-day");
        String month = form.get(prefix + "-month");
        String year = form.get(prefix + "-year");
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            return null;
        }
        if (day.isEmpty() || month.isEmpty() || year.isEmpty()) {
            String missing = day.isEmpty() ? "day" : month.isEmpty() ? "month" : "year";
            errors.put(prefix + "-" + missing, name + " must include a " + missing);
            return null;
        }
        try {
            if (!year.matches("\\d{4}")) {
                throw new DateTimeException("year");
            }
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            errors.put(prefix + "-day", name + " must be a real date, for example 27 3 2026");
            return null;
        }
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
