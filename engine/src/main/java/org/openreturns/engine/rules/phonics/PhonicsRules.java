package org.openreturns.engine.rules.phonics;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.rules.RuleSet;
import org.openreturns.engine.rules.common.CommonRules;

/**
 * The phonics screening check rule set by summer year. Each year is the year before plus its changes; a year before
 * the first uses the first, a later year the latest. The threshold mark itself is data (PhonicsThresholds), not a rule.
 */
public final class PhonicsRules {

    private static final NavigableMap<Integer, RuleSet> BY_YEAR = build();

    private PhonicsRules() {
    }

    public static RuleSet forYear(AcademicYear year) {
        Map.Entry<Integer, RuleSet> entry = BY_YEAR.floorEntry(year.summerYear());
        return entry != null ? entry.getValue() : BY_YEAR.firstEntry().getValue();
    }

    private static NavigableMap<Integer, RuleSet> build() {
        NavigableMap<Integer, RuleSet> years = new TreeMap<>();
        PhonicsCodes codes = PhonicsCodes.FROM_2012;
        // 2022: mark 0-40 or A/D/L/Q, optional Wa/WT (reference/rules.md §1.2, §2.3). The phonics conflict rule
        // replaces the common one, which would take a mark and its outcome for a contradiction.
        years.put(2022, CommonRules.base().with(
                new PhonicsConflictingResults(codes),
                new PhonicsThresholdUnknown(),
                new PhonicsYearGroupMissing(),
                new PhonicsNoResult(codes),
                new PhonicsMarkOutOfRange(codes),
                new PhonicsInvalidCode(codes),
                new PhonicsMarkAndCode(codes),
                new PhonicsOutcomeInconsistent(codes),
                new PhonicsAlreadyMet(codes)));
        return Collections.unmodifiableNavigableMap(years);
    }
}
