package org.openreturns.engine.rules.mtc;

import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.rules.RuleSet;
import org.openreturns.engine.rules.common.CommonRules;

/** Rule sets by year. */
public final class MtcRules {

    private MtcRules() {
    }

    public static RuleSet forYear(AcademicYear year) {
        return CommonRules.base();
    }
}
