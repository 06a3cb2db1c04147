package org.openreturns.engine.rules.common;

import java.util.List;
import java.util.Map;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/**
 * One item with two different results for the same year leaves it unclear which one stands [I]. The same result twice
 * is harmless and not reported.
 */
public final class ConflictingResults implements PupilRule {

    @Override
    public String code() {
        return "result.conflict";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        for (Map.Entry<String, List<ItemResult>> e : pupil.results().entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            // An empty Result is no result, so it cannot contradict one that is given.
            List<ItemResult> results = e.getValue().stream().filter(r -> r.value() != null).toList();
            for (int i = 1; i < results.size(); i++) {
                if (!results.get(0).value().equals(results.get(i).value())) {
                    ItemResult first = results.get(0);
                    findings.add(this, pupil, e.getKey(), pupil.describe() + " has two different results for "
                            + first.item().label() + ": '" + first.value() + "' and '" + results.get(i).value()
                            + "'. Keep only the right one in your MIS and export the file again.");
                    break;
                }
            }
        }
    }
}
