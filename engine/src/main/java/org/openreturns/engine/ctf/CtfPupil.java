package org.openreturns.engine.ctf;

import java.util.List;

/**
 * One {@code Pupil} as read: identity, year group and every {@code StageAssessment} the file carries for the pupil,
 * including earlier years' results (a CTF is cumulative, ctf.md §4). Values are trimmed text or null.
 * {@code sex} holds {@code Sex} or, in older versions, {@code Gender}.
 */
public record CtfPupil(
        String upn,
        String surname,
        String forename,
        String dob,
        String sex,
        String ncYearActual,
        List<StageAssessment> assessments,
        int line) {

    /** "Forename Surname (UPN)" or the best part of it that exists, to name the pupil in messages. */
    public String describe() {
        String name = ((forename == null ? "" : forename) + " " + (surname == null ? "" : surname)).trim();
        String id = upn == null ? "no UPN" : upn;
        return name.isEmpty() ? "pupil at line " + line + " (" + id + ")" : name + " (" + id + ")";
    }
}
