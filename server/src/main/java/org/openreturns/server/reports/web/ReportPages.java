package org.openreturns.server.reports.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.calculations.Measures.Heading;
import org.openreturns.server.reports.calculations.Reports;
import org.openreturns.server.reports.calculations.Reports.State;
import org.openreturns.server.reports.views.LaReportView;
import org.openreturns.server.reports.views.ReportViews;
import org.openreturns.server.reports.views.SchoolReportView;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The school's report, the LA's report across schools, national figures and publishing, as GOV.UK pages. */
@Controller
class ReportPages {

    record NationalField(String id, String label, String value, String error) {
    }

    private final Reports reports;
    private final ReportViews views;

    ReportPages(Reports reports, ReportViews views) {
        this.reports = reports;
        this.views = views;
    }

    @GetMapping("/requests/{id}/report")
    String schoolReport(@PathVariable("id") long id,
            @RequestParam(name = "pupil-order", required = false) String pupilOrder, Authentication auth,
            Model model) {
        SchoolReportView view = views.school(Actor.of(auth), id, "descending".equals(pupilOrder));
        model.addAllAttributes(view.model());
        return SchoolReportView.TEMPLATE;
    }

    @GetMapping("/la/collections/{id}/report")
    String laReport(@PathVariable("id") long id, @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "order", required = false) String order, Authentication auth, Model model) {
        LaReportView view = views.la(Actor.of(auth), id, sort, "descending".equals(order));
        model.addAllAttributes(view.model());
        return LaReportView.TEMPLATE;
    }

    /**
     * Publishing while schools in scope are not counted first shows them, on a page that asks to confirm: the LA
     * may still publish (a school may never send), but not without seeing who is missing.
     */
    @PostMapping("/la/collections/{id}/report/publication")
    String publish(@PathVariable("id") long id, @RequestParam(name = "state", defaultValue = "") String state,
            @RequestParam(name = "confirmed", defaultValue = "false") boolean confirmed, Authentication auth,
            Model model, RedirectAttributes redirect) {
        State to;
        try {
            to = State.valueOf(state);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "Choose whether to publish the report as provisional or final, "
                    + "or to unpublish it.");
            return "redirect:/la/collections/" + id + "/report";
        }
        if (to != State.NOT_PUBLISHED && !confirmed) {
            List<Reports.NotCounted> missing = reports.notCounted(id);
            if (!missing.isEmpty()) {
                model.addAttribute("collection", reports.collection(id));
                model.addAttribute("state", to);
                model.addAttribute("missing", missing);
                return "reports/publish-confirm";
            }
        }
        if (!reports.publish(id, to, Actor.of(auth))) {
            redirect.addFlashAttribute("problem", "The report is published as final. Reopen the collection, saying "
                    + "why, before you change its publication.");
            return "redirect:/la/collections/" + id + "/report";
        }
        redirect.addFlashAttribute("success", switch (to) {
            case NOT_PUBLISHED -> "The report is unpublished. Schools see only their own figures.";
            case PROVISIONAL -> "The report is published as provisional. Schools see the LA and national figures.";
            case FINAL -> "The report is published as final.";
        });
        return "redirect:/la/collections/" + id + "/report";
    }

    /** Final figures change only after the LA reopens the collection, saying why (audited). */
    @PostMapping("/la/collections/{id}/report/reopen")
    String reopen(@PathVariable("id") long id, @RequestParam(name = "reason", defaultValue = "") String reason,
            Authentication auth, RedirectAttributes redirect) {
        String text = reason.strip();
        if (text.isEmpty() || text.length() > 2000) {
            redirect.addFlashAttribute("problem", text.isEmpty()
                    ? "Enter why you are reopening the collection: the reason is kept in the audit trail"
                    : "The reason must be 2,000 characters or fewer");
            return "redirect:/la/collections/" + id + "/report";
        }
        if (reports.reopen(id, text, Actor.of(auth))) {
            redirect.addFlashAttribute("success", "The collection is reopened and its report is provisional again. "
                    + "Schools can send files and you can accept replacements until you publish it as final again.");
        } else {
            redirect.addFlashAttribute("problem", "The report is not published as final, so there is nothing to "
                    + "reopen.");
        }
        return "redirect:/la/collections/" + id + "/report";
    }

    @GetMapping("/la/collections/{id}/national")
    String nationalForm(@PathVariable("id") long id, Authentication auth, Model model) {
        Reports.CollectionInfo c = reports.collection(id);
        List<Heading> headings = reports.headings(id);
        Map<String, BigDecimal> national = reports.national(c.summerYear());
        List<NationalField> fields = headings.stream().map(h -> new NationalField(h.id(), h.label(),
                national.get(h.id()) == null ? "" : national.get(h.id()).toPlainString(), null)).toList();
        return nationalPage(c, fields, model);
    }

    @PostMapping("/la/collections/{id}/national")
    String setNational(@PathVariable("id") long id, @RequestParam Map<String, String> form, Authentication auth,
            Model model, RedirectAttributes redirect) {
        Reports.CollectionInfo c = reports.collection(id);
        List<Heading> headings = reports.headings(id);
        List<NationalField> fields = new ArrayList<>();
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        boolean failed = false;
        for (Heading h : headings) {
            String text = form.getOrDefault(h.id(), "").strip().replace("%", "");
            String error = null;
            BigDecimal value = null;
            if (!text.isEmpty()) {
                try {
                    value = new BigDecimal(text);
                    if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0 || value.scale() > 1) {
                        error = "Enter the national figure for " + h.label() + " as a number from 0 to 100 with at "
                                + "most one decimal place, or leave it empty if it is not available";
                    }
                } catch (NumberFormatException e) {
                    error = "Enter the national figure for " + h.label() + " as a number, like 65 or 65.3, or leave "
                            + "it empty if it is not available";
                }
            }
            failed |= error != null;
            fields.add(new NationalField(h.id(), h.label(), form.getOrDefault(h.id(), ""), error));
            figures.put(h.id(), error == null ? value : null);
        }
        if (failed) {
            return nationalPage(c, fields, model);
        }
        reports.setNational(id, figures, Actor.of(auth));
        redirect.addFlashAttribute("success", "The national figures for " + c.summerYear() + " are saved.");
        return "redirect:/la/collections/" + id + "/report";
    }

    @GetMapping("/la/collections/{id}/suppression")
    String suppressionForm(@PathVariable("id") long id, Model model) {
        model.addAttribute("collection", reports.collection(id));
        model.addAttribute("suppressBelow", Integer.toString(reports.suppressBelow()));
        model.addAttribute("errors", Map.of());
        return "reports/suppression";
    }

    /** The threshold is the LA's, for every report; it is changed from a collection's report for convenience. */
    @PostMapping("/la/collections/{id}/suppression")
    String setSuppression(@PathVariable("id") long id,
            @RequestParam(name = "suppressBelow", defaultValue = "") String text, Authentication auth, Model model,
            RedirectAttributes redirect) {
        Reports.CollectionInfo c = reports.collection(id);
        String value = text.strip();
        if (!value.matches("\\d{1,3}") || Integer.parseInt(value) > 100) {
            model.addAttribute("collection", c);
            model.addAttribute("suppressBelow", text);
            model.addAttribute("errors", Map.of("suppressBelow", "Enter the smallest number of pupils a figure may "
                    + "be shown for, as a whole number from 0 to 100"));
            return "reports/suppression";
        }
        reports.setSuppressBelow(Integer.parseInt(value), Actor.of(auth));
        redirect.addFlashAttribute("success", "Figures over fewer than " + Integer.parseInt(value)
                + " pupils are now suppressed in every report.");
        return "redirect:/la/collections/" + id + "/report";
    }

    private static String nationalPage(Reports.CollectionInfo c, List<NationalField> fields, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        fields.stream().filter(f -> f.error() != null).forEach(f -> errors.put(f.id(), f.error()));
        model.addAttribute("collection", c);
        model.addAttribute("fields", fields);
        model.addAttribute("errors", errors);
        return "reports/national";
    }
}
