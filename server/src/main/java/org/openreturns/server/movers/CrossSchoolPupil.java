package org.openreturns.server.movers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A UPN in the current versions of two or more schools' returns of one collection, with the rule for which school
 * reports the pupil and the LA's decision once it has made one. Carries no pupil detail beyond the UPN, so a school
 * may be shown it: the other schools appear by name only.
 *
 * @param schools every school whose current version holds the UPN, the one that sent its version first first
 * @param keptSchoolId the school the LA decided keeps the pupil; null until it decides
 */
public record CrossSchoolPupil(long collectionId, String upn, String rule, List<Holder> schools, Long keptSchoolId,
        String resolvedBy, Instant resolvedAt) {

    /** A school holding the pupil in its current version. */
    public record Holder(long schoolId, String schoolName, String dfeNumber, long requestId, long submissionId) {
    }

    /** Stable code of the query, on pages, in the API and in spreadsheets alike. */
    public static final String CODE = "CROSS_SCHOOL_UPN";

    public boolean resolved() {
        return keptSchoolId != null;
    }

    public Optional<Holder> kept() {
        return schools.stream().filter(h -> keptSchoolId != null && h.schoolId() == keptSchoolId).findFirst();
    }

    public boolean heldBy(long schoolId) {
        return schools.stream().anyMatch(h -> h.schoolId() == schoolId);
    }

    /** The schools other than the one reading, by name. */
    public List<String> otherSchoolNames(long schoolId) {
        return schools.stream().filter(h -> h.schoolId() != schoolId).map(Holder::schoolName).toList();
    }

    /** The query as the school holding the pupil reads it. */
    public String messageFor(long schoolId) {
        String others = String.join(" and ", otherSchoolNames(schoolId));
        String head = "The pupil with UPN " + upn + " is also in the return of " + others + ". " + rule + " ";
        return kept().map(k -> k.schoolId() == schoolId
                ? head + "The LA has decided that your school reports this pupil, so the pupil counts in your figures."
                : head + "The LA has decided that " + k.schoolName() + " reports this pupil, so the pupil no longer "
                        + "counts in your figures; you need do nothing.")
                .orElse(head + "The LA will decide which school reports this pupil; tell the LA if you know "
                        + "the pupil's dates at each school. You need not change your file.");
    }

    /** The query as the LA reads it: both schools named. */
    public String messageForLa() {
        String all = String.join(" and ", schools.stream().map(Holder::schoolName).toList());
        return "The pupil with UPN " + upn + " is in the returns of " + all + ". " + rule
                + kept().map(k -> " Decided: " + k.schoolName() + " reports this pupil.")
                        .orElse(" Decide which school reports this pupil.");
    }
}
