package org.openreturns.engine.rules.ks1;

import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.rules.RuleSet;
import org.openreturns.engine.rules.common.CommonRules;

/** Rule sets by year. */
public final class Ks1Rules {

    private Ks1Rules() {
    }

    public static RuleSet forYear(AcademicYear year) {
        return CommonRules.base();
    }
}
