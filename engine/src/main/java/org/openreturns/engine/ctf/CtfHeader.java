package org.openreturns.engine.ctf;

/**
 * The CTF header as read (ctf.md §2). Values are the trimmed text of the file, or null where the element is absent or
 * empty, so that rules can say exactly what is missing.
 */
public record CtfHeader(
        String ctfVersion,
        String dateTime,
        String documentQualifier,
        String supplierId,
        String sourceLa,
        String sourceEstab,
        String sourceUrn,
        String schoolName,
        String academicYear,
        String destLa,
        String destEstab) {

    /**
     * LA number and establishment number, "3302000", the DfE number of the school; a PVI setting with no establishment
     * number is known by its early years URN instead, so that two settings are not taken for one.
     */
    public String dfeNumber() {
        String estab = sourceEstab != null ? sourceEstab : sourceUrn != null ? sourceUrn : "????";
        return (sourceLa == null ? "???" : sourceLa) + estab;
    }

    /**
     * The header's academic year is the start year (2025 for 2025/26); null when absent, not a year, or a year no
     * return can be for (outside 1999-2099, the range of {@code AcademicYear}), so that a mistyped or crafted header
     * is treated like a missing one.
     */
    public Integer academicYearStart() {
        if (academicYear == null || !academicYear.matches("\\d{4}")) {
            return null;
        }
        int start = Integer.parseInt(academicYear);
        return start >= 1999 && start <= 2099 ? start : null;
    }

    /** The major CTF version, 25 for "25.0"; null when absent or unreadable. */
    public Integer majorVersion() {
        if (ctfVersion == null) {
            return null;
        }
        int dot = ctfVersion.indexOf('.');
        String major = dot < 0 ? ctfVersion : ctfVersion.substring(0, dot);
        try {
            return Integer.parseInt(major.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
