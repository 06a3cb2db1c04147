package org.openreturns.engine.ctf;

/**
 * One {@code StageAssessment} of a pupil, with the {@code Stage} of its {@code KeyStage} (ctf.md §4). Values are
 * trimmed text or null. {@code line} is where it starts in the file, for messages.
 */
public record StageAssessment(
        String stage,
        String locale,
        String year,
        String subject,
        String method,
        String component,
        String resultStatus,
        String resultQualifier,
        String result,
        int line) {

    /** The code tuple in the order MIS marksheets show it: Stage-Subject-Component-Method-ResultQualifier. */
    public String codeTuple() {
        return nz(stage) + "-" + nz(subject) + "-" + nz(component) + "-" + nz(method) + "-" + nz(resultQualifier);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
