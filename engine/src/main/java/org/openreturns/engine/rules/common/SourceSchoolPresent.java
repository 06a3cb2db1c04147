package org.openreturns.engine.rules.common;

import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.HeaderRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/**
 * The header must name the school: a 3-digit LA number and a 4-digit establishment number (ctf.md §2). A PVI setting
 * has no establishment number: for the EYFS Profile it sends its 6-digit early years URN starting 5, 6 or 7 instead,
 * in Estab or URN (reference/rules.md §1.1, §2.2 [V]).
 */
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
        boolean eyfsp = context.collection() == Collection.EYFSP;
        if (eyfsp && !estabOk) {
            estabOk = header.sourceEstab() == null ? isEarlyYearsUrn(header.sourceUrn())
                    : isEarlyYearsUrn(header.sourceEstab());
        }
        if (!laOk || !estabOk) {
            findings.addFileLevel(this, "The file's header does not identify the school: SourceSchool/LEA is "
                    + shown(header.sourceLa()) + " (3 digits expected) and SourceSchool/Estab is "
                    + shown(header.sourceEstab()) + " (4 digits expected"
                    + (eyfsp ? ", or a PVI setting's 6-digit early years URN starting 5, 6 or 7" : "")
                    + "). Check your " + (eyfsp ? "setting's" : "school's") + " LA and DfE numbers in your MIS "
                    + "settings and export the file again.");
        }
    }

    /** A PVI setting's early years URN: 6 digits starting 5, 6 or 7 (reference/rules.md §1.1 [V]). */
    static boolean isEarlyYearsUrn(String value) {
        return value != null && value.matches("[567]\\d{5}");
    }

    private static String shown(String value) {
        return value == null ? "missing" : "'" + value + "'";
    }
}
