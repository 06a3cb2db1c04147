package org.openreturns.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.measures.MeasureBook;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.validation.CrossFileCheck.CrossFileFinding;
import org.openreturns.engine.validation.FileReport;

/** Validation results for people: one block per file, errors first, then queries, then notes. */
final class TextReport {

    private TextReport() {
    }

    static void validation(PrintWriter out, List<FileReport> reports, List<CrossFileFinding> crossFile) {
        int errors = 0;
        int queries = 0;
        int unreadable = 0;
        for (FileReport r : reports) {
            out.println(r.fileName());
            if (!r.readable()) {
                unreadable++;
                String where = r.readError().line() > 0
                        ? " (line " + r.readError().line() + ", column " + r.readError().column() + ")" : "";
                out.println("  CANNOT BE READ" + where + ": " + r.readError().getMessage());
                out.println();
                continue;
            }
            out.println("  " + describe(r));
            long e = r.count(Severity.ERROR);
            long q = r.count(Severity.QUERY);
            errors += (int) e;
            queries += (int) q;
            out.println("  " + plural(e, "error") + ", " + plural(q, "query", "queries")
                    + (e == 0 && q == 0 ? ": nothing to fix" : ""));
            r.findings().stream().sorted(Comparator.comparing(Finding::severity)).forEach(f -> out.println("  "
                    + label(f.severity()) + " [" + f.code() + (f.item() == null ? "" : " " + f.item()) + "] "
                    + f.message()));
            if (r.resultsYear() != null) {
                out.println("  " + otherYearHint(r));
            }
            out.println();
        }
        if (!crossFile.isEmpty()) {
            out.println("Across files");
            for (CrossFileFinding f : crossFile) {
                out.println("  " + label(f.severity()) + " [" + f.code() + "] " + f.message());
            }
            out.println();
        }
        out.println(plural(reports.size(), "file") + " checked: " + plural(errors, "error") + ", "
                + plural(queries, "query", "queries") + ", " + plural(crossFile.size(), "pupil") + " in more than one "
                + "file" + (unreadable > 0 ? ", " + plural(unreadable, "file") + " could not be read" : "") + ".");
    }

    /** How to check a file whose results are all for another year than the one checked. */
    static String otherYearHint(FileReport r) {
        return "Its results are for " + r.resultsYear().label() + ", not " + r.year().label() + ". To check it for "
                + r.resultsYear().label() + ": openreturns validate --year " + r.resultsYear().summerYear() + " "
                + r.fileName();
    }

    private static String describe(FileReport r) {
        CtfHeader h = r.header();
        String what = r.collection() == null ? "no recognisable results"
                : r.collection().title() + " " + r.year().label();
        String school = (h.schoolName() == null ? "unnamed school" : h.schoolName()) + " (" + h.dfeNumber() + ")";
        String threshold = r.collection() != null && r.collection().name().equals("PHONICS")
                ? ", threshold mark " + (r.phonicsThreshold() == null ? "not yet published: outcomes provisional"
                        : r.phonicsThreshold()) : "";
        return what + ", " + school + ", " + plural(r.pupils(), "pupil") + ", CTF "
                + (h.ctfVersion() == null ? "version unknown" : h.ctfVersion()) + threshold;
    }

    private static String label(Severity s) {
        return switch (s) {
            case ERROR -> "ERROR";
            case QUERY -> "QUERY";
            case INFO -> "NOTE ";
        };
    }

    static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** A table per collection: one row per school, then the total, one column per measure. */
    static void measures(PrintWriter out, List<MeasureValue> measures, Map<String, String> schoolNames) {
        Map<Collection, Map<String, Map<String, MeasureValue>>> byCollection = new LinkedHashMap<>();
        Map<Collection, Map<String, String>> labels = new LinkedHashMap<>();
        for (MeasureValue v : measures) {
            String school = v.school() == null ? TOTAL : v.school();
            byCollection.computeIfAbsent(v.collection(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(school, s -> new LinkedHashMap<>()).put(v.id(), v);
            labels.computeIfAbsent(v.collection(), c -> new LinkedHashMap<>()).putIfAbsent(v.id(), v.label());
        }
        boolean anySuppressed = false;
        boolean anyProvisional = false;
        boolean anyUnavailable = false;
        for (Map.Entry<Collection, Map<String, Map<String, MeasureValue>>> c : byCollection.entrySet()) {
            out.println(c.getKey().title());
            Map<String, String> ids = labels.get(c.getKey());
            int width = 10;
            for (String name : schoolNames.values()) {
                width = Math.max(width, Math.min(40, name.length()));
            }
            StringBuilder head = new StringBuilder(String.format("  %-" + width + "s", "School"));
            for (String label : ids.values()) {
                head.append(" | ").append(label);
            }
            out.println(head);
            for (Map.Entry<String, Map<String, MeasureValue>> row : c.getValue().entrySet()) {
                String name = row.getKey().equals(TOTAL) ? "All schools"
                        : schoolNames.getOrDefault(row.getKey(), row.getKey());
                if (name.length() > width) {
                    name = name.substring(0, width - 1) + "~";
                }
                StringBuilder line = new StringBuilder(String.format("  %-" + width + "s", name));
                for (Map.Entry<String, String> id : ids.entrySet()) {
                    MeasureValue v = row.getValue().get(id.getKey());
                    String cell = v == null ? "-" : v.suppressed() || !v.available() ? "x" : v.provisional() ? "p"
                            : v.value() == null ? "-" : Json.oneDecimal(v.value()).toPlainString()
                                    + (SummaryCommand.isPercent(v.id()) ? "%" : "");
                    anySuppressed |= v != null && v.suppressed();
                    anyProvisional |= v != null && v.provisional();
                    anyUnavailable |= v != null && !v.available();
                    line.append(" | ").append(String.format("%" + id.getValue().length() + "s", cell));
                }
                out.println(line);
            }
            out.println();
        }
        if (anySuppressed) {
            out.println("x: hidden because fewer pupils than the suppression threshold are in the cohort.");
        }
        if (anyUnavailable) {
            out.println("x: not available: no return of last year was given for the school (or, for the total, for "
                    + "every school).");
        }
        ids(measures).forEach(id -> out.println(MeasureBook.cohortBasis(id)));
        if (anyProvisional) {
            out.println("p: provisional: the phonics threshold mark for the year is not published yet (use --threshold).");
        }
        if (byCollection.isEmpty()) {
            out.println("No measures: no file held results that could be measured.");
        }
    }

    /** The measures whose cohort needs explaining, once each. */
    private static List<String> ids(List<MeasureValue> measures) {
        return measures.stream().map(MeasureValue::id).distinct().filter(id -> MeasureBook.cohortBasis(id) != null)
                .toList();
    }

    private static final String TOTAL = "\u0000total";
}
