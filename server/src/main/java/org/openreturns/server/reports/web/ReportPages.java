package org.openreturns.server.reports.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.calculations.Measures.Heading;
import org.openreturns.server.reports.calculations.PupilTables;
import org.openreturns.server.reports.calculations.Reports;
import org.openreturns.server.reports.calculations.Reports.LaReport;
import org.openreturns.server.reports.calculations.Reports.LaRow;
import org.openreturns.server.reports.calculations.Reports.SchoolReport;
import org.openreturns.server.reports.calculations.Reports.State;
import org.openreturns.server.reports.calculations.YearOnYear;
import org.openreturns.server.reports.charts.ReportCharts;
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

    /** A figure as shown, and whether it is hidden because its cohort is small. */
    record Cell(String text, boolean suppressed) {

        static Cell of(Heading h, MeasureValue v) {
            return new Cell(Reports.display(h, v), v != null && v.suppressed());
        }
    }

    record SchoolLine(String label, Cell school, Cell la, String national) {
    }

    record Column(Heading heading, String href, String ariaSort) {
    }

    record Row(String name, String dfeNumber, long requestId, List<Cell> cells) {
    }

    record NationalField(String id, String label, String value, String error) {
    }

    private final Reports reports;
    private final ReportCharts charts;
    private final PupilTables pupilTables;
    private final YearOnYear yearOnYear;
    private final GroupViews groups;

    ReportPages(Reports reports, ReportCharts charts, PupilTables pupilTables, YearOnYear yearOnYear,
            GroupViews groups) {
        this.reports = reports;
        this.charts = charts;
        this.pupilTables = pupilTables;
        this.yearOnYear = yearOnYear;
        this.groups = groups;
    }

    @GetMapping("/requests/{id}/report")
    String schoolReport(@PathVariable("id") long id,
            @RequestParam(name = "pupil-order", required = false) String pupilOrder, Authentication auth,
            Model model) {
        Actor actor = Actor.of(auth);
        SchoolReport report = reports.forRequest(actor, id);
        List<SchoolLine> lines = new ArrayList<>();
        for (Reports.Line l : report.lines()) {
            lines.add(new SchoolLine(l.heading().label(), Cell.of(l.heading(), l.school()),
                    report.comparisons() ? Cell.of(l.heading(), l.la()) : null,
                    report.comparisons() ? Reports.displayNational(l.heading(), l.national()) : null));
        }
        model.addAttribute("report", report);
        model.addAttribute("lines", lines);
        model.addAttribute("charts", charts.forSchool(report));
        model.addAttribute("groups", groups.forSchool(report));
        model.addAttribute("anySuppressed", lines.stream().anyMatch(l -> l.school().suppressed()
                || l.la() != null && l.la().suppressed()));
        model.addAttribute("pupilTable", pupilTables.view(actor, id, "descending".equals(pupilOrder)));
        model.addAttribute("ownYears", report.checked()
                ? yearOnYear.forSchool(report.collection().id(), report.schoolId()) : null);
        return "reports/school-report";
    }

    @GetMapping("/la/collections/{id}/report")
    String laReport(@PathVariable("id") long id, @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "order", required = false) String order, Authentication auth, Model model) {
        Actor actor = Actor.of(auth);
        boolean descending = "descending".equals(order);
        LaReport report = reports.forLa(actor, id, sort, descending);
        boolean byMeasure = sort != null && report.report().total().containsKey(sort);
        List<Heading> headings = report.report().headings();
        String base = "/la/collections/" + id + "/report";
        List<Column> columns = new ArrayList<>();
        for (Heading h : headings) {
            boolean sorted = byMeasure && h.id().equals(sort);
            columns.add(new Column(h, base + "?sort=" + h.id() + "&order=" + (sorted && !descending ? "descending"
                    : "ascending"), sorted ? (descending ? "descending" : "ascending") : "none"));
        }
        List<Row> rows = new ArrayList<>();
        for (LaRow r : report.rows()) {
            List<Cell> cells = headings.stream().map(h -> Cell.of(h, r.values().get(h.id()))).toList();
            rows.add(new Row(r.school().name(), r.school().la() + "/" + r.school().estab(), r.school().requestId(),
                    cells));
        }
        model.addAttribute("report", report);
        model.addAttribute("collection", report.collection());
        model.addAttribute("columns", columns);
        model.addAttribute("rows", rows);
        model.addAttribute("charts", charts.forLa(report.report()));
        model.addAttribute("schoolSortHref", base + "?order=" + (!byMeasure && !descending ? "descending"
                : "ascending"));
        model.addAttribute("schoolAriaSort", byMeasure ? "none" : descending ? "descending" : "ascending");
        model.addAttribute("total", headings.stream().map(h -> Cell.of(h, report.report().total().get(h.id())))
                .toList());
        model.addAttribute("national", headings.stream()
                .map(h -> Reports.displayNational(h, report.national().get(h.id()))).toList());
        model.addAttribute("mayManage", actor.role() != null && actor.role().name().startsWith("LA_"));
        model.addAttribute("laYears", yearOnYear.laTotals(id));
        return "reports/la-report";
    }

    @PostMapping("/la/collections/{id}/report/publication")
    String publish(@PathVariable("id") long id, @RequestParam(name = "state", defaultValue = "") String state,
            Authentication auth, RedirectAttributes redirect) {
        State to;
        try {
            to = State.valueOf(state);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "Choose whether to publish the report as provisional or final, "
                    + "or to unpublish it.");
            return "redirect:/la/collections/" + id + "/report";
        }
        reports.publish(id, to, Actor.of(auth));
        redirect.addFlashAttribute("success", switch (to) {
            case NOT_PUBLISHED -> "The report is unpublished. Schools see only their own figures.";
            case PROVISIONAL -> "The report is published as provisional. Schools see the LA and national figures.";
            case FINAL -> "The report is published as final.";
        });
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
