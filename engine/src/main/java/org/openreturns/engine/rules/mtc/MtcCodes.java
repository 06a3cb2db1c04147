package org.openreturns.engine.rules.mtc;

import java.util.List;

/**
 * What a multiplication tables check result may be: a score from 0 to {@code maxScore} or a code for a pupil who did
 * not take the check.
 */
public record MtcCodes(int maxScore, List<String> codes) {

    /**
     * A absent, B working below, J just arrived, L left, Q annulled, U unable to access, X not taken, Z incorrectly
     * registered (ctf.md §5.1 [V]).
     */
    public static final MtcCodes BEFORE_2024 = new MtcCodes(25, List.of("A", "B", "J", "L", "Q", "U", "X", "Z"));

    /** 2024 adds H (cheating) and NAA (not able to administer) (ctf.md §5.1 [V]: DfE MTC ctf-results.js). */
    public static final MtcCodes FROM_2024 = new MtcCodes(25,
            List.of("A", "B", "J", "L", "U", "Z", "X", "Q", "H", "NAA"));

    /** The check's one item (items/2022.csv). */
    static final String ITEM = "MTC";

    /**
     * Q (maladministration) and H (cheating): the STA annuls the check, so either stands over a score recorded with it
     * (ctf.md §5.1 [V]); of the codes of a year, only those the year has apply.
     */
    public static final List<String> ANNULLING = List.of("Q", "H");

    public MtcCodes {
        codes = List.copyOf(codes);
    }
}
