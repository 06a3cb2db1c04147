package org.openreturns.engine.rules.ks2;

import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.rules.RuleSet;
import org.openreturns.engine.rules.common.CommonRules;

/** Rule sets by year. */
public final class Ks2TaRules {

    private Ks2TaRules() {
    }

    public static RuleSet forYear(AcademicYear year) {
        return CommonRules.base();
    }
}
