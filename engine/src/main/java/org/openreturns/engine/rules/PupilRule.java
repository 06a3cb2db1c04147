package org.openreturns.engine.rules;

/** A rule that looks at one pupil at a time. Implementations are stateless and thread-safe. */
public interface PupilRule extends Rule {

    void check(AssessedPupil pupil, ValidationContext context, Findings findings);
}
