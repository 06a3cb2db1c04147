package org.openreturns.engine.rules.eyfsp;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.rules.RuleSet;
import org.openreturns.engine.rules.common.CommonRules;

/**
 * The EYFS Profile rule set by summer year. Each year is the year before plus its changes; a year before the first
 * uses the first, a later year the latest.
 */
public final class EyfspRules {

    private static final NavigableMap<Integer, RuleSet> BY_YEAR = build();

    private EyfspRules() {
    }

    public static RuleSet forYear(AcademicYear year) {
        Map.Entry<Integer, RuleSet> entry = BY_YEAR.floorEntry(year.summerYear());
        return entry != null ? entry.getValue() : BY_YEAR.firstEntry().getValue();
    }

    private static NavigableMap<Integer, RuleSet> build() {
        NavigableMap<Integer, RuleSet> years = new TreeMap<>();
        // 2022: the reformed profile, 17 ELGs E01-E17 with results 1, 2 or A (reference/rules.md §1.1, §2.2).
        RuleSet y2022 = CommonRules.base().with(
                new ElgMissing(),
                new ElgInvalidCode(EyfspCodes.FROM_2022),
                new ElgAllOrNoneA());
        years.put(2022, y2022);
        // 2023: A only where an exemption has been granted (reference/rules.md §0.4).
        years.put(2023, y2022.with(new ElgExemption()));
        return Collections.unmodifiableNavigableMap(years);
    }
}
