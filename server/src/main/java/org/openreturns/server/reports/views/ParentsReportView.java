package org.openreturns.server.reports.views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.server.reports.calculations.Reports.SchoolReport;

/**
 * A report a school can send to parents: its headline figures beside the LA's and the national ones (once the LA
 * publishes them, as on the school's report), each measure explained in plain English. It holds no pupil data: only
 * the figures already shown on the school's report, with small cohorts suppressed.
 */
public record ParentsReportView(SchoolReport report, List<Line> lines, boolean anySuppressed) {

    public static final String TEMPLATE = "reports/parents-report";

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
            Map.entry("phonics.byEndOfY2MetPercent", "Pupils now in Year 2 who have met the expected standard in the "
                    + "phonics check, either in Year 1 or when they took it again in Year 2."),
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

    /** One measure as parents read it; la and national null until the LA publishes the report. */
    public record Line(String label, String explanation, String school, String la, String national) {
    }

    /** The template's variables. */
    public Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("report", report);
        model.put("lines", lines);
        model.put("anySuppressed", anySuppressed);
        return model;
    }
}
