package org.openreturns.engine.rules.phonics;

import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.HeaderRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/**
 * The STA publishes the threshold mark only after check week (31 in 2026, on 22 June), so until then outcomes are
 * provisional (reference/rules.md §0.1, §4).
 */
public final class PhonicsThresholdUnknown implements HeaderRule {

    @Override
    public String code() {
        return "phonics.thresholdUnknown";
    }

    @Override
    public Severity severity() {
        return Severity.INFO;
    }

    @Override
    public void check(CtfHeader header, ValidationContext context, Findings findings) {
        if (context.phonicsThreshold() == null) {
            findings.addFileLevel(this, "The threshold mark for the " + context.year().label() + " phonics "
                    + "screening check has not been published yet, so whether each pupil met the standard is "
                    + "provisional and Wa/WT outcomes were not checked against the marks. Marks were checked as "
                    + "usual; nothing needs doing now. The outcomes will be worked out once the STA publishes the "
                    + "threshold.");
        }
    }
}
