package org.openreturns.engine.validation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.openreturns.engine.ctf.StageAssessment;
import org.openreturns.engine.rules.Findings;

/**
 * Results whose codes match no item, by code tuple and year: listed so the LA can map them, never dropped silently
 * (ctf.md §10). Only the first few distinct tuples are kept by name, since a crafted file could make a new one per
 * result.
 */
final class UnmappedResults {

    private final int keptAtMost;
    private final Map<String, Integer> unmapped = new TreeMap<>();
    private int beyondKept;

    UnmappedResults(int keptAtMost) {
        this.keptAtMost = keptAtMost;
    }

    void tally(StageAssessment a) {
        String key = a.codeTuple() + " year " + (a.year() == null ? "(none)" : a.year());
        if (unmapped.size() < keptAtMost || unmapped.containsKey(key)) {
            unmapped.merge(key, 1, Integer::sum);
        } else {
            beyondKept++;
        }
    }

    /** One information finding listing the codes and how often each came, when there were any. */
    void report(Findings findings) {
        if (unmapped.isEmpty()) {
            return;
        }
        Map<String, Integer> shown = new LinkedHashMap<>();
        int total = 0;
        for (Map.Entry<String, Integer> e : unmapped.entrySet()) {
            total += e.getValue();
            if (shown.size() < 20) {
                shown.put(e.getKey(), e.getValue());
            }
        }
        StringBuilder list = new StringBuilder();
        shown.forEach((tuple, n) -> list.append(list.length() == 0 ? "" : "; ").append(tuple).append(" x").append(n));
        total += beyondKept;
        if (beyondKept > 0) {
            list.append("; and more than ").append(unmapped.size() - shown.size()).append(" other codes");
        } else if (shown.size() < unmapped.size()) {
            list.append("; and ").append(unmapped.size() - shown.size()).append(" more");
        }
        findings.addFileLevel(StructuralRule.UNMAPPED_RESULTS, total + " result" + (total == 1 ? "" : "s")
                + " in the file match no assessment item known for the year and were not used "
                + "(Stage-Subject-Component-Method-ResultQualifier): " + list
                + ". If one of these should count, ask the LA to add it to the item table.");
    }
}
