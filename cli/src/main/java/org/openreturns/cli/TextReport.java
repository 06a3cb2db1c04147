package org.openreturns.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
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
}
