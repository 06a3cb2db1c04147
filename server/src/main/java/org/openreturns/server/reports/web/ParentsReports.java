package org.openreturns.server.reports.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.calculations.Reports;
import org.openreturns.server.reports.calculations.Reports.SchoolReport;
import org.openreturns.server.reports.pdf.PdfRenderer;
import org.openreturns.server.reports.pdf.PdfRenderer.Orientation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A report a school can send to parents: its headline figures beside the LA's and the national ones (once the LA
 * publishes them, as on the school's report), each measure explained in plain English. It holds no pupil data: only
 * the figures already shown on the school's report, with small cohorts suppressed.
 */
@Controller
public class ParentsReports {

    /** What each measure means, for a reader who has never heard of it. */
    public static final Map<String, String> EXPLANATIONS = Map.ofEntries(
            Map.entry("eyfsp.gld", "Children at the end of Reception who reached the expected level in the main "
                    + "areas of learning: communication and language, personal, social and emotional development, "
                    + "physical development, literacy and mathematics. This is called a good level of development."),
            Map.entry("eyfsp.all17", "Children at the end of Reception who reached the expected level in all 17 "
                    + "early learning goals."),
            Map.entry("eyfsp.avgElgsExpected", "How many of the 17 early learning goals a child reached at the "
                    + "expected level by the end of Reception, on average (out of 17)."),
            Map.entry("eyfsp.comLit", "Children at the end of Reception who reached the expected level in every "
                    + "communication and language goal and every literacy goal."),
            Map.entry("phonics.y1MetPercent", "Year 1 pupils who met the expected standard in the phonics screening "
                    + "check, a short check of how well children can sound out letters and blend them to read "
                    + "words."),
            Map.entry("phonics.y2MetPercent", "Year 2 pupils who took the phonics check again, because they had not "
                    + "met the standard in Year 1, and met it this time."),
            Map.entry("ks1.readingExsPlus", "Year 2 pupils whose teachers assessed their reading at the expected "
                    + "standard for their age, or above it."),
            Map.entry("ks1.writingExsPlus", "Year 2 pupils whose teachers assessed their writing at the expected "
                    + "standard for their age, or above it."),
            Map.entry("ks1.mathsExsPlus", "Year 2 pupils whose teachers assessed their maths at the expected "
                    + "standard for their age, or above it."),
            Map.entry("ks1.scienceExs", "Year 2 pupils whose teachers assessed their science at the expected "
                    + "standard for their age."),
            Map.entry("ks1.rwmExsPlus", "Year 2 pupils at the expected standard, or above it, in all three of "
                    + "reading, writing and maths."),
            Map.entry("ks2.writingExsPlus", "Year 6 pupils whose teachers assessed their writing at the expected "
                    + "standard for the end of primary school, or above it."),
            Map.entry("ks2.writingGds", "Year 6 pupils whose teachers assessed their writing as working at greater "
                    + "depth: well above the expected standard for the end of primary school."),
            Map.entry("ks2.scienceExs", "Year 6 pupils whose teachers assessed their science at the expected "
                    + "standard for the end of primary school."),
            Map.entry("mtc.averageScore", "The average score in the multiplication tables check, which pupils take "
                    + "in Year 4 (out of 25)."),
            Map.entry("mtc.full25Percent", "Year 4 pupils who scored full marks, 25 out of 25, in the "
                    + "multiplication tables check."),
            Map.entry("mtc.tookCheckPercent", "Year 4 pupils due to take the multiplication tables check who took "
                    + "it."));

    record Line(String label, String explanation, String school, String la, String national) {
    }

    private final Reports reports;
    private final PdfRenderer pdf;
    private final AuditLog audit;

    ParentsReports(Reports reports, PdfRenderer pdf, AuditLog audit) {
        this.reports = reports;
        this.pdf = pdf;
        this.audit = audit;
    }

    @GetMapping("/requests/{id}/parents-report")
    String page(@PathVariable("id") long id, Authentication auth, Model model) {
        fill(id, auth, model);
        return "reports/parents-report";
    }

    @GetMapping("/requests/{id}/parents-report.pdf")
    ResponseEntity<byte[]> download(@PathVariable("id") long id, Authentication auth) {
        ExtendedModelMap model = new ExtendedModelMap();
        SchoolReport report = fill(id, auth, model);
        byte[] bytes = pdf.render("reports/parents-report", model, report.schoolName() + "'s "
                + report.collection().title() + " results for parents, beside the LA's and the national figures, "
                + "with what each measure means.", Orientation.PORTRAIT);
        Actor actor = Actor.of(auth);
        audit.record(actor.name(), actor.roleName(), report.schoolId(), "EXPORT", "request " + id,
                "parents-report.pdf");
        return ReportPdfs.pdfResponse(ReportPdfs.fileName(report.collection().kind().name(),
                Integer.toString(report.collection().summerYear()), report.schoolName(), "parents-report") + ".pdf",
                bytes);
    }

    private SchoolReport fill(long id, Authentication auth, Model model) {
        SchoolReport report = reports.forRequest(Actor.of(auth), id);
        List<Line> lines = new ArrayList<>();
        boolean anySuppressed = false;
        for (Reports.Line l : report.lines()) {
            lines.add(new Line(l.heading().label(), EXPLANATIONS.getOrDefault(l.heading().id(), l.heading().label()
                    + "."), Reports.display(l.heading(), l.school()),
                    report.comparisons() ? Reports.display(l.heading(), l.la()) : null,
                    report.comparisons() ? Reports.displayNational(l.heading(), l.national()) : null));
            anySuppressed |= l.school() != null && l.school().suppressed()
                    || report.comparisons() && l.la() != null && l.la().suppressed();
        }
        model.addAttribute("report", report);
        model.addAttribute("lines", lines);
        model.addAttribute("anySuppressed", anySuppressed);
        return report;
    }
}
