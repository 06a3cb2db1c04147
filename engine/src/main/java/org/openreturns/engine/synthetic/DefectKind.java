package org.openreturns.engine.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.openreturns.engine.collection.Collection;

/**
 * The mistakes the generator puts into returns, each made so that validation reports exactly one finding with the
 * rule code it names (the project's agreed codes). A kind with no collection can happen in any return; a file-level
 * kind breaks the header; the cross-file kind puts one pupil into two schools' files.
 */
public enum DefectKind {
    UPN_MISSING("upn.missing", null),
    UPN_FORMAT("upn.format", null),
    UPN_CHECK_LETTER("upn.checkLetter", null),
    UPN_LA_CODE("upn.laCode", null),
    UPN_DUPLICATE("upn.duplicate", null),
    SURNAME_MISSING("pupil.surnameMissing", null),
    FORENAME_MISSING("pupil.forenameMissing", null),
    DOB_INVALID("pupil.dobInvalid", null),
    SEX_INVALID("pupil.sexInvalid", null),
    DOB_OUTSIDE_YEAR_GROUP("pupil.dobOutsideYearGroup", null),
    RESULT_CONFLICT("result.conflict", null),
    EYFSP_ELG_MISSING("eyfsp.elgMissing", Collection.EYFSP),
    EYFSP_INVALID_CODE("eyfsp.invalidCode", Collection.EYFSP),
    EYFSP_ALL_OR_NONE_A("eyfsp.allOrNoneA", Collection.EYFSP),
    EYFSP_EXEMPTION("eyfsp.exemption", Collection.EYFSP),
    PHONICS_NO_RESULT("phonics.noResult", Collection.PHONICS),
    PHONICS_MARK_OUT_OF_RANGE("phonics.markOutOfRange", Collection.PHONICS),
    PHONICS_INVALID_CODE("phonics.invalidCode", Collection.PHONICS),
    PHONICS_MARK_AND_CODE("phonics.markAndCode", Collection.PHONICS),
    PHONICS_OUTCOME_INCONSISTENT("phonics.outcomeInconsistent", Collection.PHONICS),
    PHONICS_ALREADY_MET("phonics.alreadyMet", Collection.PHONICS),
    KS1_MISSING("ks1.missing", Collection.KS1),
    KS1_INVALID_CODE("ks1.invalidCode", Collection.KS1),
    KS2_MISSING("ks2.missing", Collection.KS2_TA),
    KS2_INVALID_CODE("ks2.invalidCode", Collection.KS2_TA),
    KS2_LEFT_INCONSISTENT("ks2.leftInconsistent", Collection.KS2_TA),
    MTC_MISSING("mtc.missing", Collection.MTC),
    MTC_SCORE_OUT_OF_RANGE("mtc.scoreOutOfRange", Collection.MTC),
    MTC_INVALID_CODE("mtc.invalidCode", Collection.MTC),
    FILE_CTF_VERSION("file.ctfVersion", null),
    FILE_ACADEMIC_YEAR("file.academicYear", null),
    CROSSFILE_UPN_IN_TWO_SCHOOLS("crossfile.upnInTwoSchools", null);

    private final String code;
    private final Collection collection;

    DefectKind(String code, Collection collection) {
        this.code = code;
        this.collection = collection;
    }

    /** The rule code of the finding this defect causes. */
    public String code() {
        return code;
    }

    /** The collection whose rules catch it; null for the rules every collection shares. */
    public Collection collection() {
        return collection;
    }

    public boolean fileLevel() {
        return this == FILE_CTF_VERSION || this == FILE_ACADEMIC_YEAR;
    }

    public boolean crossFile() {
        return this == CROSSFILE_UPN_IN_TWO_SCHOOLS;
    }

    /** The kinds that can be put into one pupil of a return of the collection, common ones first. */
    public static List<DefectKind> pupilKinds(Collection collection) {
        List<DefectKind> kinds = new ArrayList<>();
        for (DefectKind k : values()) {
            if (!k.fileLevel() && !k.crossFile() && (k.collection == null || k.collection == collection)) {
                kinds.add(k);
            }
        }
        return kinds;
    }
}
