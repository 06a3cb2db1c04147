package org.openreturns.engine.ctf;

/**
 * Unique Pupil Number: check letter, LA code, establishment, 2-digit year, 3-character serial (ctf.md §6).
 * A temporary UPN ends in a letter. The check-letter algorithm is the DfE's (CIN rule 1510; MTC upn.service.js).
 */
public final class Upn {

    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private Upn() {
    }

    /** Structure: letter, 11 digits, then a digit or a letter other than I, O, S. */
    public static boolean hasValidFormat(String upn) {
        if (upn == null || upn.length() != 13) {
            return false;
        }
        if (CHECK_LETTERS.indexOf(upn.charAt(0)) < 0) {
            return false;
        }
        for (int i = 1; i < 12; i++) {
            char c = upn.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        char last = upn.charAt(12);
        return (last >= '0' && last <= '9') || CHECK_LETTERS.indexOf(last) >= 0;
    }

    public static boolean isTemporary(String upn) {
        return upn != null && upn.length() == 13 && Character.isLetter(upn.charAt(12));
    }

    /** The check letter the DfE algorithm gives for characters 2-13; the UPN must already have a valid format. */
    public static char expectedCheckLetter(String upn) {
        int sum = 0;
        for (int i = 1; i < 13; i++) {
            char c = upn.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : CHECK_LETTERS.indexOf(c);
            sum += v * (i + 1);
        }
        return CHECK_LETTERS.charAt(sum % 23);
    }

    public static boolean hasValidCheckLetter(String upn) {
        return hasValidFormat(upn) && upn.charAt(0) == expectedCheckLetter(upn);
    }

    /** Characters 2-4: the LA that allocated the UPN. */
    public static String laCode(String upn) {
        return upn.substring(1, 4);
    }

    /** Builds a UPN with the right check letter from its 12-character body (LA, estab, year, serial). */
    public static String withCheckLetter(String body) {
        if (body.length() != 12) {
            throw new IllegalArgumentException("UPN body must be 12 characters: " + body);
        }
        String provisional = "A" + body;
        return expectedCheckLetter(provisional) + body;
    }
}
