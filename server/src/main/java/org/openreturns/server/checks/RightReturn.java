package org.openreturns.server.checks;

import java.util.Optional;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfHeader;

/**
 * Whether a readable file is the return a request asks for: this school's, this collection's, this year's. A part the
 * file does not say (no source LA or establishment, no results, no year) is not held against it; the rules report
 * what is missing.
 *
 * @param la the requested school's LA code
 * @param estab the requested school's establishment number
 */
record RightReturn(String la, String estab, String schoolName, Collection collection, int summerYear) {

    /** Why a file is refused: {@code code} is the finding's code, {@code message} what the school reads. */
    record Refusal(String code, String message) {
    }

    /**
     * The refusal of a file, or empty when it may be this return.
     *
     * @param fileCollection the collection of the file's results, null when it has none
     * @param fileYear the year of the file's results, null when unknown
     */
    Optional<Refusal> judge(String fileName, CtfHeader header, Collection fileCollection, AcademicYear fileYear) {
        boolean otherSchool = header.sourceLa() != null && header.sourceEstab() != null
                && !(header.sourceLa().equals(la) && header.sourceEstab().equals(estab));
        boolean otherCollection = fileCollection != null && fileCollection != collection;
        boolean otherYear = fileYear != null && fileYear.summerYear() != summerYear;
        if (!otherSchool && !otherCollection && !otherYear) {
            return Optional.empty();
        }
        String code = otherSchool ? "upload.wrongSchool" : otherCollection ? "upload.wrongCollection"
                : "upload.wrongYear";
        String what = fileCollection == null ? "a CTF with no assessment results" : fileCollection.title() + " return";
        String year = fileYear == null ? "" : " for " + fileYear.summerYear();
        String from = header.sourceLa() == null || header.sourceEstab() == null ? ""
                : " from " + (header.schoolName() == null ? "school" : header.schoolName()) + " ("
                        + header.sourceLa() + "/" + header.sourceEstab() + ")";
        return Optional.of(new Refusal(code, fileName + " is the " + what + year + from + ", but this request is for "
                + describe() + ". Export the " + collection.title() + " CTF for " + summerYear
                + " from your MIS and upload that."));
    }

    private String describe() {
        return "the " + collection.title() + " " + summerYear + " of " + schoolName + " (" + la + "/" + estab + ")";
    }
}
