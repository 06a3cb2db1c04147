package org.openreturns.engine.rules.phonics;

import java.util.List;
import java.util.Locale;
import org.openreturns.engine.rules.common.ResultCodes;

/**
 * What a phonics check result may be: a mark from 0 to {@code maxMark}, an outcome (Wa met, WT not met) or a reason
 * the pupil was not checked. Codes are compared without regard to case, since MIS write both Wt and WT.
 *
 * @param reasons codes for a pupil who did not take the check, in upper case
 */
public record PhonicsCodes(int maxMark, List<String> reasons) {

    /** Mark 0-40; A absent, D disapplied, L left, Q maladministration (reference/rules.md §1.2; ctf.md §5.3). */
    public static final PhonicsCodes FROM_2012 = new PhonicsCodes(40, List.of("A", "D", "L", "Q"));

    /** The check's one item: mark, outcome and reason are all results of it (items/2022.csv). */
    static final String ITEM = "CHK";
    static final String MET = "WA";
    static final String NOT_MET = "WT";

    public PhonicsCodes {
        reasons = List.copyOf(reasons);
    }

    /** A number, taken as the mark, whether or not it is a valid one. */
    static boolean isMark(String value) {
        return ResultCodes.isNumeric(value);
    }

    /** The mark when the value is a valid one, otherwise null. */
    Integer validMark(String value) {
        Integer mark = ResultCodes.wholeNumber(value);
        return mark != null && mark >= 0 && mark <= maxMark ? mark : null;
    }

    boolean isReason(String value) {
        return value != null && reasons.contains(upper(value));
    }

    static boolean isOutcome(String value) {
        return isMet(value) || isNotMet(value);
    }

    static boolean isMet(String value) {
        return value != null && upper(value).equals(MET);
    }

    static boolean isNotMet(String value) {
        return value != null && upper(value).equals(NOT_MET);
    }

    boolean isKnownCode(String value) {
        return isOutcome(value) || isReason(value);
    }

    /** "A, D, L or Q" with their meanings, for messages. */
    String reasonsText() {
        return ResultCodes.oneOf(reasons) + " (A absent, D did not take the check, L left, Q maladministration)";
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
