package org.openreturns.engine.rules.eyfsp;

import java.util.List;

/** Valid results for each early learning goal, by the year they came in. */
public final class EyfspCodes {

    /** 1 emerging, 2 expected, A not assessed; 3 withdrawn (reference/rules.md §1.1, §2.2; ctf.md §5.2). */
    public static final List<String> FROM_2022 = List.of("1", "2", "A");

    /** The result every ELG carries when an exemption applies (reference/rules.md §0.4). */
    static final String NOT_ASSESSED = "A";

    private EyfspCodes() {
    }
}
