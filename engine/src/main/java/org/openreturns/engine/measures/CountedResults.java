package org.openreturns.engine.measures;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.common.DuplicateUpn;

/**
 * What of a checked pupil the measures count: what a clean return would hold (reference/rules.md §2: the DfE takes a
 * return only without errors, and COLLECT holds back the items in error [V]). A UPN's repeat record in a file
 * ({@code upn.duplicate}, rule 1520) is not counted, so the pupil counts once, by their first record; an item with an
 * error (a conflict, an invalid code) is left out of that item's measures. Errors about the pupil's identity (a UPN's
 * check letter, a missing forename) leave their results counted: they are the pupil's results once the identity is
 * corrected. Queries change nothing.
 */
public final class CountedResults {

    private CountedResults() {
    }

    /** The pupil as the measures count them, or null when this record is not counted at all. */
    public static AssessedPupil of(AssessedPupil pupil) {
        if (pupil.findings().isEmpty()) {
            return pupil;
        }
        Set<String> inError = new HashSet<>();
        for (Finding f : pupil.findings()) {
            if (f.code().equals(DuplicateUpn.CODE)) {
                return null;
            }
            if (f.severity() == Severity.ERROR && f.item() != null) {
                inError.add(f.item());
            }
        }
        if (inError.isEmpty()) {
            return pupil;
        }
        Map<String, List<ItemResult>> kept = new LinkedHashMap<>();
        pupil.results().forEach((item, results) -> {
            if (!inError.contains(item)) {
                kept.put(item, results);
            }
        });
        return new AssessedPupil(pupil.pupil(), kept, pupil.findings());
    }
}
