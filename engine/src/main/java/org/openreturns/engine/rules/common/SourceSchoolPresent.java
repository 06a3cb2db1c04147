package org.openreturns.engine.rules.common;

import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.HeaderRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/** The header must name the school: a 3-digit LA number and a 4-digit establishment number (ctf.md §2). */
public final class SourceSchoolPresent implements HeaderRule {

    @Override
    public String code() {
        return "file.sourceSchool";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(CtfHeader header, ValidationContext context, Findings findings) {
        boolean laOk = header.sourceLa() != null && header.sourceLa().matches("\\d{3}");
        boolean estabOk = header.sourceEstab() != null && header.sourceEstab().matches("\\d{4}");
        if (!laOk || !estabOk) {
            findings.addFileLevel(this, "The file's header does not identify the school: SourceSchool/LEA is "
                    + shown(header.sourceLa()) + " (3 digits expected) and SourceSchool/Estab is "
                    + shown(header.sourceEstab()) + " (4 digits expected). Check your school's LA and DfE numbers in "
                    + "your MIS settings and export the file again.");
        }
    }

    private static String shown(String value) {
        return value == null ? "missing" : "'" + value + "'";
    }
}
