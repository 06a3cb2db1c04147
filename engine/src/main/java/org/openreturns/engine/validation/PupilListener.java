package org.openreturns.engine.validation;

import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;

/**
 * Sees every pupil of a file as it is checked, in the same single pass over the file: measures accumulate here, and
 * the server stores results here, so no file is read twice. A file can turn out to be broken after some of its pupils
 * were seen (cut off after the last pupil, say): when the report has a {@code readError}, discard what was seen.
 */
public interface PupilListener {

    /**
     * Called once per collection the listener is given pupils of, after the header is read and the collection known,
     * before that collection's first pupil. A file may carry several collections: each pupil comes with the context of
     * the collection it is checked for.
     */
    default void onFileStart(CtfHeader header, ValidationContext context) {
    }

    /** Called after the rules have looked at the pupil: {@link AssessedPupil#findings()} holds what they found. */
    void onPupil(ValidationContext context, AssessedPupil pupil);
}
