package org.openreturns.engine.rules.ks2;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.rules.RuleSet;
import org.openreturns.engine.rules.common.CommonRules;

/**
 * The key stage 2 teacher assessment rule set by summer year. Each year is the year before plus its changes; a year
 * before the first uses the first, a later year the latest.
 */
public final class Ks2TaRules {

    private static final NavigableMap<Integer, RuleSet> BY_YEAR = build();

    private Ks2TaRules() {
    }

    public static RuleSet forYear(AcademicYear year) {
        Map.Entry<Integer, RuleSet> entry = BY_YEAR.floorEntry(year.summerYear());
        return entry != null ? entry.getValue() : BY_YEAR.firstEntry().getValue();
    }

    private static NavigableMap<Integer, RuleSet> build() {
        NavigableMap<Integer, RuleSet> years = new TreeMap<>();
        // 2022: the STA's 2024 code table (reference/rules.md §1.4, §2.4), taken for every year from 2022 since the
        // sources found give no earlier difference (EM replaced P-scales from 2021/22).
        Ks2TaCodes codes = Ks2TaCodes.FROM_2022;
        years.put(2022, CommonRules.base().with(
                new Ks2Missing(codes),
                new Ks2InvalidCode(codes),
                new Ks2LeftInconsistent(codes),
                new Ks2StageInconsistent(codes)));
        return Collections.unmodifiableNavigableMap(years);
    }
}
