package org.openreturns.engine.rules;

/**
 * A rule that needs to see every pupil of a file, such as duplicate UPNs. The rule is stateless; each file gets its
 * own {@link FileCheck} holding that file's state.
 */
public interface FileRule extends Rule {

    FileCheck start(ValidationContext context);

    interface FileCheck {

        void accept(AssessedPupil pupil, Findings findings);

        default void finish(Findings findings) {
        }
    }
}
