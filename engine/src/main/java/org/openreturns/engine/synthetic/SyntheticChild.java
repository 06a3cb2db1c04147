package org.openreturns.engine.synthetic;

import java.time.LocalDate;
import java.util.List;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.NcYear;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.StageAssessment;

/**
 * A made-up pupil: identity, year group, an ability (standard normal) that correlates their results across goals and
 * subjects, and a seed from which their earlier years' results are drawn, so that every file shows the same history.
 */
record SyntheticChild(String upn, String surname, String forename, LocalDate dob, String sex, NcYear ncYear,
        double ability, long seed) {

    CtfPupil toPupil(List<StageAssessment> assessments, AcademicYear year) {
        return new CtfPupil(upn, surname, forename, dob.toString(), sex, ncYear.code(), assessments, 0,
                Background.of(this, year));
    }
}
