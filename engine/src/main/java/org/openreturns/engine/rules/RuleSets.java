package org.openreturns.engine.rules;

import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.eyfsp.EyfspRules;
import org.openreturns.engine.rules.ks1.Ks1Rules;
import org.openreturns.engine.rules.ks2.Ks2TaRules;
import org.openreturns.engine.rules.mtc.MtcRules;
import org.openreturns.engine.rules.phonics.PhonicsRules;

/** The rule set of a collection for a year; each collection keeps its years in its own package. */
public final class RuleSets {

    private RuleSets() {
    }

    public static RuleSet forCollection(Collection collection, AcademicYear year) {
        return switch (collection) {
            case EYFSP -> EyfspRules.forYear(year);
            case PHONICS -> PhonicsRules.forYear(year);
            case KS1 -> Ks1Rules.forYear(year);
            case KS2_TA -> Ks2TaRules.forYear(year);
            case MTC -> MtcRules.forYear(year);
        };
    }
}
