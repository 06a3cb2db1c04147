package org.openreturns.engine.rules.common;

import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.HeaderRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/**
 * The header's AcademicYear (the start year) should be the year of the results: a file exported in the wrong year is
 * a common slip, and the results in it may be last year's (ctf.md §2).
 */
public final class HeaderYearMatches implements HeaderRule {

    @Override
    public String code() {
        return "file.academicYear";
    }

    @Override
    public Severity severity() {
        return Severity.QUERY;
    }

    @Override
    public void check(CtfHeader header, ValidationContext context, Findings findings) {
        Integer start = header.academicYearStart();
        if (start == null) {
            findings.addFileLevel(this, "The file's header does not give the academic year (AcademicYear is "
                    + (header.academicYear() == null ? "missing" : "'" + header.academicYear() + "'") + "). It was "
                    + "checked as " + context.year().label() + ". If that is wrong, export the file again.");
        } else if (start + 1 != context.year().summerYear()) {
            findings.addFileLevel(this, "The file's header says it is for " + AcademicYear.ofStartYear(start).label()
                    + ", but it was checked as " + context.year().label() + ". Check that you exported this year's "
                    + "results.");
        }
    }
}
