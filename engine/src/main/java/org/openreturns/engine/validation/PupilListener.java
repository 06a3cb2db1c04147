package org.openreturns.engine.validation;

import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;

/**
 * Sees every pupil of a file as it is checked, in the same single pass over the file: measures accumulate here, and
 * the server stores results here, so no file is read twice.
 */
public interface PupilListener {

    /** Called once, after the header is read and the collection known, before the first pupil. */
    default void onFileStart(CtfHeader header, ValidationContext context) {
    }

    void onPupil(ValidationContext context, AssessedPupil pupil);
}
