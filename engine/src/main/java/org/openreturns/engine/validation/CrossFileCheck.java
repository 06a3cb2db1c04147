package org.openreturns.engine.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openreturns.engine.rules.Severity;

/**
 * Checks across the files of one collection and year: a pupil reported by two schools (or twice by one) is a query to
 * both, since only the school that owns the pupil's result for that collection should keep it (reference/rules.md
 * §2.5 [I]). Memory is one map entry per UPN.
 */
public final class CrossFileCheck {

    public static final String UPN_IN_TWO_SCHOOLS = "crossfile.upnInTwoSchools";

    /** A pupil found in more than one file. {@code files} are in the order they were given. */
    public record CrossFileFinding(Severity severity, String code, String upn, List<String> files, String message) {
    }

    private CrossFileCheck() {
    }

    public static List<CrossFileFinding> check(List<FileReport> reports) {
        Map<String, List<FileReport>> byReturn = new LinkedHashMap<>();
        for (FileReport report : reports) {
            if (report.readable() && report.collection() != null) {
                byReturn.computeIfAbsent(report.collection() + "/" + report.year().summerYear(),
                        k -> new ArrayList<>()).add(report);
            }
        }
        List<CrossFileFinding> findings = new ArrayList<>();
        for (List<FileReport> group : byReturn.values()) {
            Map<String, List<FileReport>> filesByUpn = new HashMap<>();
            for (FileReport report : group) {
                for (String upn : report.upns()) {
                    filesByUpn.computeIfAbsent(upn, k -> new ArrayList<>(2)).add(report);
                }
            }
            for (FileReport report : group) {
                for (String upn : report.upns().stream().sorted().toList()) {
                    List<FileReport> files = filesByUpn.get(upn);
                    if (files.size() > 1 && files.get(0) == report) {
                        findings.add(finding(upn, files));
                    }
                }
            }
        }
        return findings;
    }

    private static CrossFileFinding finding(String upn, List<FileReport> files) {
        List<String> names = files.stream().map(FileReport::fileName).toList();
        StringBuilder who = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            FileReport f = files.get(i);
            who.append(i == 0 ? "" : i == files.size() - 1 ? " and " : ", ").append(school(f)).append(" (")
                    .append(f.fileName()).append(')');
        }
        boolean sameSchool = files.stream().map(f -> f.header().dfeNumber()).distinct().count() == 1;
        String what = files.get(0).collection().title() + " " + files.get(0).year().label();
        String message = sameSchool
                ? "The pupil with UPN " + upn + " is in more than one " + what + " file from " + who
                        + ". Send each pupil once: remove the pupil from all but one file."
                : "The pupil with UPN " + upn + " is reported for " + what + " by " + who + ". Only the school that "
                        + "should report the pupil's result may keep them: the schools should agree which one, and "
                        + "the other removes the pupil from its return.";
        return new CrossFileFinding(Severity.QUERY, UPN_IN_TWO_SCHOOLS, upn, names, message);
    }

    private static String school(FileReport f) {
        String name = f.header().schoolName();
        return Objects.requireNonNullElse(name, "school " + f.header().dfeNumber());
    }
}
